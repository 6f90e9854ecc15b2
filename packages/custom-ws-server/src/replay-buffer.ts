import type { StreamEvent } from '@vmsc/core';

/** An event kept for replay, with its broadcast frame serialized and UTF-8 encoded once. */
export interface BufferedEvent {
  event: StreamEvent;
  /**
   * `{"action":"event","event":...}` as sent to subscribers, UTF-8 encoded once for every subscriber
   * (sent as a text frame; `ws` would otherwise encode a string again for each of them).
   */
  frame: Buffer;
}

/**
 * The bounded ring of recent events that `subscribe` with `since` replays from. Lookup of an id is
 * O(1); the oldest event is forgotten when the ring is full.
 */
export class ReplayBuffer {
  readonly #capacity: number;
  readonly #ring: Array<BufferedEvent | undefined>;
  /** event id -> sequence number (the number of events pushed before it). */
  readonly #sequenceOf = new Map<string, number>();
  #pushed = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(0, Math.floor(capacity));
    this.#ring = new Array<BufferedEvent | undefined>(this.#capacity);
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Events currently held. */
  get size(): number {
    return Math.min(this.#pushed, this.#capacity);
  }

  /** The id of the newest buffered event, `undefined` while none is buffered. */
  get newestId(): string | undefined {
    if (this.size === 0) return undefined;
    return this.#ring[(this.#pushed - 1) % this.#capacity]!.event.id;
  }

  push(entry: BufferedEvent): void {
    if (this.#capacity === 0) return;
    const slot = this.#pushed % this.#capacity;
    const evicted = this.#ring[slot];
    if (evicted) this.#sequenceOf.delete(evicted.event.id);
    this.#ring[slot] = entry;
    this.#sequenceOf.set(entry.event.id, this.#pushed);
    this.#pushed++;
  }

  /**
   * The buffered events after the one with id `since`, oldest first. `found` is `false` when that
   * id is not (or no longer) buffered: then every buffered event is returned.
   */
  after(since: string): { found: boolean; entries: BufferedEvent[] } {
    const sequence = this.#sequenceOf.get(since);
    const first = this.#pushed - this.size;
    const start = sequence === undefined ? first : sequence + 1;
    const entries: BufferedEvent[] = [];
    for (let s = start; s < this.#pushed; s++) entries.push(this.#ring[s % this.#capacity]!);
    return { found: sequence !== undefined, entries };
  }
}
