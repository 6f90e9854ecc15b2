/**
 * Remembers EventSub `message_id`s for a time window (Twitch redelivers with the same id; around a
 * `session_reconnect` both sockets may carry the same message). Insertion order = time order, so
 * forgetting walks only the expired head.
 */
export class MessageDeduplicator {
  readonly #windowMs: number;
  readonly #seen = new Map<string, number>();

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Records `id` at `now`; returns `true` when it was already seen within the window. */
  isDuplicate(id: string, now: number): boolean {
    for (const [oldId, at] of this.#seen) {
      if (now - at <= this.#windowMs) break;
      this.#seen.delete(oldId);
    }
    if (this.#seen.has(id)) return true;
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
