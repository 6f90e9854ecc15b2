import { performance } from 'node:perf_hooks';
import { vi } from 'vitest';

/**
 * Fakes only the timers (setTimeout/setInterval), so heartbeats, watchdogs and backoff run on
 * `vi.advanceTimersByTime` while sockets, `setImmediate` and promises stay real.
 */
export function useFakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

/**
 * Spins the real event loop (setImmediate, which stays real under {@link useFakeTimers}) until
 * `condition` holds; throws naming `what` after 5 s of real time.
 */
export async function spinUntil(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Lets pending socket I/O settle for a few real event-loop turns. */
export async function settle(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
