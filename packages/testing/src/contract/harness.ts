import type { Connector, EventBus } from '@vmsc/core';

/**
 * Whether a reconnect can lose events, as the platform allows:
 * - `'reported'`: the platform does not replay what was sent while the connection was down, so the
 *   connector must report the lost interval as a gap (a `gap` notice on the bus and a `gap` event);
 * - `'none'`: the connector resumes where it stopped (a page token, a `since` replay), so an event
 *   sent while it was reconnecting must still arrive, and no gap may be reported.
 */
export type ReconnectGap = 'reported' | 'none';

/** What a connector's test gives the contract suite. */
export interface ContractHarness {
  /**
   * The connector under test, aimed at the fake, with a short backoff (e.g. `{ initialDelayMs: 20, jitterMs: 0 }`)
   * and the system clock (the suite compares gap times with `Date.now()`).
   */
  connector: Connector;
  /** The bus the connector publishes to. */
  bus: EventBus;
  /**
   * Whether a reconnect can lose events on this platform (see {@link ReconnectGap}); say why in a
   * comment next to it. With `'none'`, {@link sendEvent} must also work while the connector is reconnecting.
   */
  reconnectGap: ReconnectGap;
  /**
   * Makes the fake send one ordinary platform event (a chat message, a heart rate reading) to the
   * connected client; the connector must publish exactly one StreamEvent for it (the suite waits a
   * settle time for a second one, and checks that `health.eventCount` grew by one).
   */
  sendEvent(): Promise<void>;
  /**
   * The sources its events carry, when not its own `source`: an aggregator relays the events of
   * other platforms under theirs (a multistreamer's `twitch`, a mirrored VMSC's original sources).
   */
  eventSources?: readonly string[];
  /** Breaks the connection abruptly at the transport level (socket reset, failed poll) while connected. */
  dropConnection(): Promise<void>;
  /** Credentials given to the connector: they must never appear in statuses, errors, notices or `String(connector)`. */
  secrets?: string[];
  /** Stops the fake (the suite also calls `closeAllFakes()`). */
  close?(): Promise<void>;
}

/** Options of {@link connectorContract}. */
export interface ContractOptions {
  /** Ms to wait for each expected step (default 5,000). */
  timeoutMs?: number;
  /** Ms to wait after an expected event for a second one that must not come (default 150). */
  settleMs?: number;
}
