import { expect } from 'vitest';
import { parseEvent, type BusNotice, type ConnectorStatus, type Gap, type StreamEvent } from '@vmsc/core';
import { waitUntil } from '../wait.js';
import type { ContractHarness } from './harness.js';

/**
 * The checks of the connector contract, as plain async functions over one recorded run, so that
 * {@link connectorContract} registers them as tests and the suite's own tests can run them against a
 * deliberately broken connector. Internal: not exported from the package entry.
 */

/** What the suite records of one harness while a check runs. */
export interface ContractRun {
  readonly harness: ContractHarness;
  /** Every status change, with the wall-clock time it was seen. */
  readonly statuses: Array<{ status: ConnectorStatus; at: number }>;
  readonly notices: BusNotice[];
  readonly events: StreamEvent[];
  /** The connector's own `gap` events. */
  readonly gaps: Gap[];
  /** Ms to wait for each expected step. */
  readonly timeoutMs: number;
  /** Ms to wait after an expected event for one that should not come. */
  readonly settleMs: number;
}

/** Starts recording `harness` (statuses, notices, events, gaps). */
export function recordRun(harness: ContractHarness, options: { timeoutMs: number; settleMs: number }): ContractRun {
  const run: ContractRun = { harness, statuses: [], notices: [], events: [], gaps: [], ...options };
  harness.connector.on('status', (change) => void run.statuses.push({ status: change.status, at: Date.now() }));
  harness.connector.on('gap', (gap) => void run.gaps.push(gap));
  harness.bus.onNotice((notice) => void run.notices.push(notice));
  harness.bus.onAny((event) => void run.events.push(event));
  return run;
}

/** One check of the contract. */
export interface ContractCheck {
  /** The test's name. */
  readonly name: string;
  run(run: ContractRun): Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const gapNotices = (run: ContractRun) =>
  run.notices.flatMap((notice) => (notice.kind === 'gap' && notice.connector === run.harness.connector.id ? [notice] : []));

/**
 * Calls `send` (by default `harness.sendEvent`) and checks that exactly one StreamEvent follows: one
 * on the bus after a settle time, and `health.eventCount` up by exactly one (a repeat the bus drops
 * as a duplicate id still counts there).
 */
async function expectOneEvent(
  run: ContractRun,
  what: string,
  send: () => Promise<void> = () => run.harness.sendEvent(),
): Promise<StreamEvent> {
  const { harness, events } = run;
  const before = events.length;
  const countBefore = harness.connector.health.eventCount;
  await send();
  await waitUntil(() => events.length > before, what, { timeoutMs: run.timeoutMs });
  await waitUntil(() => harness.connector.status === 'connected', 'status "connected"', { timeoutMs: run.timeoutMs });
  await pause(run.settleMs);
  const arrived = events.slice(before);
  expect(
    arrived.map((event) => `${event.type} ${event.id}`),
    `one sendEvent() must publish exactly one StreamEvent (${what})`,
  ).toHaveLength(1);
  expect(harness.connector.health.eventCount - countBefore, `health.eventCount must grow by one per event (${what})`).toBe(1);
  return arrived[0]!;
}

/** Connects, drops the connection and waits for `reconnecting`; returns when that status was seen. */
async function dropAndWaitReconnecting(run: ContractRun): Promise<number> {
  const { harness } = run;
  await harness.connector.connect();
  await harness.dropConnection();
  await waitUntil(() => run.statuses.some((entry) => entry.status === 'reconnecting'), 'status "reconnecting"', {
    timeoutMs: run.timeoutMs,
  });
  return run.statuses.find((entry) => entry.status === 'reconnecting')!.at;
}

const waitConnected = (run: ContractRun, what: string) =>
  waitUntil(() => run.harness.connector.status === 'connected', what, { timeoutMs: run.timeoutMs });

/** `reconnectGap: 'reported'`: one gap, on the bus and as a `gap` event, covering the moment the loss was seen. */
async function expectGapReported(run: ContractRun): Promise<void> {
  const { harness } = run;
  const connectingAt = Date.now();
  const reconnectingAt = await dropAndWaitReconnecting(run);
  await waitConnected(run, 'status "connected" again');
  await waitUntil(() => gapNotices(run).length > 0 && run.gaps.length > 0, 'a gap notice on the bus and a "gap" event', {
    timeoutMs: run.timeoutMs,
  });
  const reportedAt = Date.now();
  expect(run.gaps, 'one reconnect is one gap').toHaveLength(1);
  const gap = run.gaps[0]!;
  expect(gapNotices(run).map(({ from, to, reason }) => ({ from, to, reason }))).toEqual([gap]);
  expect(gap.reason).not.toBe('');
  expect(gap.from, 'the gap cannot start before the connector connected').toBeGreaterThanOrEqual(connectingAt);
  expect(gap.from, 'the gap starts no later than the loss was seen ("reconnecting")').toBeLessThanOrEqual(reconnectingAt);
  expect(gap.to, 'the gap lasts at least until the loss was seen').toBeGreaterThanOrEqual(reconnectingAt);
  expect(gap.to).toBeLessThanOrEqual(reportedAt);
  expect(harness.connector.health.lastGap).toEqual(gap);
  await expectOneEvent(run, 'an event after the reconnect');
}

/** `reconnectGap: 'none'`: an event sent while reconnecting arrives once, and no gap is reported. */
async function expectResumedWithoutLoss(run: ContractRun): Promise<void> {
  await dropAndWaitReconnecting(run);
  await expectOneEvent(run, 'the event sent while reconnecting', async () => {
    await run.harness.sendEvent();
    await waitConnected(run, 'status "connected" again');
  });
  await expectOneEvent(run, 'an event after the reconnect');
  expect(gapNotices(run), 'a connector that resumes without loss reports no gap').toEqual([]);
  expect(run.gaps).toEqual([]);
}

/** The contract's checks, in the order they are registered. */
export const contractChecks: readonly ContractCheck[] = [
  {
    name: 'starts disconnected, connects through "connecting", and reports status on the bus',
    async run({ harness, statuses, notices }) {
      expect(harness.connector.status).toBe('disconnected');
      await harness.connector.connect();
      expect(harness.connector.status).toBe('connected');
      expect(statuses.slice(0, 2).map((entry) => entry.status)).toEqual(['connecting', 'connected']);
      expect(notices.filter((notice) => notice.kind === 'status').map((notice) => notice.kind === 'status' && notice.status)).toEqual(
        expect.arrayContaining(['connecting', 'connected']),
      );
      expect(harness.connector.health.connectedAt).toBeTypeOf('number');
    },
  },
  {
    name: 'publishes each platform event as exactly one valid StreamEvent of its source',
    async run(run) {
      const { harness } = run;
      await harness.connector.connect();
      const event = await expectOneEvent(run, 'an event on the bus');
      expect(harness.eventSources ?? [harness.connector.source]).toContain(event.source);
      const parsed = parseEvent(JSON.parse(JSON.stringify({ ...event, raw: undefined })));
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
      expect(harness.connector.health.lastEventAt).toBeTypeOf('number');
    },
  },
  {
    name: 'reconnects by itself after a dropped connection and events flow again; a gap is reported exactly when events can be lost',
    run: (run) => (run.harness.reconnectGap === 'none' ? expectResumedWithoutLoss(run) : expectGapReported(run)),
  },
  {
    name: 'disconnect() stops everything, is idempotent, and connect() works again',
    async run(run) {
      const { harness } = run;
      await harness.connector.connect();
      await harness.connector.disconnect();
      expect(harness.connector.status).toBe('disconnected');
      await harness.connector.disconnect();
      expect(harness.connector.status).toBe('disconnected');
      await pause(100);
      expect(harness.connector.status).toBe('disconnected');
      await harness.connector.connect();
      expect(harness.connector.status).toBe('connected');
      await expectOneEvent(run, 'an event after connecting again');
    },
  },
  {
    name: 'never leaks a credential into statuses, errors, notices or its string form',
    async run(run) {
      const { harness, notices } = run;
      await harness.connector.connect();
      await harness.dropConnection();
      await waitUntil(() => run.statuses.some((entry) => entry.status === 'reconnecting'), 'status "reconnecting"', {
        timeoutMs: run.timeoutMs,
      });
      await waitConnected(run, 'status "connected" again');
      const seen = [
        String(harness.connector),
        JSON.stringify(harness.connector.health, (_key, value: unknown) =>
          value instanceof Error ? `${value.message} ${String(value.cause)}` : value,
        ),
        ...notices.map((notice) => JSON.stringify(notice, (_key, value: unknown) => (value instanceof Error ? value.message : value))),
      ].join('\n');
      for (const secret of harness.secrets ?? []) expect(seen).not.toContain(secret);
    },
  },
];
