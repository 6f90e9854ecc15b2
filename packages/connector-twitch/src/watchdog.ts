import type { Clock } from '@vmsc/core';

/**
 * The keepalive watchdog: every frame moves its deadline; silence for `keepalive_timeout_seconds`
 * plus the margin fires `onSilence` (the socket is dead). Twitch's pings do not count, only frames.
 *
 * A frame only writes the new deadline ({@link touch}); the one timer, when it fires before the
 * deadline, waits again for the time left. So a frame costs a field write, not a `clearTimeout` plus
 * a `setTimeout`, and silence is still noticed at the last frame's deadline, as a re-armed timer would.
 */
export class KeepaliveWatchdog {
  readonly #clock: Clock;
  readonly #marginMs: number | undefined;
  #timer: unknown;
  /** When the timer is due (it may be earlier than the deadline, never later). */
  #timerAt = 0;
  #deadline = 0;
  #onSilence: (() => void) | undefined;
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

  /** Whether the countdown runs. */
  get armed(): boolean {
    return this.#onSilence !== undefined;
  }

  /** (Re)starts the countdown from now, calling `onSilence` when it runs out. */
  arm(onSilence: () => void): void {
    this.#onSilence = onSilence;
    this.#deadline = this.#clock.now() + this.keepaliveMs + this.marginMs;
    // A shorter keepalive than the running timer's: wait for the new deadline, not the old one.
    if (this.#timer !== undefined && this.#timerAt > this.#deadline) this.#cancelTimer();
    if (this.#timer === undefined) this.#schedule(this.#deadline);
  }

  /** A frame arrived: the countdown starts over (nothing happens when it is not armed). */
  touch(now: number): void {
    if (this.#onSilence !== undefined) this.#deadline = now + this.keepaliveMs + this.marginMs;
  }

  stop(): void {
    this.#cancelTimer();
    this.#onSilence = undefined;
  }

  #schedule(at: number): void {
    this.#timerAt = at;
    this.#timer = this.#clock.setTimeout(() => this.#due(), Math.max(0, at - this.#clock.now()));
  }

  #due(): void {
    this.#timer = undefined;
    const onSilence = this.#onSilence;
    if (!onSilence) return;
    if (this.#clock.now() < this.#deadline) {
      this.#schedule(this.#deadline);
      return;
    }
    this.#onSilence = undefined;
    onSilence();
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
