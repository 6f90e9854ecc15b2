import { TimeoutError, type EventBus, type EventOfType, type StreamEvent, type StreamEventType } from '@vmsc/core';

/** Options of the wait helpers. */
export interface WaitOptions {
  /** Give up after this many ms (default 5,000) with a {@link TimeoutError} naming what was awaited. */
  timeoutMs?: number;
}

/**
 * Resolves with the next event on the bus of the given type (and matching `filter`), or rejects with
 * a {@link TimeoutError}.
 *
 * @example
 * ```ts
 * const gift = await waitForEvent(bus, 'gift', { filter: (e) => e.data.repeatEnd });
 * ```
 */
export function waitForEvent<T extends StreamEventType>(
  bus: EventBus,
  type: T,
  options?: WaitOptions & { filter?: (event: EventOfType<T>) => boolean },
): Promise<EventOfType<T>>;
/** Resolves with the next event the predicate accepts. */
export function waitForEvent(bus: EventBus, predicate: (event: StreamEvent) => boolean, options?: WaitOptions): Promise<StreamEvent>;
export function waitForEvent(
  bus: EventBus,
  typeOrPredicate: string | ((event: StreamEvent) => boolean),
  options: WaitOptions & { filter?: (event: never) => boolean } = {},
): Promise<StreamEvent> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const filter = options.filter as ((event: StreamEvent) => boolean) | undefined;
  const matches =
    typeof typeOrPredicate === 'function'
      ? typeOrPredicate
      : (event: StreamEvent) => event.type === typeOrPredicate && (!filter || filter(event));
  const what = typeof typeOrPredicate === 'function' ? 'a matching event' : `a "${typeOrPredicate}" event`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new TimeoutError(`waited ${timeoutMs} ms for ${what} on the bus`));
    }, timeoutMs);
    const off = bus.onAny((event) => {
      if (!matches(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

/** The events collected so far by {@link collectEvents}, and a way to stop collecting. */
export interface EventCollector {
  readonly events: StreamEvent[];
  /** Resolves once `count` events have been collected (or rejects on timeout). */
  waitForCount(count: number, options?: WaitOptions): Promise<StreamEvent[]>;
  stop(): void;
}

/** Collects every event published on the bus (optionally only those `filter` accepts). */
export function collectEvents(bus: EventBus, filter?: (event: StreamEvent) => boolean): EventCollector {
  const events: StreamEvent[] = [];
  const listeners = new Set<() => void>();
  const off = bus.onAny((event) => {
    if (filter && !filter(event)) return;
    events.push(event);
    for (const listener of listeners) listener();
  });
  return {
    events,
    waitForCount(count, { timeoutMs = 5_000 } = {}) {
      if (events.length >= count) return Promise.resolve(events);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(events);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new TimeoutError(`waited ${timeoutMs} ms for ${count} events, got ${events.length}`));
        }, timeoutMs);
        listeners.add(check);
      });
    },
    stop: off,
  };
}

/** Polls `condition` until it is true (or rejects with a {@link TimeoutError} saying `description`). */
export async function waitUntil(
  condition: () => boolean,
  description: string,
  { timeoutMs = 5_000, intervalMs = 5 }: WaitOptions & { intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new TimeoutError(`waited ${timeoutMs} ms for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
