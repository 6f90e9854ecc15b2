import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEvent, type BusNotice, type Connector, type ConnectorStatus, type EventBus, type StreamEvent } from '@vmsc/core';
import { closeAllFakes } from '../cleanup.js';
import { waitUntil } from '../wait.js';

/**
 * The connector contract: one behavioural suite that every VMSC connector passes against its fake
 * (crossws-style: one suite, every adapter). Each connector's tests call {@link connectorContract}
 * with a function that starts its fake and builds the connector aimed at it.
 *
 * @packageDocumentation
 */

/** What a connector's test gives the contract suite. */
export interface ContractHarness {
  /** The connector under test, aimed at the fake, with a short backoff (e.g. `{ initialDelayMs: 20, jitterMs: 0 }`). */
  connector: Connector;
  /** The bus the connector publishes to. */
  bus: EventBus;
  /**
   * Makes the fake send one ordinary platform event (a chat message, a heart rate reading) to the
   * connected client; the connector must publish exactly one StreamEvent for it.
   */
  sendEvent(): Promise<void>;
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
}

/**
 * Registers the contract suite for one connector (call it inside a vitest test file).
 *
 * The contract: a new connector is `disconnected`; `connect()` goes through `connecting` to
 * `connected` and resolves; platform events arrive on the bus as valid `StreamEvent`s of the
 * connector's source and update `health.lastEventAt`; a dropped connection goes to `reconnecting`
 * and back to `connected` by itself, after which events flow again and a lost interval is reported
 * as a gap unless nothing could have been missed; `disconnect()` ends in `disconnected`, stops
 * retrying and is idempotent; the connector can connect again afterwards; no credential leaks.
 */
export function connectorContract(name: string, setup: () => Promise<ContractHarness>, options: ContractOptions = {}): void {
  const timeoutMs = options.timeoutMs ?? 5_000;

  describe(`connector contract: ${name}`, () => {
    let harness: ContractHarness;
    let statuses: ConnectorStatus[];
    let notices: BusNotice[];
    let events: StreamEvent[];

    beforeEach(async () => {
      harness = await setup();
      statuses = [];
      notices = [];
      events = [];
      harness.connector.on('status', (change) => void statuses.push(change.status));
      harness.bus.onNotice((notice) => void notices.push(notice));
      harness.bus.onAny((event) => void events.push(event));
    });

    afterEach(async () => {
      await harness.connector.disconnect();
      await harness.close?.();
      await closeAllFakes();
    });

    it('starts disconnected, connects through "connecting", and reports status on the bus', async () => {
      expect(harness.connector.status).toBe('disconnected');
      await harness.connector.connect();
      expect(harness.connector.status).toBe('connected');
      expect(statuses.slice(0, 2)).toEqual(['connecting', 'connected']);
      expect(notices.filter((notice) => notice.kind === 'status').map((notice) => notice.kind === 'status' && notice.status)).toEqual(
        expect.arrayContaining(['connecting', 'connected']),
      );
      expect(harness.connector.health.connectedAt).toBeTypeOf('number');
    });

    it('publishes platform events as valid StreamEvents of its source', async () => {
      await harness.connector.connect();
      await harness.sendEvent();
      await waitUntil(() => events.length > 0, 'an event on the bus', { timeoutMs });
      const event = events[0]!;
      expect(event.source).toBe(harness.connector.source);
      const parsed = parseEvent(JSON.parse(JSON.stringify({ ...event, raw: undefined })));
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
      expect(harness.connector.health.lastEventAt).toBeTypeOf('number');
      expect(harness.connector.health.eventCount).toBeGreaterThanOrEqual(1);
    });

    it('reconnects by itself after a dropped connection, and events flow again', async () => {
      await harness.connector.connect();
      await harness.dropConnection();
      await waitUntil(() => statuses.includes('reconnecting'), 'status "reconnecting"', { timeoutMs });
      await waitUntil(() => harness.connector.status === 'connected', 'status "connected" again', { timeoutMs });
      const before = events.length;
      await harness.sendEvent();
      await waitUntil(() => events.length > before, 'an event after the reconnect', { timeoutMs });
    });

    it('disconnect() stops everything, is idempotent, and connect() works again', async () => {
      await harness.connector.connect();
      await harness.connector.disconnect();
      expect(harness.connector.status).toBe('disconnected');
      await harness.connector.disconnect();
      expect(harness.connector.status).toBe('disconnected');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(harness.connector.status).toBe('disconnected');
      await harness.connector.connect();
      expect(harness.connector.status).toBe('connected');
      const before = events.length;
      await harness.sendEvent();
      await waitUntil(() => events.length > before, 'an event after connecting again', { timeoutMs });
    });

    it('never leaks a credential into statuses, errors, notices or its string form', async () => {
      await harness.connector.connect();
      await harness.dropConnection();
      await waitUntil(() => harness.connector.status === 'connected', 'status "connected" again', { timeoutMs });
      const seen = [
        String(harness.connector),
        JSON.stringify(harness.connector.health, (_key, value: unknown) =>
          value instanceof Error ? `${value.message} ${String(value.cause)}` : value,
        ),
        ...notices.map((notice) => JSON.stringify(notice, (_key, value: unknown) => (value instanceof Error ? value.message : value))),
      ].join('\n');
      for (const secret of harness.secrets ?? []) expect(seen).not.toContain(secret);
    });
  });
}

export { socketIoFaultSuite } from './socketio-faults.js';
export type { SocketIoFaultFake, SocketIoFaultHarness, SocketIoFaultSession } from './socketio-faults.js';
