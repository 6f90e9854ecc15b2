import type { Clock } from '@vmsc/core';

/**
 * The keepalive watchdog: every frame re-arms it; silence for `keepalive_timeout_seconds` plus the
 * margin fires `onSilence` (the socket is dead). Twitch's pings do not count, only frames.
 */
export class KeepaliveWatchdog {
  readonly #clock: Clock;
  readonly #marginMs: number | undefined;
  #timer: unknown;
  /** The session's keepalive timeout, ms. */
  keepaliveMs = 10_000;

  /** @param marginMs Extra silence tolerated; default 20 % of the keepalive timeout. */
  constructor(clock: Clock, marginMs: number | undefined) {
    this.#clock = clock;
    this.#marginMs = marginMs;
  }

  /** The margin in use for the current timeout, ms. */
  get marginMs(): number {
    return this.#marginMs ?? Math.round(this.keepaliveMs * 0.2);
  }

  /** (Re)starts the countdown. */
  arm(onSilence: () => void): void {
    this.stop();
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      onSilence();
    }, this.keepaliveMs + this.marginMs);
  }

  stop(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
