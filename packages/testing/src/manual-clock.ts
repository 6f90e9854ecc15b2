import type { Clock } from '@vmsc/core';

interface Pending {
  at: number;
  order: number;
  callback: () => void;
}

/**
 * A {@link Clock} whose time moves only when told: give it to a `RuleEngine` (option `clock`) or a
 * hub (`buildHub` / `startCommand` option `clock`) to test timers, cooldowns and delays against real
 * sockets, which `vi.useFakeTimers()` would stop.
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const engine = new RuleEngine({ bus, clock, rules });
 * await clock.advance(10 * 60_000); // every timer due in the next 10 minutes runs, in order
 * ```
 */
export class ManualClock implements Clock {
  readonly #pending = new Map<number, Pending>();
  #now: number;
  #next = 1;

  /** @param start The time it starts at (epoch ms; default: the real time now). */
  constructor(start: number = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const handle = this.#next++;
    this.#pending.set(handle, { at: this.#now + Math.max(0, delayMs), order: handle, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  /** Timers waiting. */
  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Moves time forward by `ms`, running every timer that comes due on the way, in time order (timers
   * set by those callbacks too), and lets the promises they start settle after each one.
   */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      let due: [number, Pending] | undefined;
      for (const entry of this.#pending) {
        if (entry[1].at > until) continue;
        if (!due || entry[1].at < due[1].at || (entry[1].at === due[1].at && entry[1].order < due[1].order)) due = entry;
      }
      if (!due) break;
      this.#pending.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.#now = until;
  }
}
