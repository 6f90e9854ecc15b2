/**
 * Quota accounting. The Data API charges every call against a project's daily units (10,000 by
 * default), reset at midnight Pacific Time. The connector counts what it spends so that a user can
 * see how long the quota lasts at the current polling interval.
 *
 * @packageDocumentation
 */
import { ValidationError, type ValidationIssue } from '@vmsc/core';

/** Units per call, per the research brief (YouTube's quota table): list 5, videos 1, insert 50. */
export interface QuotaCosts {
  /** `liveChatMessages.list`. */
  list: number;
  /** `liveChatMessages.stream` (per connection, not per message). */
  stream: number;
  /** `videos.list`. */
  videos: number;
  /** `liveBroadcasts.list` (target `{ mine: true }`). */
  liveBroadcasts: number;
  /** `liveChatMessages.insert`. */
  insert: number;
}

/** The default costs: list 5, stream 5, videos 1, liveBroadcasts 1, insert 50. */
export const DEFAULT_QUOTA_COSTS: Readonly<QuotaCosts> = Object.freeze({ list: 5, stream: 5, videos: 1, liveBroadcasts: 1, insert: 50 });

/** A Data API method the connector calls. */
export type QuotaMethod = keyof QuotaCosts;

/**
 * The `quotaCosts` option: any of {@link QuotaCosts}' keys, plus `broadcasts`, the deprecated name
 * of `liveBroadcasts` (accepted so that options written for 0.x keep working).
 */
export type QuotaCostsOption = Partial<QuotaCosts> & {
  /** @deprecated Use `liveBroadcasts`. */
  broadcasts?: number;
};

const QUOTA_METHODS = Object.keys(DEFAULT_QUOTA_COSTS) as QuotaMethod[];

/**
 * Checks the `quotaCosts` option and fills in the defaults. Every key must be one of
 * {@link QuotaCosts}' (or the deprecated `broadcasts`) and every value a finite number ≥ 0.
 *
 * @throws ValidationError (code `YOUTUBE_INVALID_QUOTA_COSTS`) naming the valid keys, for an
 *   unknown key, a bad value, or both `broadcasts` and `liveBroadcasts` given.
 */
export function resolveQuotaCosts(option: QuotaCostsOption | undefined): QuotaCosts {
  const costs: QuotaCosts = { ...DEFAULT_QUOTA_COSTS };
  if (option === undefined) return costs;
  const issues: ValidationIssue[] = [];
  const valid = `valid keys: ${QUOTA_METHODS.join(', ')} (broadcasts: deprecated name of liveBroadcasts)`;
  if (typeof option !== 'object' || option === null) {
    issues.push({ path: 'quotaCosts', message: `not an object; ${valid}` });
  } else {
    if ('broadcasts' in option && 'liveBroadcasts' in option) {
      issues.push({ path: 'quotaCosts.broadcasts', message: 'give liveBroadcasts only (broadcasts is its deprecated name)' });
    }
    for (const [key, value] of Object.entries(option)) {
      const method = key === 'broadcasts' ? 'liveBroadcasts' : key;
      if (!(QUOTA_METHODS as string[]).includes(method)) {
        issues.push({ path: `quotaCosts.${key}`, message: `unknown quota method; ${valid}` });
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        issues.push({ path: `quotaCosts.${key}`, message: `not a number of units ≥ 0 (${JSON.stringify(value)})` });
      } else {
        costs[method as QuotaMethod] = value;
      }
    }
  }
  if (issues.length > 0) throw new ValidationError('invalid YouTube quotaCosts option', issues, { code: 'YOUTUBE_INVALID_QUOTA_COSTS' });
  return costs;
}

/** The connector's estimate of today's quota use. */
export interface QuotaEstimate {
  /** Units this connector spent since the last reset (its own calls only; other clients of the project are not seen). */
  usedToday: number;
  /** The project's daily limit as configured (`quotaPerDay`, default 10,000). */
  dailyLimit: number;
  /** `dailyLimit - usedToday`, never below 0. */
  remaining: number;
  /** Calls per method since the last reset. */
  calls: Readonly<Record<QuotaMethod, number>>;
  /** The next reset, midnight America/Los_Angeles (Unix epoch ms). */
  resetsAt: number;
  /** Units per hour at the current polling interval (0 when streaming or not polling). */
  unitsPerHour: number;
  /** When `remaining` runs out at that rate (Unix epoch ms); `undefined` if it lasts until the reset. */
  exhaustedAt: number | undefined;
  /** YouTube answered `quotaExceeded`: calls are paused until `resetsAt`. */
  exceeded: boolean;
}

const pacificParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function partsAt(ms: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const out: Record<string, number> = {};
  for (const part of pacificParts.formatToParts(ms)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number };
}

/**
 * The next midnight in America/Los_Angeles after `now` (Unix epoch ms), daylight saving included:
 * 07:00 UTC in summer (PDT), 08:00 UTC in winter (PST).
 */
export function nextPacificMidnight(now: number): number {
  const today = partsAt(now);
  const tomorrowUtc = Date.UTC(today.year, today.month - 1, today.day + 1);
  for (const offsetHours of [7, 8]) {
    const candidate = tomorrowUtc + offsetHours * 3_600_000;
    const parts = partsAt(candidate);
    if (parts.hour === 0 && parts.minute === 0 && candidate > now) return candidate;
  }
  return tomorrowUtc + 8 * 3_600_000;
}

function zeroCalls(): Record<QuotaMethod, number> {
  return Object.fromEntries(QUOTA_METHODS.map((method) => [method, 0])) as Record<QuotaMethod, number>;
}

/** Counts units spent per method and resets at midnight Pacific. */
export class QuotaTracker {
  readonly #costs: QuotaCosts;
  readonly #dailyLimit: number;
  readonly #now: () => number;
  #resetsAt: number;
  #used = 0;
  #calls: Record<QuotaMethod, number> = zeroCalls();
  #exceededUntil: number | undefined;

  constructor(options: { costs?: QuotaCosts; dailyLimit?: number; now: () => number }) {
    this.#costs = options.costs ?? { ...DEFAULT_QUOTA_COSTS };
    this.#dailyLimit = options.dailyLimit ?? 10_000;
    this.#now = options.now;
    this.#resetsAt = nextPacificMidnight(this.#now());
  }

  #roll(): void {
    const now = this.#now();
    if (now < this.#resetsAt) return;
    this.#used = 0;
    this.#calls = zeroCalls();
    this.#exceededUntil = undefined;
    this.#resetsAt = nextPacificMidnight(now);
  }

  /** Counts one call (YouTube charges even failed calls). */
  spend(method: QuotaMethod): void {
    this.#roll();
    this.#used += this.#costs[method];
    this.#calls[method]++;
  }

  /** YouTube said `quotaExceeded`: remember until when. Returns the reset time. */
  markExceeded(): number {
    this.#roll();
    this.#exceededUntil = this.#resetsAt;
    return this.#resetsAt;
  }

  /** The next reset (Unix epoch ms). */
  get resetsAt(): number {
    this.#roll();
    return this.#resetsAt;
  }

  /** The estimate, given the current polling interval (ms; `undefined` when not polling). */
  estimate(pollIntervalMs: number | undefined): QuotaEstimate {
    this.#roll();
    const now = this.#now();
    const remaining = Math.max(0, this.#dailyLimit - this.#used);
    const unitsPerHour = pollIntervalMs && pollIntervalMs > 0 ? (3_600_000 / pollIntervalMs) * this.#costs.list : 0;
    let exhaustedAt: number | undefined;
    if (unitsPerHour > 0) {
      const at = now + Math.floor((remaining / unitsPerHour) * 3_600_000);
      if (at < this.#resetsAt) exhaustedAt = at;
    }
    return {
      usedToday: this.#used,
      dailyLimit: this.#dailyLimit,
      remaining,
      calls: { ...this.#calls },
      resetsAt: this.#resetsAt,
      unitsPerHour,
      exhaustedAt,
      exceeded: this.#exceededUntil !== undefined && now < this.#exceededUntil,
    };
  }
}
