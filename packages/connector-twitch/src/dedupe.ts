/**
 * Remembers EventSub `message_id`s for a time window (Twitch redelivers with the same id; around a
 * `session_reconnect` both sockets may carry the same message), and at most `maxIds` of them, so memory
 * stays bounded at any rate. Ids are kept in arrival order (a queue beside the set): forgetting takes
 * only from the head, so each id costs O(1) to remember and to forget, with no iterator per message.
 */
export class MessageDeduplicator {
  readonly #windowMs: number;
  readonly #maxIds: number;
  readonly #seen = new Set<string>();
  /** Arrival order: `#ids[i]` arrived at `#times[i]`; entries before `#head` are forgotten. */
  #ids: string[] = [];
  #times: number[] = [];
  #head = 0;

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
    const times = this.#times;
    while (this.#head < times.length && now - times[this.#head]! > this.#windowMs) this.#forgetOldest();
    if (this.#seen.has(id)) return true;
    if (this.#seen.size >= this.#maxIds) this.#forgetOldest();
    this.#seen.add(id);
    this.#ids.push(id);
    times.push(now);
    return false;
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.#seen.size;
  }

  clear(): void {
    this.#seen.clear();
    this.#ids = [];
    this.#times = [];
    this.#head = 0;
  }

  #forgetOldest(): void {
    this.#seen.delete(this.#ids[this.#head]!);
    this.#head++;
    // Drop the forgotten prefix once it is most of the queue (amortised O(1)).
    if (this.#head >= 1_024 && this.#head * 2 >= this.#ids.length) {
      this.#ids = this.#ids.slice(this.#head);
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
  }
}
