/**
 * Remembers EventSub `message_id`s for a time window (Twitch redelivers with the same id; around a
 * `session_reconnect` both sockets may carry the same message), and at most `maxIds` of them, so memory
 * stays bounded at any rate. Insertion order = time order, so forgetting walks only the expired or
 * surplus head.
 */
export class MessageDeduplicator {
  readonly #windowMs: number;
  readonly #maxIds: number;
  readonly #seen = new Map<string, number>();

  /**
   * @param windowMs How long an id is remembered.
   * @param maxIds The most ids remembered at once (the oldest are forgotten first); at least 1.
   */
  constructor(windowMs: number, maxIds = Number.POSITIVE_INFINITY) {
    this.#windowMs = windowMs;
    this.#maxIds = Math.max(1, maxIds);
  }

  /** Records `id` at `now`; returns `true` when it was already seen within the window. */
  isDuplicate(id: string, now: number): boolean {
    for (const [oldId, at] of this.#seen) {
      if (now - at <= this.#windowMs) break;
      this.#seen.delete(oldId);
    }
    if (this.#seen.has(id)) return true;
    if (this.#seen.size >= this.#maxIds) this.#seen.delete(this.#seen.keys().next().value as string);
    this.#seen.set(id, now);
    return false;
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.#seen.size;
  }

  clear(): void {
    this.#seen.clear();
  }
}
