import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, ProtocolError, type BusNotice, type StreamEvent } from '@vmsc/core';
import { closeAllFakes, kickEventFrames, startKickApiFake, waitUntil, seededRandom } from '@vmsc/testing';
import { KickLookupBlockedError, KickLookupRateLimitedError, type KickConnectionPool } from '../src/index.js';
import { ManualClock, PRIMARY, setupKick } from './helpers.js';

const pools: KickConnectionPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.closeAll();
  await closeAllFakes();
});

const chat = JSON.parse(kickEventFrames.ChatMessageEvent) as { event: string; data: string };
const chatData = JSON.parse(chat.data) as Record<string, unknown>;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function live() {
  const setup = await setupKick();
  pools.push(setup.pool);
  const events: StreamEvent[] = [];
  const notices: BusNotice[] = [];
  const statuses: string[] = [];
  setup.bus.onAny((event) => void events.push(event));
  setup.bus.onNotice((notice) => void notices.push(notice));
  setup.connector.on('status', (change) => void statuses.push(change.status));
  await setup.connector.connect();
  return { ...setup, events, notices, statuses };
}

describe('Kick faults against the Pusher fake', () => {
  it('a drop at a random point of a chat stream: connected → reconnecting → connected, a gap is reported, nothing is delivered twice and every chat after the reconnect arrives', async () => {
    const random = seededRandom(0x4b1c);
    const { pusher, connector, events, notices, statuses } = await live();
    let next = 0;
    for (let round = 0; round < 6; round++) {
      const before = Math.floor(random() * 12);
      const sentBefore: string[] = [];
      for (let i = 0; i < before; i++) {
        const id = uuid(++next);
        sentBefore.push(id);
        pusher.sendEvent(PRIMARY, chat.event, { ...chatData, id });
      }
      // Half the rounds drop while frames may still be in flight, half after they arrived.
      if (random() < 0.5) await waitUntil(() => sentBefore.every((id) => events.some((event) => event.id === id)), 'chats before the drop');
      const gaps = notices.filter((notice) => notice.kind === 'gap').length;
      statuses.length = 0;
      pusher.dropAll();
      await waitUntil(() => statuses.includes('reconnecting') && connector.status === 'connected', `round ${round}: reconnected`);
      expect(statuses.slice(0, 1)).toEqual(['reconnecting']);
      await waitUntil(() => notices.filter((notice) => notice.kind === 'gap').length === gaps + 1, `round ${round}: a gap`);
      const after = 1 + Math.floor(random() * 8);
      const sentAfter: string[] = [];
      for (let i = 0; i < after; i++) {
        const id = uuid(++next);
        sentAfter.push(id);
        pusher.sendEvent(PRIMARY, chat.event, { ...chatData, id });
      }
      await waitUntil(() => sentAfter.every((id) => events.some((event) => event.id === id)), `round ${round}: chats after the reconnect`);
    }
    const ids = events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Number(id.slice(-12)) <= next)).toBe(true);
    const gap = notices.find((notice) => notice.kind === 'gap');
    expect(gap).toMatchObject({ kind: 'gap', reason: expect.stringMatching(/does not replay/) });
    expect(pusher.connectionsAccepted).toBe(7);
  });

  for (const code of [4201, 4250, 4299]) {
    it(`Pusher reconnect error ${code}: reconnecting (ConnectionError) → connected at once, gap reported, the stream resumes`, async () => {
      const { pusher, connector, events, notices, statuses } = await live();
      pusher.sendEvent(PRIMARY, chat.event, { ...chatData, id: uuid(1) });
      await waitUntil(() => events.length === 1, 'first chat');
      pusher.errorAndClose(code);
      await waitUntil(() => connector.status === 'connected' && statuses.includes('reconnecting'), 'reconnected');
      const change = notices.find((notice) => notice.kind === 'status' && notice.status === 'reconnecting');
      expect(change?.kind === 'status' && change.error).toBeInstanceOf(ConnectionError);
      expect(notices.some((notice) => notice.kind === 'gap')).toBe(true);
      expect(pusher.connectionsAccepted).toBe(2);
      pusher.sendEvent(PRIMARY, chat.event, { ...chatData, id: uuid(2) });
      await waitUntil(() => events.length === 2, 'chat after the reconnect');
      expect(events.map((event) => event.id)).toEqual([uuid(1), uuid(2)]);
    });
  }

  it('a Kick event frame without a channel is reported as a ProtocolError (KICK_UNROUTABLE_FRAME), not dropped silently; the session stays up', async () => {
    const { pusher, connector, events, notices } = await live();
    pusher.sendRaw(JSON.stringify({ event: chat.event, data: chat.data }));
    await waitUntil(() => notices.some((notice) => notice.kind === 'error'), 'an error notice');
    const notice = notices.find((candidate) => candidate.kind === 'error');
    const error = notice?.kind === 'error' ? notice.error : undefined;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'KICK_UNROUTABLE_FRAME', message: expect.stringContaining(chat.event) });
    expect(connector.status).toBe('connected');
    pusher.sendEvent(PRIMARY, chat.event, { ...chatData, id: uuid(1) });
    await waitUntil(() => events.some((event) => event.id === uuid(1)), 'the next chat');
    expect(pusher.connectionsAccepted).toBe(1);
  });
});

describe('Kick channel lookup HTTP faults (the only HTTP endpoint on the connect path)', () => {
  for (const status of [401, 403]) {
    it(`HTTP ${status}: status error with KickLookupBlockedError naming the ids to pass, no socket opened`, async () => {
      const api = await startKickApiFake();
      api.setMode('error', status);
      const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url } });
      pools.push(setup.pool);
      const error = await setup.connector.connect().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KickLookupBlockedError);
      expect((error as Error).message).toMatch(new RegExp(`HTTP ${status}`));
      expect(setup.connector.status).toBe('error');
      expect(setup.pusher.connectionsAccepted).toBe(0);
    });
  }

  for (const status of [408, 500, 502]) {
    it(`HTTP ${status}: reconnecting with a ConnectionError, retried with backoff, connected once the lookup answers`, async () => {
      const api = await startKickApiFake();
      api.setMode('error', status);
      const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url }, backoff: { initialDelayMs: 10, jitterMs: 0 } });
      pools.push(setup.pool);
      const errors: unknown[] = [];
      setup.connector.on('status', (change) => void (change.status === 'reconnecting' && errors.push(change.error)));
      const connecting = setup.connector.connect();
      await waitUntil(() => api.requests.length >= 2, 'a retried lookup');
      expect(setup.connector.status).toBe('reconnecting');
      expect(errors[0]).toBeInstanceOf(ConnectionError);
      expect((errors[0] as Error).message).toContain(`HTTP ${status}`);
      api.setMode('ok');
      await connecting;
      expect(setup.connector.status).toBe('connected');
      expect(setup.pusher.subscriptions()).toContain(PRIMARY);
    });
  }

  it('HTTP 429: reconnecting with KickLookupRateLimitedError, retried no sooner than Retry-After, then connected', async () => {
    const api = await startKickApiFake();
    api.setMode('error', 429); // with Retry-After: 1
    const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url }, backoff: { initialDelayMs: 10, jitterMs: 0 } });
    pools.push(setup.pool);
    const errors: unknown[] = [];
    setup.connector.on('status', (change) => void (change.status === 'reconnecting' && errors.push(change.error)));
    const connecting = setup.connector.connect();
    await waitUntil(() => errors.length === 1, 'the first 429');
    const firstAt = Date.now();
    expect(errors[0]).toBeInstanceOf(KickLookupRateLimitedError);
    expect(errors[0]).toMatchObject({ retryAfterMs: 1_000, code: 'KICK_LOOKUP_RATE_LIMITED' });
    api.setMode('ok');
    await connecting;
    // The backoff alone (10 ms) would have retried at once: the retry waited for Retry-After.
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(900);
    expect(api.requests.filter((request) => request.path.startsWith('/api/v2/channels/'))).toHaveLength(2);
    expect(setup.connector.status).toBe('connected');
  });

  it('any other HTTP 4xx (410): status error with a ProtocolError, not retried', async () => {
    const api = await startKickApiFake();
    api.setMode('error', 410);
    const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url }, backoff: { initialDelayMs: 10, jitterMs: 0 } });
    pools.push(setup.pool);
    const error = await setup.connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'KICK_LOOKUP_REFUSED' });
    expect((error as Error).message).toContain('HTTP 410');
    expect(setup.connector.status).toBe('error');
    expect(api.requests).toHaveLength(1);
  });

  describe('blockedRetry: a bounded retry of a Cloudflare-blocked lookup (injected clock)', () => {
    async function blocked(times: number) {
      const api = await startKickApiFake();
      api.blockLookups(times);
      const clock = new ManualClock();
      const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url }, clock, blockedRetry: { attempts: 2, delayMs: 5_000 } });
      pools.push(setup.pool);
      const statuses: Array<{ status: string; error?: unknown }> = [];
      setup.connector.on('status', (change) => void statuses.push({ status: change.status, error: change.error }));
      const lookups = () => api.requests.filter((request) => request.path === '/api/v2/channels/xqc').length;
      const outcome = setup.connector.connect().then(
        () => 'connected',
        (error: unknown) => error,
      );
      return { api, clock, setup, statuses, lookups, outcome };
    }

    it('403 (Cloudflare page) twice, then 200: retried delayMs apart in status reconnecting, then connected', async () => {
      const { clock, setup, statuses, lookups, outcome } = await blocked(2);
      await waitUntil(() => setup.connector.status === 'reconnecting', 'reconnecting after the first 403');
      expect(statuses.at(-1)?.error).toBeInstanceOf(KickLookupBlockedError);
      expect(lookups()).toBe(1);
      clock.advance(4_999);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lookups()).toBe(1);
      clock.advance(1);
      await waitUntil(() => lookups() === 2, 'the first retry, 5 s later');
      await waitUntil(() => clock.pending > 0, 'the second retry scheduled');
      expect(setup.connector.status).toBe('reconnecting');
      clock.advance(5_000);
      expect(await outcome).toBe('connected');
      expect(lookups()).toBe(3);
      expect(setup.pusher.subscriptions()).toContain(PRIMARY);
    });

    it('blocked past the bound: status error with KickLookupBlockedError, no further lookup', async () => {
      const { clock, setup, lookups, outcome } = await blocked(3);
      await waitUntil(() => setup.connector.status === 'reconnecting', 'reconnecting');
      clock.advance(5_000);
      await waitUntil(() => lookups() === 2, 'the first retry');
      await waitUntil(() => clock.pending > 0, 'the second retry scheduled');
      clock.advance(5_000);
      const error = await outcome;
      expect(error).toBeInstanceOf(KickLookupBlockedError);
      expect((error as Error).message).toMatch(/HTTP 403/);
      expect(setup.connector.status).toBe('error');
      expect(lookups()).toBe(3);
      clock.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lookups()).toBe(3);
      expect(setup.pusher.connectionsAccepted).toBe(0);
    });
  });
});
