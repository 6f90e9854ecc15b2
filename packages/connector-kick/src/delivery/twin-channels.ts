import type { DecodedFrame } from '../raw/pusher.js';

interface Seen {
  at: number;
  data: unknown;
  text?: string;
}

/** How many recent frames of one name are remembered per channel. */
const PER_NAME = 16;

const textOf = (entry: { data: unknown; text?: string }): string => (entry.text ??= JSON.stringify(entry.data) ?? '');

/**
 * Drops a frame that repeats, on its twin channel, a frame that arrived just before: Kick's legacy
 * `chatrooms.{id}` and current `chatrooms.{id}.v2` are aliases of one chatroom, and an event broadcast
 * on both arrives twice. Same event name and same payload within `windowMs` on the two twins = one
 * event. Cheap on the hot path: a frame is remembered by reference; payloads are only serialized to
 * compare when the twin has a recent frame of the same name.
 */
export class TwinChannelFilter {
  readonly #twins: ReadonlyMap<string, string>;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #recent = new Map<string, Map<string, Seen[]>>();

  constructor(pairs: ReadonlyArray<readonly [string, string]>, windowMs: number, now: () => number) {
    const twins = new Map<string, string>();
    for (const [a, b] of pairs) {
      twins.set(a, b);
      twins.set(b, a);
    }
    this.#twins = twins;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Whether `frame` repeats a recent frame of its twin channel (then it is consumed); otherwise it is remembered. */
  isEcho(frame: DecodedFrame): boolean {
    const channel = frame.channel;
    const twin = channel === undefined ? undefined : this.#twins.get(channel);
    if (channel === undefined || twin === undefined) return false;
    const now = this.#now();
    const candidates = this.#recent.get(twin)?.get(frame.name);
    if (candidates && candidates.length > 0) {
      while (candidates.length > 0 && now - candidates[0]!.at > this.#windowMs) candidates.shift();
      const incoming: Seen = { at: now, data: frame.data };
      const index = candidates.findIndex((candidate) => textOf(candidate) === textOf(incoming));
      if (index >= 0) {
        candidates.splice(index, 1);
        return true;
      }
    }
    let byName = this.#recent.get(channel);
    if (!byName) this.#recent.set(channel, (byName = new Map()));
    let list = byName.get(frame.name);
    if (!list) byName.set(frame.name, (list = []));
    list.push({ at: now, data: frame.data });
    if (list.length > PER_NAME) list.shift();
    return false;
  }
}
