/**
 * A sliding-window rate limiter: at most `limit` messages in any window of `windowMs` (spec 000:
 * 60 messages per second per connection). It keeps the times of the last `limit` accepted messages
 * in a ring, so a check is O(1).
 */
export class SlidingWindowLimiter {
  readonly #times: Float64Array;
  readonly #windowMs: number;
  #next = 0;

  constructor(limit: number, windowMs: number) {
    this.#times = new Float64Array(Math.max(1, limit)).fill(Number.NEGATIVE_INFINITY);
    this.#windowMs = windowMs;
  }

  /**
   * Records a message at `now` if the window allows it. Returns 0 when accepted, otherwise the ms
   * until the next message would be accepted.
   */
  take(now: number): number {
    const oldest = this.#times[this.#next]!;
    const freeAt = oldest + this.#windowMs;
    if (freeAt > now) return Math.ceil(freeAt - now);
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.#times.length;
    return 0;
  }
}

/**
 * Counts rejected (rate-limited) messages in a sliding window; `record()` says when the count
 * passes the threshold, i.e. the client keeps flooding and is to be disconnected.
 */
export class FloodDetector {
  readonly #times: number[] = [];
  readonly #threshold: number;
  readonly #windowMs: number;

  constructor(threshold: number, windowMs: number) {
    this.#threshold = threshold;
    this.#windowMs = windowMs;
  }

  /** Records one rejected message; `true` once more than `threshold` fell within the window. */
  record(now: number): boolean {
    const times = this.#times;
    times.push(now);
    while (times.length > 0 && times[0]! <= now - this.#windowMs) times.shift();
    return times.length > this.#threshold;
  }
}
