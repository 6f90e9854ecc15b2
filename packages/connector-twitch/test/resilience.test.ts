import type { GapNotice } from '@vmsc/core';
import { collectEvents, waitUntil } from '@vmsc/testing';
import { describe, expect, it } from 'vitest';
import { rigPerTest, type Rig } from './helpers.js';

const setup = rigPerTest();

const posts = (r: Rig) => r.fake.requests.filter((q) => q.method === 'POST' && q.path === '/helix/eventsub/subscriptions');

describe('TwitchConnector: keepalive, reconnect hand-off, close codes', () => {
  it('silence beyond the keepalive timeout + margin → fresh reconnect, resubscribe, gap reported', async () => {
    const r = await setup({ fake: { keepaliveSeconds: 0.3 }, connector: { events: ['chat', 'cheer'], keepaliveMarginMs: 150 } });
    await r.connector.connect();
    // Keepalives keep it alive across several timeouts.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(r.fake.sessions).toHaveLength(1);
    const first = r.fake.sessions[0]!;
    r.fake.pauseKeepalives(true, first);
    await waitUntil(
      () => r.fake.sessions.length === 2 && r.connector.status === 'connected' && r.fake.enabledSubscriptions().length === 2,
      'a fresh session',
    );
    expect(r.fake.sessions[1]!.url).toBe('/ws');
    expect(posts(r)).toHaveLength(4);
    const gap = r.notices.find((n): n is GapNotice => n.kind === 'gap');
    expect(gap?.reason).toMatch(/keepalive timeout/);
    // The stale subscriptions of the dead session were deleted before resubscribing.
    expect(r.fake.requests.filter((q) => q.method === 'DELETE')).toHaveLength(2);
  });

  it('session_reconnect: new socket on the URL as given, old one read until the welcome, no resubscribe, nothing lost or doubled', async () => {
    const r = await setup({ connector: { events: ['chat', 'cheer'], keepaliveTimeoutSeconds: 20 } });
    await r.connector.connect();
    const events = collectEvents(r.bus);
    const old = r.fake.sessions[0]!;
    const sent: string[] = [];
    sent.push(r.fake.notify('channel.chat.message'));
    const nextSession = r.fake.nextSession();
    const url = r.fake.startReconnect({ graceMs: 5_000 });
    // Still delivered on the old socket while the new one connects.
    sent.push(r.fake.notify('channel.cheer', { sessions: [old] }));
    const fresh = await nextSession;
    expect(fresh.url).toBe(url.slice(url.indexOf('/ws')));
    expect(fresh.url).not.toContain('keepalive_timeout_seconds');
    expect(fresh.reconnectedFrom).toBe(old.id);
    // Around the switch the same message arrives on both sockets.
    sent.push(r.fake.notify('channel.chat.message', { sessions: [old, fresh] }));
    await waitUntil(() => old.status === 'closed', 'the client to close the old socket');
    expect(old.closeCode).not.toBe(4004);
    sent.push(r.fake.notify('channel.cheer'));
    sent.push(r.fake.notify('channel.chat.message', { sessions: [fresh] }));
    await waitUntil(() => events.events.length >= sent.length, 'every event');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.events.map((e) => e.meta?.platformMessageId)).toEqual(sent);
    expect(posts(r)).toHaveLength(2);
    expect(r.connector.health.sessionId).toBe(fresh.id);
    expect(r.connector.status).toBe('connected');
    expect(r.notices.some((n) => n.kind === 'gap')).toBe(false);
    expect(r.notices.filter((n) => n.kind === 'status').map((n) => n.kind === 'status' && n.status)).toEqual(['connecting', 'connected']);
  });

  it('session_reconnect whose new socket never welcomes: 4004 on the old one → fresh reconnect with resubscribe', async () => {
    const r = await setup({ connector: { events: ['chat'] } });
    await r.connector.connect();
    r.fake.startReconnect({ graceMs: 100, url: `${r.fake.eventsubUrl}?reconnect_id=does-not-exist` });
    await waitUntil(() => r.fake.sessions.some((s) => s.closeCode === 4004), '4004 on the old socket');
    await waitUntil(
      () => r.fake.enabledSubscriptions().length === 1 && r.connector.status === 'connected' && posts(r).length === 2,
      'resubscribed',
    );
    expect(r.notices.some((n) => n.kind === 'gap')).toBe(true);
  });

  it.each([4000, 4001, 4002, 4003, 4004, 4005, 4006, 4007, 1011])(
    'close code %i → fresh reconnect with backoff, resubscribe, events flow',
    async (code) => {
      const r = await setup({ connector: { events: ['chat', 'cheer'] } });
      await r.connector.connect();
      const errors: Array<{ code: string }> = [];
      r.connector.on('error', (e) => errors.push(e));
      r.fake.closeSession(code);
      await waitUntil(() => r.connector.status === 'reconnecting', 'reconnecting');
      expect(r.connector.lastError?.code).toBe(`TWITCH_CLOSE_${code}`);
      await waitUntil(() => r.connector.status === 'connected' && r.fake.enabledSubscriptions().length === 2, 'connected again');
      expect(r.fake.sessions).toHaveLength(2);
      expect(r.fake.sessions[1]!.url).toBe('/ws');
      if (code === 4001) expect(errors.some((e) => e.code === 'PROTOCOL_ERROR')).toBe(true);
      const events = collectEvents(r.bus);
      r.fake.notify('channel.cheer');
      await events.waitForCount(1);
    },
  );

  it('4003 (no subscription in time) is retried with growing backoff, never in a tight loop, and the wanted subscriptions are kept', async () => {
    const r = await setup({
      fake: { unusedTimeoutMs: 60 },
      connector: { events: ['chat', 'cheer'], backoff: { initialDelayMs: 40, factor: 2, maxDelayMs: 2_000, jitterMs: 0 } },
    });
    // Helix is slower than the unused-connection timer: every session is closed with 4003.
    r.fake.failNext({ method: 'POST', path: '/helix/eventsub/subscriptions', delayMs: 150, times: Infinity });
    const connecting = r.connector.connect();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const closed = r.fake.sessions.filter((s) => s.closeCode === 4003).length;
    expect(closed).toBeGreaterThanOrEqual(2);
    // 40, 80, 160, 320, 640 ms of backoff plus ~60 ms per session: at most 5 sessions in 1.2 s.
    expect(r.fake.sessions.length).toBeLessThanOrEqual(5);
    expect(r.connector.health.subscriptions.map((s) => s.type).sort()).toEqual(['channel.chat.message', 'channel.cheer']);
    r.fake.clearFaults();
    await connecting;
    await waitUntil(() => r.fake.enabledSubscriptions().length === 2, 'both subscriptions enabled');
    expect(r.connector.health.subscriptions.every((s) => s.status === 'enabled')).toBe(true);
  });

  it('a failed resubscribe after a drop keeps every wanted subscription and retries until they are back', async () => {
    const r = await setup({ connector: { events: ['chat', 'cheer', 'follow'] } });
    await r.connector.connect();
    r.fake.failNext({
      method: 'POST',
      path: '/helix/eventsub/subscriptions',
      status: 500,
      body: { error: 'Internal Server Error', status: 500, message: 'boom' },
      times: Infinity,
    });
    r.fake.dropSession();
    await waitUntil(() => r.fake.sessions.length >= 3, 'several attempts');
    expect(r.connector.status).toBe('reconnecting');
    const health = r.connector.health.subscriptions;
    expect(health).toHaveLength(3);
    expect(health.every((s) => s.status === 'failed' || s.status === 'pending')).toBe(true);
    expect(health.some((s) => s.status === 'failed' && s.error?.message.includes('HTTP 500 boom'))).toBe(true);
    r.fake.clearFaults();
    await waitUntil(() => r.connector.status === 'connected' && r.fake.enabledSubscriptions().length === 3, 'all three back');
    expect(r.notices.some((n) => n.kind === 'gap')).toBe(true);
  });

  it('disconnect() closes the socket and stops the watchdog and retries', async () => {
    const r = await setup({ fake: { keepaliveSeconds: 0.2 }, connector: { events: ['chat'], keepaliveMarginMs: 50 } });
    await r.connector.connect();
    await r.connector.disconnect();
    await waitUntil(() => r.fake.sessions[0]!.status === 'closed', 'socket closed');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.fake.sessions).toHaveLength(1);
    expect(r.connector.status).toBe('disconnected');
    expect(r.connector.health.subscriptions[0]!.status).toBe('pending');
  });
});
