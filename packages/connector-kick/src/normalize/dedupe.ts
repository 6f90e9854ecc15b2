/**
 * Remembers the dedupe keys of recently published events for a time window, so that the several
 * frames Kick sends for one happening (a subscription arrives on up to five channels) become one
 * event.
 */
export class KickDeduper {
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #seen = new Map<string, number>();

  constructor(windowMs: number, now: () => number) {
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /**
   * Returns true (and remembers the keys) when none of `keys` was seen within the window; false when
   * the happening was already published.
   */
  admit(keys: readonly string[]): boolean {
    const now = this.#now();
    this.#evict(now);
    for (const key of keys) {
      const at = this.#seen.get(key);
      if (at !== undefined && now - at <= this.#windowMs) return false;
    }
    for (const key of keys) this.#seen.set(key, now);
    return true;
  }

  /** Whether any of `keys` was admitted within the window (does not remember anything). */
  seen(keys: readonly string[]): boolean {
    const now = this.#now();
    for (const key of keys) {
      const at = this.#seen.get(key);
      if (at !== undefined && now - at <= this.#windowMs) return true;
    }
    return false;
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.#seen.size;
  }

  #evict(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [key, at] of this.#seen) {
      if (now - at <= this.#windowMs) break;
      this.#seen.delete(key);
    }
  }
}
