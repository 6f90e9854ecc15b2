import { z } from 'zod';
import { lazyShape } from '../util/lazy-shape.js';
import type { StreamEvent } from '../events/stream-event.js';
import { ANONYMOUS_USER_ID, SYSTEM_USER_ID } from '../events/user.js';
import type { Clock } from '../util/clock.js';
import { jsonValueSchema, type JsonValue } from './json.js';

/** The default number of viewers an engine keeps (least recently seen evicted first). */
export const DEFAULT_MAX_VIEWERS = 50_000;

/** Zod schema of one saved viewer (see {@link ViewerRecord}). */
export const savedViewerSchema = z.strictObject(
  lazyShape(() => ({
    source: z.string().min(1),
    id: z.string().min(1),
    username: z.string(),
    nickname: z.string(),
    firstSeen: z.number().int().nonnegative(),
    lastSeen: z.number().int().nonnegative(),
    lastChatAt: z.number().int().nonnegative().optional(),
    vars: z.record(z.string(), jsonValueSchema()),
  })),
);

/** A viewer as saved in the engine's state. */
export type SavedViewer = z.output<typeof savedViewerSchema>;

/**
 * A viewer the engine knows: the platform (`meta.platform`, else `source`) and the stable `user.id`
 * key it; names are refreshed every time they are seen. `vars` are the viewer's variables
 * (`user.vars.points`).
 */
export interface ViewerRecord extends SavedViewer {
  /** The variables, prototype-free. */
  vars: Record<string, JsonValue>;
}

/** One row of a leaderboard. */
export interface LeaderboardEntry {
  /** 1 for the highest value; equal values share a rank. */
  rank: number;
  source: string;
  id: string;
  username: string;
  nickname: string;
  value: number;
}

/** Why a viewer left the store. */
export type ViewerEviction = { viewer: SavedViewer; maxViewers: number };

/** The platform an event's viewer belongs to: `meta.platform` for aggregator relays, else `source`. */
function platformOf(event: StreamEvent): string {
  return event.meta?.platform ?? event.source;
}

/** Whether the event is about a real, named viewer (not the system user, not an anonymous one). */
export function hasViewer(event: StreamEvent | undefined): event is StreamEvent {
  return event !== undefined && event.user.id !== SYSTEM_USER_ID && event.user.id !== ANONYMOUS_USER_ID && event.user.id !== '';
}

/**
 * An id made from the name because the platform gave none: aggregators (Streamlabs, StreamElements)
 * relaying a follow or a tip without the platform's user id use the lowercased name. Such a viewer is
 * merged into the viewer of the same name once that one is seen with a stable id.
 */
function isNameKeyed(event: StreamEvent): boolean {
  return event.user.id === event.user.username.toLowerCase() && !/^\d+$/.test(event.user.id);
}

const key = (platform: string, id: string) => `${platform}\u0000${id}`;
const nameKey = (platform: string, username: string) => `${platform}\u0000${username.toLowerCase()}`;

/**
 * The viewers the engine knows, with their variables: bounded (`maxViewers`; the least recently seen
 * is evicted and reported), kept in least-recently-seen order, saved and restored as plain JSON.
 *
 * A viewer seen first without a stable id (a name-keyed id, see above) is merged into the stable
 * record once the platform names them with one: numbers are added (points earned through an
 * aggregator count), other values are kept where the stable record has none. Later name-keyed events
 * of the same name go to the stable record directly.
 */
export class ViewerStore {
  /** Key → record, least recently seen first (a touch moves a record to the end). */
  readonly #records = new Map<string, ViewerRecord>();
  /** Platform + lowercased username → key of the stable record of that name. */
  readonly #names = new Map<string, string>();
  readonly #clock: Clock;
  readonly #evicted: (eviction: ViewerEviction) => void;

  constructor(
    readonly maxViewers: number,
    clock: Clock,
    evicted: (eviction: ViewerEviction) => void,
  ) {
    this.#clock = clock;
    this.#evicted = evicted;
  }

  /** How many viewers are kept. */
  get size(): number {
    return this.#records.size;
  }

  /**
   * Records that the event's viewer was seen now (a `chat` also as chatting): creates or refreshes
   * their record and returns it; `undefined` for events without a real viewer.
   */
  seen(event: StreamEvent): ViewerRecord | undefined {
    if (!hasViewer(event)) return undefined;
    const now = this.#clock.now();
    const record = this.#touch(event, now);
    if (event.type === 'chat') record.lastChatAt = now;
    return record;
  }

  /** The event viewer's record, created if needed (without counting as seen again when it exists). */
  recordOf(event: StreamEvent): ViewerRecord | undefined {
    if (!hasViewer(event)) return undefined;
    return this.#find(event) ?? this.#touch(event, this.#clock.now());
  }

  /** The event viewer's variables (`undefined` when the engine does not know them). */
  varsOf(event: StreamEvent | undefined): Readonly<Record<string, JsonValue>> | undefined {
    return hasViewer(event) ? this.#find(event)?.vars : undefined;
  }

  /** A viewer by platform and stable id. */
  get(platform: string, id: string): ViewerRecord | undefined {
    return this.#records.get(key(platform, id));
  }

  /** The viewers who chatted at or after `since` (epoch ms), on `platforms` (all when absent). */
  chattedSince(since: number, platforms?: ReadonlySet<string>): ViewerRecord[] {
    const out: ViewerRecord[] = [];
    for (const record of this.#records.values()) {
      if (record.lastChatAt !== undefined && record.lastChatAt >= since && (!platforms || platforms.has(record.source))) out.push(record);
    }
    return out;
  }

  /** The `top` viewers by the numeric variable `name` (highest first; ties by name), on `platforms` (all when absent). */
  leaderboard(name: string, top: number, platforms?: ReadonlySet<string>): LeaderboardEntry[] {
    const rows: Array<Omit<LeaderboardEntry, 'rank'>> = [];
    for (const record of this.#records.values()) {
      const value = record.vars[name];
      if (typeof value !== 'number' || (platforms && !platforms.has(record.source))) continue;
      rows.push({ source: record.source, id: record.id, username: record.username, nickname: record.nickname, value });
    }
    rows.sort((a, b) => b.value - a.value || a.nickname.localeCompare(b.nickname));
    const entries: LeaderboardEntry[] = [];
    let rank = 0;
    rows.slice(0, top).forEach((row, index) => {
      if (index === 0 || row.value !== rows[index - 1]!.value) rank = index + 1;
      entries.push({ rank, ...row });
    });
    return entries;
  }

  /** Every viewer, least recently seen first. */
  toJSON(): SavedViewer[] {
    return [...this.#records.values()].map((record) => ({ ...record, vars: { ...record.vars } }));
  }

  /** Replaces the viewers with saved ones (in their order; past `maxViewers`, the oldest are evicted and reported). */
  load(saved: readonly SavedViewer[]): void {
    this.#records.clear();
    this.#names.clear();
    for (const viewer of saved) {
      const record: ViewerRecord = { ...viewer, vars: Object.assign(Object.create(null) as Record<string, JsonValue>, viewer.vars) };
      const at = key(record.source, record.id);
      this.#records.delete(at);
      this.#records.set(at, record);
      if (record.id !== record.username.toLowerCase()) this.#names.set(nameKey(record.source, record.username), at);
    }
    this.#trim();
  }

  #find(event: StreamEvent): ViewerRecord | undefined {
    const platform = platformOf(event);
    const direct = this.#records.get(key(platform, event.user.id));
    if (direct || !isNameKeyed(event)) return direct;
    const stable = this.#names.get(nameKey(platform, event.user.username));
    return stable === undefined ? undefined : this.#records.get(stable);
  }

  #touch(event: StreamEvent, now: number): ViewerRecord {
    const platform = platformOf(event);
    const { user } = event;
    let record = this.#find(event);
    if (record) {
      this.#records.delete(key(record.source, record.id));
    } else {
      record = {
        source: platform,
        id: user.id,
        username: user.username,
        nickname: user.nickname,
        firstSeen: now,
        lastSeen: now,
        vars: Object.create(null) as Record<string, JsonValue>,
      };
    }
    const stable = !isNameKeyed(event);
    if (stable && record.id === user.id) {
      if (record.username.toLowerCase() !== user.username.toLowerCase()) this.#forgetName(record);
      record.username = user.username;
      record.nickname = user.nickname;
      this.#names.set(nameKey(platform, user.username), key(platform, user.id));
      this.#migrate(record, platform);
    }
    record.lastSeen = now;
    this.#records.set(key(record.source, record.id), record);
    this.#trim();
    return record;
  }

  /** Merges a name-keyed record of the stable record's name into it (see the class doc). */
  #migrate(record: ViewerRecord, platform: string): void {
    const provisionalKey = key(platform, record.username.toLowerCase());
    if (provisionalKey === key(record.source, record.id)) return;
    const provisional = this.#records.get(provisionalKey);
    if (!provisional) return;
    this.#records.delete(provisionalKey);
    for (const [name, value] of Object.entries(provisional.vars)) {
      const mine = record.vars[name];
      if (typeof value === 'number' && typeof mine === 'number') record.vars[name] = mine + value;
      else if (mine === undefined) record.vars[name] = value;
    }
    record.firstSeen = Math.min(record.firstSeen, provisional.firstSeen);
    if (provisional.lastChatAt !== undefined) record.lastChatAt = Math.max(record.lastChatAt ?? 0, provisional.lastChatAt);
  }

  #forgetName(record: ViewerRecord): void {
    const at = nameKey(record.source, record.username);
    if (this.#names.get(at) === key(record.source, record.id)) this.#names.delete(at);
  }

  #trim(): void {
    while (this.#records.size > this.maxViewers) {
      const [oldestKey, oldest] = this.#records.entries().next().value as [string, ViewerRecord];
      this.#records.delete(oldestKey);
      this.#forgetName(oldest);
      this.#evicted({ viewer: { ...oldest, vars: { ...oldest.vars } }, maxViewers: this.maxViewers });
    }
  }
}
