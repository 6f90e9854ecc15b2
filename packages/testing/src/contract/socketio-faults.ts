import { describe, expect, it } from 'vitest';
import { ConnectionError, type BusNotice, type Connector, type StatusNotice, type StreamEvent } from '@vmsc/core';
import { seededRandom } from '../properties/random.js';
import { waitUntil } from '../wait.js';

/** What the fault suite needs of a Socket.IO aggregator fake (the Streamlabs and StreamElements fakes have it). */
export interface SocketIoFaultFake {
  /** Sends one platform payload (an alert, an activity) to every connected client. */
  emitEvent(payload: unknown): void;
  /** Destroys every client's TCP socket without a close handshake. */
  dropAll(): void;
  /** A server-side Socket.IO disconnect of every client. */
  disconnectAll(): void;
  /** Stops answering every client (TCP stays open) so the Engine.IO ping timeout must notice. */
  stallAll(): void;
}

/** A fake, a connected connector aimed at it (short backoff) and everything its bus recorded. */
export interface SocketIoFaultSession<F extends SocketIoFaultFake> {
  fake: F;
  connector: Connector;
  events: StreamEvent[];
  notices: BusNotice[];
}

/** What a connector's test gives {@link socketIoFaultSuite}. */
export interface SocketIoFaultHarness<F extends SocketIoFaultFake> {
  /** Starts a session; `fakeOptions` (Engine.IO timings) go to the fake. Clean-up is the caller's (`afterEach`). */
  live(fakeOptions?: { pingInterval?: number; pingTimeout?: number }): Promise<SocketIoFaultSession<F>>;
  /** A platform payload whose id (`meta.platformMessageId` of its event) is `id`. */
  payload(id: string): unknown;
  /**
   * How many sessions the fake has accepted so far (e.g. authenticated connections): when given, the
   * suite checks that each reconnect opens exactly one new session.
   */
  sessions?(fake: F): number;
  /** The seeds of the suite's random drop points (defaults are fixed, so a run is repeatable). */
  seeds?: { drops?: number; burst?: number };
}

const idsOf = (events: readonly StreamEvent[]) => events.map((event) => event.meta?.platformMessageId);

/**
 * The faults every Socket.IO aggregator connector (Streamlabs, StreamElements) must survive against
 * its fake: abrupt drops at seeded random points with the platform re-sending its last payload, a
 * stalled link past the Engine.IO ping timeout, and a server-side disconnect in the middle of a burst.
 * In each, the user sees `reconnecting` then `connected`, a gap for the time away, and every payload
 * id at most once (exactly once for those sent while connected).
 */
export function socketIoFaultSuite<F extends SocketIoFaultFake>(name: string, harness: SocketIoFaultHarness<F>): void {
  describe(`${name} faults against its Socket.IO fake`, () => {
    it('drops at seeded random points, the platform re-sending its last payload: reconnecting → connected, a gap per drop, every id exactly once', async () => {
      const random = seededRandom(harness.seeds?.drops ?? 0x51ab5);
      const { fake, connector, events, notices } = await harness.live();
      const sent: string[] = [];
      let n = 0;
      for (let round = 0; round < 5; round++) {
        const before: string[] = [];
        for (let i = Math.floor(random() * 6); i > 0; i--) {
          const id = `drop-${++n}`;
          sent.push(id);
          before.push(id);
          fake.emitEvent(harness.payload(id));
        }
        if (random() < 0.5) await waitUntil(() => before.every((id) => idsOf(events).includes(id)), `round ${round}: before the drop`);
        const sessions = harness.sessions?.(fake);
        fake.dropAll();
        await waitUntil(
          () => notices.filter((x) => x.kind === 'gap').length === round + 1 && connector.status === 'connected',
          `round ${round}: back`,
        );
        if (sessions !== undefined) expect(harness.sessions!(fake)).toBe(sessions + 1);
        // A redelivery of what may or may not have arrived before the drop.
        if (sent.length > 0) fake.emitEvent(harness.payload(sent[sent.length - 1]!));
        const id = `drop-${++n}`;
        sent.push(id);
        fake.emitEvent(harness.payload(id));
        await waitUntil(() => idsOf(events).includes(id), `round ${round}: after the drop`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const got = idsOf(events);
      expect(new Set(got).size).toBe(got.length);
      expect(got.every((id) => sent.includes(id!))).toBe(true);
      const statuses = notices.filter((x): x is StatusNotice => x.kind === 'status').map((x) => x.status);
      expect(statuses.filter((status) => status === 'reconnecting')).toHaveLength(5);
      expect(notices.filter((x) => x.kind === 'gap').every((gap) => gap.kind === 'gap' && gap.to >= gap.from)).toBe(true);
    });

    it('a stalled link (server stops reading, TCP open) past the Engine.IO ping timeout: reconnecting with a ConnectionError → connected, gap reported, events flow again', async () => {
      const { fake, connector, events, notices } = await harness.live({ pingInterval: 60, pingTimeout: 120 });
      fake.emitEvent(harness.payload('stall-1'));
      await waitUntil(() => idsOf(events).includes('stall-1'), 'first event');
      fake.stallAll();
      await waitUntil(() => connector.status === 'reconnecting', 'the ping timeout noticed', { timeoutMs: 3_000 });
      const change = notices.find((x): x is StatusNotice => x.kind === 'status' && x.status === 'reconnecting');
      expect(change?.error).toBeInstanceOf(ConnectionError);
      await waitUntil(() => connector.status === 'connected', 'reconnected');
      expect(notices.some((x) => x.kind === 'gap')).toBe(true);
      fake.emitEvent(harness.payload('stall-2'));
      await waitUntil(() => idsOf(events).includes('stall-2'), 'event after the stall');
      expect(idsOf(events)).toEqual(['stall-1', 'stall-2']);
    });

    it('a server-side disconnect at a seeded random point of a burst: reconnected, gap, no event twice', async () => {
      const random = seededRandom(harness.seeds?.burst ?? 0xd15c);
      const { fake, connector, events, notices } = await harness.live();
      const sent: string[] = [];
      const cut = Math.floor(random() * 10);
      for (let i = 0; i < 10; i++) {
        if (i === cut) fake.disconnectAll();
        const id = `burst-${i}`;
        sent.push(id);
        fake.emitEvent(harness.payload(id));
      }
      await waitUntil(() => connector.status === 'connected' && notices.some((x) => x.kind === 'gap'), 'reconnected with a gap');
      fake.emitEvent(harness.payload('burst-after'));
      await waitUntil(() => idsOf(events).includes('burst-after'), 'after');
      const got = idsOf(events);
      expect(new Set(got).size).toBe(got.length);
      expect(got.slice(0, cut)).toEqual(sent.slice(0, cut));
    });
  });
}
