import type { StreamEvent } from '../events/stream-event.js';
import type { Clock } from '../util/clock.js';
import { identityKeys } from './identity.js';

/** Options of cross-source duplicate suppression (opt-in: `new EventBus({ crossSourceDedupe })`). */
export interface CrossSourceDedupeOptions {
  /** How long an event's identity is remembered, in ms. Default 10,000. */
  windowMs?: number;
  /**
   * Sources from most to least preferred, e.g. `['twitch', 'streamelements', 'streamlabs']`. When two
   * copies meet, the preferred source's copy is the one kept. Unlisted sources rank last.
   */
  priority?: readonly string[];
  /**
   * How long (ms) to hold an event from a less preferred source, waiting for the preferred source's
   * copy, before delivering it. Default 0: deliver at once and drop whichever copy comes second.
   */
  holdMs?: number;
}

/** What the bus should do with a published event. */
export type DedupeDecision =
  | { action: 'deliver' }
  | { action: 'hold'; delayMs: number }
  | { action: 'drop'; kept: StreamEvent; detail: string }
  | { action: 'replace'; dropped: StreamEvent; detail: string };

interface Entry {
  event: StreamEvent;
  seenAt: number;
  delivered: boolean;
  keys: string[];
}

/**
 * Remembers recent event identities and decides, for each new event, whether it is a copy of one
 * from another source. The same identity from the same source is never a duplicate (a second raid
 * by the same channel is a second raid).
 */
export class CrossSourceDedupe {
  readonly #windowMs: number;
  readonly #holdMs: number;
  readonly #rank: Map<string, number>;
  readonly #clock: Clock;
  readonly #byKey = new Map<string, Entry>();
  readonly #entries: Entry[] = [];

  constructor(options: CrossSourceDedupeOptions, clock: Clock) {
    this.#windowMs = options.windowMs ?? 10_000;
    this.#holdMs = options.holdMs ?? 0;
    this.#rank = new Map((options.priority ?? []).map((source, index) => [source, index]));
    this.#clock = clock;
  }

  #rankOf(source: string): number {
    return this.#rank.get(source) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * Forgets the delivered entries older than the window. A held entry is kept, whatever its age,
   * until its hold ends (`release`) or a preferred copy replaces it: forgetting it would lose the
   * event with no notice when `holdMs > windowMs`.
   */
  #prune(now: number): void {
    let expired = 0;
    const held: Entry[] = [];
    while (expired < this.#entries.length && now - this.#entries[expired]!.seenAt > this.#windowMs) {
      const entry = this.#entries[expired]!;
      if (entry.delivered) this.#forgetKeys(entry);
      else held.push(entry);
      expired++;
    }
    if (expired > 0) this.#entries.splice(0, expired, ...held);
  }

  /** Decides what to do with `event`, and remembers it unless it is dropped. */
  check(event: StreamEvent): DedupeDecision {
    const keys = identityKeys(event);
    if (keys.length === 0) return { action: 'deliver' };
    const now = this.#clock.now();
    this.#prune(now);
    let match: Entry | undefined;
    for (const key of keys) {
      const entry = this.#byKey.get(key);
      if (entry && entry.event.source !== event.source) {
        match = entry;
        break;
      }
    }
    if (match) {
      const newRank = this.#rankOf(event.source);
      const oldRank = this.#rankOf(match.event.source);
      const identity = `${match.event.meta?.platform ?? match.event.source} ${event.type} by ${event.user.username}`;
      if (!match.delivered && newRank < oldRank) {
        this.#forget(match);
        this.#remember(event, keys, now, true);
        return {
          action: 'replace',
          dropped: match.event,
          detail: `${identity}: ${event.source} is preferred over ${match.event.source}, whose held copy is dropped`,
        };
      }
      return {
        action: 'drop',
        kept: match.event,
        detail: match.delivered
          ? `${identity}: already delivered from ${match.event.source} ${now - match.seenAt} ms earlier`
          : `${identity}: ${match.event.source} is preferred over ${event.source}`,
      };
    }
    const outranked = this.#holdMs > 0 && [...this.#rank.values()].some((rank) => rank < this.#rankOf(event.source));
    this.#remember(event, keys, now, !outranked);
    return outranked ? { action: 'hold', delayMs: this.#holdMs } : { action: 'deliver' };
  }

  /**
   * Marks a held event as delivered (its hold expired with no preferred copy). Returns false if it
   * was replaced. Its identity is then remembered for a full window from now, like an event
   * delivered at once.
   */
  release(event: StreamEvent): boolean {
    const index = this.#entries.findIndex((candidate) => candidate.event === event);
    if (index < 0) return false;
    const [entry] = this.#entries.splice(index, 1);
    entry!.delivered = true;
    entry!.seenAt = this.#clock.now();
    this.#entries.push(entry!);
    return true;
  }

  #remember(event: StreamEvent, keys: string[], now: number, delivered: boolean): void {
    const entry: Entry = { event, seenAt: now, delivered, keys };
    this.#entries.push(entry);
    for (const key of keys) this.#byKey.set(key, entry);
  }

  #forgetKeys(entry: Entry): void {
    for (const key of entry.keys) if (this.#byKey.get(key) === entry) this.#byKey.delete(key);
  }

  #forget(entry: Entry): void {
    this.#forgetKeys(entry);
    const index = this.#entries.indexOf(entry);
    if (index >= 0) this.#entries.splice(index, 1);
  }
}
