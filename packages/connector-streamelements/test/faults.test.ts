import { describe, expect, it } from 'vitest';
import { ConnectionError, type StatusNotice, type StreamEvent } from '@vmsc/core';
import { streamelementsActivityFixtures, waitUntil, seededRandom } from '@vmsc/testing';
import { livePerTest } from './helpers.js';

const live = livePerTest();

const tip = streamelementsActivityFixtures['event-tip'];
const activity = (id: string) => ({ ...tip, _id: id, activityId: id });
const ids = (events: readonly StreamEvent[]) => events.map((event) => event.meta?.platformMessageId);

describe('StreamElements faults against the socket.io 4 fake', () => {
  it('drops at seeded random points, the activity feed re-sending its last activity: reconnecting → re-authenticated → connected, a gap per drop, every activity id exactly once', async () => {
    const random = seededRandom(0x5e1e);
    const { fake, connector, events, notices } = await live();
    const sent: string[] = [];
    let n = 0;
    for (let round = 0; round < 5; round++) {
      const before: string[] = [];
      for (let i = Math.floor(random() * 6); i > 0; i--) {
        const id = `drop-${++n}`;
        sent.push(id);
        before.push(id);
        fake.emitEvent(activity(id));
      }
      if (random() < 0.5) await waitUntil(() => before.every((id) => ids(events).includes(id)), `round ${round}: before the drop`);
      const authenticated = fake.connections.filter((c) => c.authenticated).length;
      fake.dropAll();
      await waitUntil(
        () => notices.filter((x) => x.kind === 'gap').length === round + 1 && connector.status === 'connected',
        `round ${round}: back`,
      );
      expect(fake.connections.filter((c) => c.authenticated).length).toBe(authenticated + 1);
      if (sent.length > 0) fake.emitEvent(activity(sent[sent.length - 1]!));
      const id = `drop-${++n}`;
      sent.push(id);
      fake.emitEvent(activity(id));
      await waitUntil(() => ids(events).includes(id), `round ${round}: after the drop`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const got = ids(events);
    expect(new Set(got).size).toBe(got.length);
    expect(got.every((id) => sent.includes(id!))).toBe(true);
    const statuses = notices.filter((x): x is StatusNotice => x.kind === 'status').map((x) => x.status);
    expect(statuses.filter((status) => status === 'reconnecting')).toHaveLength(5);
  });

  it('a stalled link (server stops reading, TCP open) past the Engine.IO ping timeout: reconnecting with a ConnectionError → connected, gap reported, activities flow again', async () => {
    const { fake, connector, events, notices } = await live({ pingInterval: 60, pingTimeout: 120 });
    fake.emitEvent(activity('stall-1'));
    await waitUntil(() => ids(events).includes('stall-1'), 'first activity');
    fake.stallAll();
    await waitUntil(() => connector.status === 'reconnecting', 'the ping timeout noticed', { timeoutMs: 3_000 });
    const change = notices.find((x): x is StatusNotice => x.kind === 'status' && x.status === 'reconnecting');
    expect(change?.error).toBeInstanceOf(ConnectionError);
    await waitUntil(() => connector.status === 'connected', 'reconnected');
    expect(notices.some((x) => x.kind === 'gap')).toBe(true);
    fake.emitEvent(activity('stall-2'));
    await waitUntil(() => ids(events).includes('stall-2'), 'activity after the stall');
    expect(ids(events)).toEqual(['stall-1', 'stall-2']);
  });

  it('a server kick at a seeded random point of a burst: reconnected and re-authenticated, gap, no activity twice', async () => {
    const random = seededRandom(0x6b1c);
    const { fake, connector, events, notices } = await live();
    const sent: string[] = [];
    const cut = Math.floor(random() * 10);
    for (let i = 0; i < 10; i++) {
      if (i === cut) fake.disconnectAll();
      const id = `burst-${i}`;
      sent.push(id);
      fake.emitEvent(activity(id));
    }
    await waitUntil(() => connector.status === 'connected' && notices.some((x) => x.kind === 'gap'), 'reconnected with a gap');
    fake.emitEvent(activity('burst-after'));
    await waitUntil(() => ids(events).includes('burst-after'), 'after');
    const got = ids(events);
    expect(new Set(got).size).toBe(got.length);
    expect(got.slice(0, cut)).toEqual(sent.slice(0, cut));
  });
});
