import { systemClock, type Clock, type StreamEvent } from '@vmsc/core';
import { happeningKeys } from './happening.js';

/** The two ways Kick events reach VMSC. */
export type KickFeed = 'pusher' | 'webhook';

/** Options of {@link KickFeedDedupe}. */
export interface KickFeedDedupeOptions {
  /** How long one feed's event waits to be matched by the other feed's copy, ms. Default 60,000. */
  windowMs?: number;
  /** Time source, for tests. */
  clock?: Clock;
  /** At most this many events are remembered (oldest forgotten first). Default 10,000. */
  capacity?: number;
}

interface Entry {
  feed: KickFeed;
  at: number;
  keys: readonly string[];
  /** Matched or evicted (still in the queue until the head passes it). */
  done: boolean;
}

/**
 * The window shared by a {@link KickConnector} (Pusher) and a {@link KickWebhookReceiver} watching
 * the same channel, so that a happening both feeds report (a chat message, a subscription, a gift)
 * is published once, by whichever feed brings it first.
 *
 * Each event published by one feed waits up to `windowMs` for its copy from the other feed, and is
 * matched at most once: a copy is dropped, while two real happenings with the same keys (the same
 * viewer sending the same Kicks gift twice) stay two events, since each feed reports each once.
 * Events of the same feed never match each other (each feed dedupes itself).
 *
 * @example
 * ```ts
 * const dedupe = new KickFeedDedupe();
 * const kick = new KickConnector({ bus, channel: 'xqc', feedDedupe: dedupe });
 * const hooks = new KickWebhookReceiver({ bus, feedDedupe: dedupe });
 * ```
 */
export class KickFeedDedupe {
  readonly #windowMs: number;
  readonly #capacity: number;
  readonly #clock: Clock;
  /** Unmatched entries by key, oldest first. */
  readonly #byKey = new Map<string, Entry[]>();
  /** Every entry, oldest first (for eviction), from `#head` on; matched ones are flagged `done`. */
  #queue: Entry[] = [];
  #head = 0;
  #live = 0;

  constructor(options: KickFeedDedupeOptions = {}) {
    this.#windowMs = options.windowMs ?? 60_000;
    this.#capacity = Math.max(1, options.capacity ?? 10_000);
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * Whether `event`, brought by `feed`, should be published: `false` when the other feed already
   * published the same happening within the window (that earlier event is then matched and
   * forgotten); `true` otherwise, and the event is remembered for the other feed's copy.
   */
  admit(feed: KickFeed, event: StreamEvent): boolean {
    const keys = happeningKeys(event);
    if (keys.length === 0) return true;
    const now = this.#clock.now();
    this.#evict(now);
    for (const key of keys) {
      const match = this.#byKey.get(key)?.find((entry) => entry.feed !== feed);
      if (match) {
        this.#forget(match);
        return false;
      }
    }
    const entry: Entry = { feed, at: now, keys, done: false };
    this.#queue.push(entry);
    this.#live++;
    for (const key of keys) {
      const list = this.#byKey.get(key);
      if (list) list.push(entry);
      else this.#byKey.set(key, [entry]);
    }
    while (this.#live > this.#capacity) this.#forget(this.#queue[this.#head++]!);
    return true;
  }

  /** Events waiting for their copy. */
  get size(): number {
    return this.#live;
  }

  #evict(now: number): void {
    const queue = this.#queue;
    while (this.#head < queue.length && (queue[this.#head]!.done || now - queue[this.#head]!.at > this.#windowMs)) {
      this.#forget(queue[this.#head++]!);
    }
    // Compact once the consumed head dominates the array.
    if (this.#head > 1024 && this.#head * 2 > queue.length) {
      this.#queue = queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #forget(entry: Entry): void {
    if (entry.done) return;
    entry.done = true;
    this.#live--;
    for (const key of entry.keys) {
      const list = this.#byKey.get(key);
      if (!list) continue;
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.#byKey.delete(key);
    }
  }
}
