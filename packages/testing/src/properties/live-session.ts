import type { BusNotice, EventBus, StreamEvent } from '@vmsc/core';
import { expectTypedError, expectValidEvent } from './outcome.js';

/** What {@link recordBus} collects: every event and every notice published on a bus, in order. */
export interface BusRecording {
  readonly events: StreamEvent[];
  readonly notices: BusNotice[];
}

/**
 * Records every event (`onAny`) and every notice (`onNotice`) of `bus` into two arrays that the test
 * can read, wait on or clear (`recording.notices.length = 0`).
 *
 * @example
 * ```ts
 * const { events, notices } = recordBus(bus);
 * await connector.connect();
 * await waitUntil(() => events.length === 1, 'one event');
 * ```
 */
export function recordBus(bus: EventBus): BusRecording {
  const events: StreamEvent[] = [];
  const notices: BusNotice[] = [];
  bus.onAny((event) => void events.push(event));
  bus.onNotice((notice) => void notices.push(notice));
  return { events, notices };
}

/**
 * The outcome every live-socket property test asks for after throwing arbitrary frames at a real
 * connector: every published event is valid, every reported error is typed, and the status never
 * changed (no `status` notice: the session survived). Throws naming the first violation.
 *
 * @example
 * ```ts
 * const recording = recordBus(bus);
 * await connector.connect();
 * recording.notices.length = 0;
 * // ... send arbitrary frames, each followed by a real one that must arrive ...
 * expectSessionSurvived(recording);
 * ```
 */
export function expectSessionSurvived(recording: BusRecording): void {
  for (const event of recording.events) expectValidEvent(event);
  for (const notice of recording.notices) {
    if (notice.kind === 'error') expectTypedError(notice.error);
    if (notice.kind === 'status') throw new Error(`status changed to ${notice.status}`);
  }
}
