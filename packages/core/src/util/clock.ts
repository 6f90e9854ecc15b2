/**
 * Time and timers, injectable so that backoff, keepalive and dedupe logic can be tested without
 * waiting. The default uses the global timers (which `vi.useFakeTimers()` also controls).
 */
export interface Clock {
  /** Unix epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The clock backed by `Date.now` and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => {
    const handle = globalThis.setTimeout(callback, delayMs) as unknown as { unref?: () => void };
    return handle;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};
