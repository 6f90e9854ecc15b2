/**
 * A bounded memory of recently seen ids or keys, oldest forgotten first: the building block of
 * "deliver each message once" in connectors whose platform may repeat a message (Socket.IO
 * redeliveries, TikTok history replays). Lookups and inserts are O(1).
 *
 * @example
 * ```ts
 * const seen = new RecentIds(5_000);
 * if (seen.add(message.id)) bus.publish(toEvent(message)); // false: already delivered
 * ```
 */
export class RecentIds {
  readonly #ids = new Set<string>();
  readonly #capacity: number;

  /** @param capacity How many ids are remembered (at least 1). */
  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
  }

  /** Remembers `id`; returns `false` if it was already remembered (a repeat). */
  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
    return true;
  }

  /** Whether `id` is remembered. */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.#ids.size;
  }

  /** Forgets everything. */
  clear(): void {
    this.#ids.clear();
  }
}
