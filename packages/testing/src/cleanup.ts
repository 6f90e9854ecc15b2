/**
 * Automatic cleanup of everything the fakes open: each server registers how to close itself, and
 * one call closes whatever is still open (in tests: `afterEach(closeAllFakes)`).
 *
 * @packageDocumentation
 */

const pending = new Set<() => Promise<void>>();

/** Registers a closer; returns a function that unregisters it (call it once the thing is closed). */
export function registerCleanup(close: () => Promise<void>): () => void {
  pending.add(close);
  return () => {
    pending.delete(close);
  };
}

/** Closes every fake server and socket still open. Safe to call at any time, repeatedly. */
export async function closeAllFakes(): Promise<void> {
  const closers = [...pending];
  pending.clear();
  await Promise.allSettled(closers.map((close) => close()));
}

/** How many fakes are still open (useful to assert a test cleaned up). */
export function openFakeCount(): number {
  return pending.size;
}
