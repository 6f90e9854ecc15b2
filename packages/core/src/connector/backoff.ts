import { brandOf, markBrand } from '../util/brand.js';
import { systemClock, type Clock } from '../util/clock.js';

/** Marks a Backoff for every copy of `@vmsc/core` (see `Backoff[Symbol.hasInstance]`). */
const BACKOFF_BRAND = Symbol.for('vmsc.backoff');

/**
 * Options of {@link Backoff}. The defaults are spec 003's table: 1, 2, 4, 8, then 16 s for every
 * further retry, each plus 0–1 s of random jitter, reset after a successful connection.
 */
export interface BackoffOptions {
  /** Delay before the first retry, ms. Default 1,000. */
  initialDelayMs?: number;
  /** Largest delay, ms (before jitter). Default 16,000. */
  maxDelayMs?: number;
  /** Growth factor per attempt. Default 2. */
  factor?: number;
  /** Random jitter added to each delay: uniformly 0..jitterMs. Default 1,000. */
  jitterMs?: number;
  /** Random source in [0, 1), for tests. Default `Math.random`. */
  random?: () => number;
}

/**
 * Exponential backoff with jitter. `next()` returns the delay before the next attempt and counts it;
 * `reset()` after a success.
 *
 * @example
 * ```ts
 * const backoff = new Backoff({ random: () => 0 });
 * backoff.next(); // 1000
 * backoff.next(); // 2000
 * backoff.reset();
 * ```
 */
export class Backoff {
  readonly #initial: number;
  readonly #max: number;
  readonly #factor: number;
  readonly #jitter: number;
  readonly #random: () => number;
  #attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.#initial = options.initialDelayMs ?? 1_000;
    this.#max = options.maxDelayMs ?? 16_000;
    this.#factor = options.factor ?? 2;
    this.#jitter = options.jitterMs ?? 1_000;
    this.#random = options.random ?? Math.random;
  }

  /** Retries counted since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** The delay (ms) before the next retry, jitter included; counts the retry. */
  next(): number {
    const base = Math.min(this.#initial * this.#factor ** this.#attempt, this.#max);
    this.#attempt++;
    return Math.round(base + this.#random() * this.#jitter);
  }

  /**
   * The delay before the next retry, but never less than `minimumMs` (a server's Retry-After): a
   * server's wait is honoured without ever retrying sooner than the backoff would. Counts the retry.
   */
  nextAtLeast(minimumMs: number | undefined): number {
    return Math.max(minimumMs ?? 0, this.next());
  }

  /** Starts over from the initial delay (call after a successful connection). */
  reset(): void {
    this.#attempt = 0;
  }

  /** `value instanceof Backoff`, also true for a Backoff made by another copy of `@vmsc/core`. */
  static [Symbol.hasInstance](value: unknown): value is Backoff {
    return brandOf(value, BACKOFF_BRAND) === true;
  }
}
markBrand(Backoff.prototype, BACKOFF_BRAND);

/** Options of {@link Reconnector}. */
export interface ReconnectorOptions {
  backoff?: Backoff | BackoffOptions;
  clock?: Clock;
}

/**
 * Schedules reconnect attempts with a {@link Backoff}: one pending attempt at a time, cancellable.
 * Connectors call `schedule()` when a connection drops and `succeeded()` once connected again.
 */
export class Reconnector {
  readonly backoff: Backoff;
  readonly #clock: Clock;
  #handle: unknown;
  #pending = false;

  constructor(options: ReconnectorOptions = {}) {
    this.backoff = options.backoff instanceof Backoff ? options.backoff : new Backoff(options.backoff);
    this.#clock = options.clock ?? systemClock;
  }

  /** Whether an attempt is scheduled. */
  get pending(): boolean {
    return this.#pending;
  }

  /**
   * Runs `attempt` after the next backoff delay (or after `delayMs` when given, e.g. a server's
   * retry-after), replacing any attempt already scheduled. Returns the delay used.
   */
  schedule(attempt: () => void | Promise<void>, delayMs?: number): number {
    this.cancel();
    const delay = delayMs ?? this.backoff.next();
    this.#pending = true;
    this.#handle = this.#clock.setTimeout(() => {
      this.#pending = false;
      this.#handle = undefined;
      void attempt();
    }, delay);
    return delay;
  }

  /** The connection is up: reset the backoff. */
  succeeded(): void {
    this.backoff.reset();
  }

  /** Cancels the scheduled attempt, if any. */
  cancel(): void {
    if (this.#handle !== undefined) this.#clock.clearTimeout(this.#handle);
    this.#handle = undefined;
    this.#pending = false;
  }
}
