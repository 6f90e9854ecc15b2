import type { BusNotice, EventBus, StreamEvent } from '@vmsc/core';
import { closeAllFakes } from '../cleanup.js';
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

/** Anything with a `disconnect()`: a connector, or a client of a fake. */
export interface Disconnectable {
  disconnect(): Promise<void>;
}

/** What {@link trackConnectors} returns. */
export interface ConnectorTracker {
  /** Remembers `connector` for {@link ConnectorTracker.cleanup}; returns it. */
  track<T extends Disconnectable>(connector: T): T;
  /** Disconnects every tracked connector (failures ignored), forgets them and closes every fake. */
  cleanup(): Promise<void>;
}

/**
 * Keeps the connectors a test makes so one `afterEach` can disconnect them all and close the fakes,
 * instead of a hand-written array and cleanup in every test file.
 *
 * @example
 * ```ts
 * const connectors = trackConnectors();
 * afterEach(connectors.cleanup);
 * it('...', async () => {
 *   const connector = connectors.track(new StreamlabsConnector({ bus, socketToken, url: fake.url }));
 * });
 * ```
 */
export function trackConnectors(): ConnectorTracker {
  const tracked: Disconnectable[] = [];
  return {
    track(connector) {
      tracked.push(connector);
      return connector;
    },
    async cleanup() {
      await Promise.allSettled(tracked.splice(0).map((connector) => connector.disconnect()));
      await closeAllFakes();
    },
  };
}

/**
 * Wraps a function that starts a session (a fake plus a connected connector) so that every session a
 * test starts is disconnected, and the fakes closed, after that test. Pass your test framework's
 * `afterEach` (this package does not import one).
 *
 * @example
 * ```ts
 * import { afterEach } from 'vitest';
 * const live = sessionsPerTest(afterEach, async () => {
 *   const fake = await startStreamlabsFake();
 *   const connector = new StreamlabsConnector({ bus: new EventBus(), socketToken: STREAMLABS_FAKE_TOKEN, url: fake.url });
 *   await connector.connect();
 *   return { fake, connector };
 * });
 * it('...', async () => {
 *   const { fake, connector } = await live();
 * });
 * ```
 */
export function sessionsPerTest<A extends unknown[], S extends { connector: Disconnectable }>(
  afterEach: (hook: () => Promise<void>) => void,
  start: (...args: A) => Promise<S>,
): (...args: A) => Promise<S> {
  const connectors = trackConnectors();
  afterEach(connectors.cleanup);
  return async (...args) => {
    const session = await start(...args);
    connectors.track(session.connector);
    return session;
  };
}
