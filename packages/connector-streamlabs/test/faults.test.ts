import { describe, expect, it } from 'vitest';
import { ConnectionError, type StatusNotice, type StreamEvent } from '@vmsc/core';
import { streamlabsFixtures, waitUntil, seededRandom } from '@vmsc/testing';
import { livePerTest } from './helpers.js';

const live = livePerTest();

const donation = streamlabsFixtures['event-donation'];
const alert = (id: string) => ({ ...donation, message: [{ ...donation.message[0], _id: id }] });
const ids = (events: readonly StreamEvent[]) => events.map((event) => event.meta?.platformMessageId);

describe('Streamlabs faults against the socket.io 2 fake', () => {
  it('drops at seeded random points, Streamlabs re-sending its last alert: reconnecting → connected, a gap per drop, every alert id exactly once', async () => {
    const random = seededRandom(0x51ab5);
    const { fake, connector, events, notices } = await live();
    const sent: string[] = [];
    let n = 0;
    for (let round = 0; round < 5; round++) {
      const before: string[] = [];
      for (let i = Math.floor(random() * 6); i > 0; i--) {
        const id = `drop-${++n}`;
        sent.push(id);
        before.push(id);
        fake.emitEvent(alert(id));
      }
      if (random() < 0.5) await waitUntil(() => before.every((id) => ids(events).includes(id)), `round ${round}: before the drop`);
      fake.dropAll();
      await waitUntil(
        () => notices.filter((x) => x.kind === 'gap').length === round + 1 && connector.status === 'connected',
        `round ${round}: back`,
      );
      // A redelivery of what may or may not have arrived before the drop.
      if (sent.length > 0) fake.emitEvent(alert(sent[sent.length - 1]!));
      const id = `drop-${++n}`;
      sent.push(id);
      fake.emitEvent(alert(id));
      await waitUntil(() => ids(events).includes(id), `round ${round}: after the drop`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const got = ids(events);
    expect(new Set(got).size).toBe(got.length);
    expect(got.every((id) => sent.includes(id!))).toBe(true);
    const statuses = notices.filter((x): x is StatusNotice => x.kind === 'status').map((x) => x.status);
    expect(statuses.filter((status) => status === 'reconnecting')).toHaveLength(5);
    expect(notices.filter((x) => x.kind === 'gap').every((gap) => gap.kind === 'gap' && gap.to >= gap.from)).toBe(true);
  });

  it('a stalled link (server stops reading, TCP open) past the Engine.IO ping timeout: reconnecting with a ConnectionError → connected, gap reported, alerts flow again', async () => {
    const { fake, connector, events, notices } = await live({ pingInterval: 60, pingTimeout: 120 });
    fake.emitEvent(alert('stall-1'));
    await waitUntil(() => ids(events).includes('stall-1'), 'first alert');
    fake.stallAll();
    await waitUntil(() => connector.status === 'reconnecting', 'the ping timeout noticed', { timeoutMs: 3_000 });
    const change = notices.find((x): x is StatusNotice => x.kind === 'status' && x.status === 'reconnecting');
    expect(change?.error).toBeInstanceOf(ConnectionError);
    await waitUntil(() => connector.status === 'connected', 'reconnected');
    expect(notices.some((x) => x.kind === 'gap')).toBe(true);
    fake.emitEvent(alert('stall-2'));
    await waitUntil(() => ids(events).includes('stall-2'), 'alert after the stall');
    expect(ids(events)).toEqual(['stall-1', 'stall-2']);
  });

  it('a server-side disconnect at a seeded random point of a burst: reconnected, gap, no alert twice', async () => {
    const random = seededRandom(0xd15c);
    const { fake, connector, events, notices } = await live();
    const sent: string[] = [];
    const cut = Math.floor(random() * 10);
    for (let i = 0; i < 10; i++) {
      if (i === cut) fake.disconnectAll();
      const id = `burst-${i}`;
      sent.push(id);
      fake.emitEvent(alert(id));
    }
    await waitUntil(() => connector.status === 'connected' && notices.some((x) => x.kind === 'gap'), 'reconnected with a gap');
    fake.emitEvent(alert('burst-after'));
    await waitUntil(() => ids(events).includes('burst-after'), 'after');
    const got = ids(events);
    expect(new Set(got).size).toBe(got.length);
    expect(got.slice(0, cut)).toEqual(sent.slice(0, cut));
  });
});
