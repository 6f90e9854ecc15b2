import type { Clock } from '@vmsc/core';

/** Options of {@link Heartbeat}. */
export interface HeartbeatOptions {
  clock: Clock;
  /** Send a beat this often, ms. */
  intervalMs: number;
  /** Give up when a beat is not acknowledged within this many ms. */
  timeoutMs: number;
  /** Sends one beat (a WebSocket ping, a Phoenix `heartbeat`). */
  send(): void;
  /** No acknowledgement in time: the connection is presumed dead. Called once per start. */
  onTimeout(): void;
}

/**
 * A keepalive with a reply watchdog: sends a beat every `intervalMs`; each beat must be
 * acknowledged within `timeoutMs` or `onTimeout` fires. Runs on the injected clock, so tests drive
 * it with fake timers.
 */
export class Heartbeat {
  readonly #options: HeartbeatOptions;
  #beatTimer: unknown;
  #watchdog: unknown;
  #running = false;

  constructor(options: HeartbeatOptions) {
    this.#options = options;
  }

  /** Whether a beat is waiting for its acknowledgement. */
  get awaiting(): boolean {
    return this.#watchdog !== undefined;
  }

  /** Starts beating (the first beat goes out after one interval). Restarts if already running. */
  start(): void {
    this.stop();
    this.#running = true;
    this.#scheduleBeat();
  }

  /** The last beat was acknowledged. */
  acknowledge(): void {
    if (this.#watchdog === undefined) return;
    this.#options.clock.clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** Stops beating and watching. */
  stop(): void {
    this.#running = false;
    if (this.#beatTimer !== undefined) this.#options.clock.clearTimeout(this.#beatTimer);
    this.#beatTimer = undefined;
    this.acknowledge();
  }

  #scheduleBeat(): void {
    this.#beatTimer = this.#options.clock.setTimeout(() => {
      this.#beatTimer = undefined;
      if (!this.#running) return;
      this.#beat();
    }, this.#options.intervalMs);
  }

  #beat(): void {
    if (this.#watchdog === undefined) {
      this.#watchdog = this.#options.clock.setTimeout(() => {
        this.#watchdog = undefined;
        if (!this.#running) return;
        this.stop();
        this.#options.onTimeout();
      }, this.#options.timeoutMs);
    }
    this.#options.send();
    this.#scheduleBeat();
  }
}
