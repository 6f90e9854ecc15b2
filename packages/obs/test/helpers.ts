import type { Clock } from '@vmsc/core';
import { ObsController, type ObsControllerOptions } from '@vmsc/obs';
import type { ObsFake } from '@vmsc/testing';

/** A timer the controller scheduled on a {@link StepClock}. */
export interface ScheduledTimer {
  delayMs: number;
  run(): void;
}

/**
 * A clock whose timers only run when the test says so (sockets stay real): `timers` lists what is
 * scheduled, `fire(predicate)` runs the first matching one.
 */
export class StepClock implements Clock {
  readonly timers: ScheduledTimer[] = [];

  now(): number {
    return 1_800_000_000_000;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const timer: ScheduledTimer = { delayMs, run: callback };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    const index = this.timers.indexOf(handle as ScheduledTimer);
    if (index >= 0) this.timers.splice(index, 1);
  }

  /** Runs (and removes) the first timer scheduled with exactly `delayMs`; throws when there is none. */
  fire(delayMs: number): void {
    const index = this.timers.findIndex((timer) => timer.delayMs === delayMs);
    if (index < 0) throw new Error(`no timer of ${delayMs} ms (pending: ${this.timers.map((t) => t.delayMs).join(', ')})`);
    const [timer] = this.timers.splice(index, 1);
    timer!.run();
  }
}

const controllers: ObsController[] = [];

/** An ObsController pointed at `fake` (its password unless overridden), disconnected by {@link disconnectControllers}. */
export function controllerFor(fake: ObsFake | { url: string; password?: string }, options: ObsControllerOptions = {}): ObsController {
  const password = fake.password === undefined ? {} : { password: fake.password };
  const controller = new ObsController({ url: fake.url, backoff: { random: () => 0 }, ...password, ...options });
  controllers.push(controller);
  return controller;
}

/** Disconnects every controller the test made. */
export async function disconnectControllers(): Promise<void> {
  await Promise.allSettled(controllers.splice(0).map((controller) => controller.disconnect()));
}
