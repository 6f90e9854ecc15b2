import { describe, expect, it } from 'vitest';
import { AuthError, ConnectionError, RateLimitedError, systemClock, type Clock, type GapNotice, type StatusNotice } from '@vmsc/core';
import { collectEvents, waitUntil, seededRandom } from '@vmsc/testing';
import { TwitchSubscriptionError } from '../src/index.js';
import { rigPerTest, type Rig } from './helpers.js';

const setup = rigPerTest();

const gaps = (r: Rig) => r.notices.filter((n): n is GapNotice => n.kind === 'gap');
const statuses = (r: Rig) => r.notices.filter((n): n is StatusNotice => n.kind === 'status');

describe('EventSub faults: drops and hand-offs at random points', () => {
  it('drops at seeded random points with Twitch redelivering: reconnecting → connected, a gap per drop, every message id delivered exactly once', async () => {
    const random = seededRandom(0x7717c4);
    const r = await setup({ connector: { events: ['chat', 'cheer'] } });
    await r.connector.connect();
    const events = collectEvents(r.bus);
    const sent: string[] = [];
    for (let round = 0; round < 5; round++) {
      const before: string[] = [];
      const count = Math.floor(random() * 8);
      for (let i = 0; i < count; i++) before.push(r.fake.notify(random() < 0.5 ? 'channel.chat.message' : 'channel.cheer'));
      sent.push(...before);
      if (random() < 0.5) {
        await waitUntil(() => before.every((id) => events.events.some((e) => e.meta?.platformMessageId === id)), 'pre-drop messages');
      }
      const sessions = r.fake.sessions.length;
      r.fake.dropSession();
      await waitUntil(
        () => r.fake.sessions.length === sessions + 1 && r.connector.status === 'connected' && gaps(r).length === round + 1,
        `round ${round}: reconnected with a gap`,
      );
      // Twitch redelivers what it could not confirm: the same message ids on the new session.
      for (const id of before) if (random() < 0.7) r.fake.notify('channel.chat.message', { messageId: id });
      const after: string[] = [];
      for (let i = 0; i < 1 + Math.floor(random() * 5); i++) after.push(r.fake.notify('channel.cheer'));
      sent.push(...after);
      await waitUntil(() => after.every((id) => events.events.some((e) => e.meta?.platformMessageId === id)), 'post-reconnect messages');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ids = events.events.map((e) => e.meta?.platformMessageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => sent.includes(id!))).toBe(true);
    expect(gaps(r).every((gap) => /Twitch does not replay/.test(gap.reason) && gap.to >= gap.from)).toBe(true);
    const seen = statuses(r).map((n) => n.status);
    expect(seen.filter((s) => s === 'reconnecting')).toHaveLength(5);
    expect(seen.at(-1)).toBe('connected');
  });

  it('session_reconnect at seeded random points of a stream: no status change, no gap, every message exactly once and in order', async () => {
    const random = seededRandom(0x5e551);
    const r = await setup({ connector: { events: ['chat', 'cheer'], keepaliveTimeoutSeconds: 20 } });
    await r.connector.connect();
    const events = collectEvents(r.bus);
    const sent: string[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = Math.floor(random() * 5); i > 0; i--) sent.push(r.fake.notify('channel.chat.message'));
      const old = r.fake.activeSession()!;
      const next = r.fake.nextSession();
      r.fake.startReconnect({ graceMs: 5_000 });
      for (let i = Math.floor(random() * 4); i > 0; i--) sent.push(r.fake.notify('channel.cheer', { sessions: [old] }));
      const fresh = await next;
      // Around the switch the same messages travel on both sockets.
      for (let i = Math.floor(random() * 4); i > 0; i--) sent.push(r.fake.notify('channel.chat.message', { sessions: [old, fresh] }));
      await waitUntil(() => old.status === 'closed', `round ${round}: old socket closed`);
      for (let i = 1 + Math.floor(random() * 4); i > 0; i--) sent.push(r.fake.notify('channel.cheer', { sessions: [fresh] }));
    }
    await waitUntil(() => events.events.length >= sent.length, 'every message');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.events.map((e) => e.meta?.platformMessageId)).toEqual(sent);
    expect(gaps(r)).toHaveLength(0);
    expect(statuses(r).map((n) => n.status)).toEqual(['connecting', 'connected']);
    expect(r.fake.sessions.every((s) => s.closeCode !== 4004)).toBe(true);
  });
});

describe('EventSub faults: revocations', () => {
  for (const reason of ['user_removed', 'version_removed', 'moderator_removed']) {
    it(`revocation "${reason}": that subscription shows revoked with a typed error, status stays connected, the others keep delivering`, async () => {
      const r = await setup({ connector: { events: ['cheer', 'chat'] } });
      await r.connector.connect();
      const events = collectEvents(r.bus);
      const first = r.fake.notify('channel.cheer');
      await waitUntil(() => events.events.length === 1, 'a cheer before the revocation');
      r.fake.revoke('channel.cheer', reason);
      await waitUntil(() => r.connector.health.subscriptions.some((s) => s.status === 'revoked'), 'revoked');
      const revoked = r.connector.health.subscriptions.find((s) => s.type === 'channel.cheer')!;
      expect(revoked).toMatchObject({ status: 'revoked', reason });
      const error = r.notices.find((n) => n.kind === 'error');
      expect(error?.kind === 'error' && error.error).toBeInstanceOf(TwitchSubscriptionError);
      expect(error?.kind === 'error' && error.error.code).toBe('TWITCH_SUBSCRIPTION_REVOKED');
      const after = r.fake.notify('channel.chat.message');
      await waitUntil(() => events.events.length === 2, 'chat after the revocation');
      expect(events.events.map((e) => e.meta?.platformMessageId)).toEqual([first, after]);
      expect(r.connector.status).toBe('connected');
    });
  }
});

describe('Helix and OAuth HTTP faults on every endpoint the connector calls', () => {
  it('GET /oauth2/validate 401: status error with an AuthError, no socket opened', async () => {
    const r = await setup({ connector: { events: ['chat'] } });
    r.fake.failNext({ path: '/oauth2/validate', status: 401, body: { status: 401, message: 'invalid access token' } });
    const error = await r.connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(r.connector.status).toBe('error');
    expect(r.fake.sessions).toHaveLength(0);
  });

  for (const [path, status] of [
    ['/oauth2/validate', 429],
    ['/oauth2/validate', 500],
    ['/oauth2/validate', 503],
    ['/helix/users', 429],
    ['/helix/users', 500],
    ['/helix/users', 502],
  ] as const) {
    it(`GET ${path} ${status}: reconnecting with ${status === 429 ? 'a RateLimitedError' : 'a ConnectionError'}, retried, then connected`, async () => {
      const r = await setup({ connector: { events: ['chat'] } });
      r.fake.failNext({ path, status, body: { error: 'fault', status, message: `injected ${status}` }, times: 2 });
      await r.connector.connect();
      const reconnecting = statuses(r).filter((n) => n.status === 'reconnecting');
      expect(reconnecting.length).toBeGreaterThanOrEqual(1);
      expect(reconnecting[0]!.error).toBeInstanceOf(status === 429 ? RateLimitedError : ConnectionError);
      expect(reconnecting[0]!.error?.message).toContain(String(status));
      expect(r.connector.status).toBe('connected');
    });
  }

  it('GET /helix/users 401 (no refresh possible): status error with an AuthError', async () => {
    const r = await setup({ connector: { events: ['chat'] } });
    r.fake.failNext({ path: '/helix/users', status: 401, body: { status: 401, message: 'Invalid OAuth token' } });
    const error = await r.connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(r.connector.status).toBe('error');
  });

  it('POST /helix/eventsub/subscriptions 401 (no refresh possible): status error with an AuthError', async () => {
    const r = await setup({ connector: { events: ['chat'] } });
    r.fake.failNext({
      method: 'POST',
      path: '/helix/eventsub/subscriptions',
      status: 401,
      body: { status: 401, message: 'Invalid OAuth token' },
    });
    const error = await r.connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(r.connector.status).toBe('error');
  });

  for (const status of [429, 500, 502]) {
    it(`POST /helix/eventsub/subscriptions ${status}: that subscription shows failed (TwitchSubscriptionError httpStatus ${status}), is retried and delivers`, async () => {
      const r = await setup({ connector: { events: ['cheer', 'chat'] } });
      r.fake.failNext({
        method: 'POST',
        path: '/helix/eventsub/subscriptions',
        status,
        body: { error: 'fault', status, message: 'injected' },
      });
      await r.connector.connect();
      const errors = r.notices.flatMap((n) => (n.kind === 'error' ? [n.error] : []));
      expect(errors[0]).toBeInstanceOf(TwitchSubscriptionError);
      expect((errors[0] as TwitchSubscriptionError).httpStatus).toBe(status);
      await waitUntil(() => r.connector.health.subscriptions.every((s) => s.status === 'enabled'), 'retried');
      const events = collectEvents(r.bus);
      const ids = [r.fake.notify('channel.cheer'), r.fake.notify('channel.chat.message')];
      await waitUntil(() => events.events.length === 2, 'both types deliver');
      expect(events.events.map((e) => e.meta?.platformMessageId)).toEqual(ids);
    });
  }

  for (const status of [401, 500]) {
    it(`DELETE /helix/eventsub/subscriptions ${status} for the stale subscriptions after a drop: still reconnected and resubscribed, gap reported`, async () => {
      const r = await setup({ connector: { events: ['chat'] } });
      await r.connector.connect();
      r.fake.failNext({
        method: 'DELETE',
        path: '/helix/eventsub/subscriptions',
        status,
        body: { status, message: 'injected' },
        times: Infinity,
      });
      r.fake.dropSession();
      await waitUntil(() => r.fake.sessions.length === 2 && r.connector.status === 'connected', 'reconnected');
      expect(r.fake.requests.some((q) => q.method === 'DELETE' && q.status === status)).toBe(true);
      expect(gaps(r)).toHaveLength(1);
      const events = collectEvents(r.bus);
      const id = r.fake.notify('channel.chat.message');
      await waitUntil(() => events.events.some((e) => e.meta?.platformMessageId === id), 'chat after the reconnect');
    });
  }
});

/**
 * The system clock, except that timers of `holdFromMs` or longer are held until the test fires them
 * (so a retry-after of seconds is observable without waiting); records every delay asked for.
 */
class HoldingClock implements Clock {
  readonly delays: number[] = [];
  readonly #held = new Map<object, { callback: () => void; delayMs: number }>();
  constructor(readonly holdFromMs: number) {}
  now(): number {
    return Date.now();
  }
  setTimeout(callback: () => void, delayMs: number): unknown {
    this.delays.push(delayMs);
    if (delayMs < this.holdFromMs) return systemClock.setTimeout(callback, delayMs);
    const handle = {};
    this.#held.set(handle, { callback, delayMs });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    if (!this.#held.delete(handle as object)) systemClock.clearTimeout(handle);
  }
  /** Delays of the timers held now. */
  get held(): number[] {
    return [...this.#held.values()].map((timer) => timer.delayMs);
  }
  /** Runs the held timer matching `delayMs`. */
  fire(match: (delayMs: number) => boolean): void {
    const entry = [...this.#held].find(([, timer]) => match(timer.delayMs));
    if (!entry) throw new Error(`no held timer matches; held: ${this.held.join(', ')}`);
    this.#held.delete(entry[0]);
    entry[1].callback();
  }
}

describe('429 retry-after is honoured (never sooner than the backoff)', () => {
  const keepalive = { fake: { keepaliveSeconds: 600 } };

  it('GET /oauth2/validate 429 with Retry-After: 3 → the reconnect waits 3 s, not the 20 ms backoff', async () => {
    const clock = new HoldingClock(1_000);
    const r = await setup({ ...keepalive, connector: { events: ['chat'], clock } });
    r.fake.failNext({ path: '/oauth2/validate', status: 429, headers: { 'retry-after': '3' } });
    const connecting = r.connector.connect();
    await waitUntil(() => r.connector.status === 'reconnecting', 'reconnecting after the 429');
    expect(statuses(r).find((n) => n.status === 'reconnecting')?.error).toBeInstanceOf(RateLimitedError);
    expect(clock.held).toContain(3_000);
    expect(r.fake.requests.filter((q) => q.path === '/oauth2/validate')).toHaveLength(1);
    clock.fire((delayMs) => delayMs === 3_000);
    await connecting;
    expect(r.connector.status).toBe('connected');
  });

  it('GET /helix/users 429 with Ratelimit-Reset 5 s ahead → the reconnect waits until the reset', async () => {
    const clock = new HoldingClock(1_000);
    const r = await setup({ ...keepalive, connector: { events: ['chat'], clock } });
    const reset = Math.ceil(Date.now() / 1000) + 5;
    r.fake.failNext({ path: '/helix/users', status: 429, headers: { 'ratelimit-reset': String(reset) } });
    const connecting = r.connector.connect();
    await waitUntil(() => r.connector.status === 'reconnecting', 'reconnecting after the 429');
    const waits = clock.held.filter((delayMs) => delayMs >= 4_000 && delayMs <= 6_000);
    expect(waits).toHaveLength(1);
    clock.fire((delayMs) => delayMs === waits[0]);
    await connecting;
    expect(r.connector.status).toBe('connected');
  });

  it('a Retry-After shorter than the backoff does not make the retry sooner than the backoff', async () => {
    const clock = new HoldingClock(1_000);
    const r = await setup({ ...keepalive, connector: { events: ['chat'], clock } });
    r.fake.failNext({ path: '/oauth2/validate', status: 429, headers: { 'retry-after': '0.005' } });
    await r.connector.connect();
    expect(clock.delays).toContain(20);
    expect(clock.delays).not.toContain(5);
  });

  it('POST /helix/eventsub/subscriptions 429 with Retry-After: 2 → that subscription is retried after 2 s, then delivers', async () => {
    const clock = new HoldingClock(1_000);
    const r = await setup({ ...keepalive, connector: { events: ['cheer', 'chat'], clock } });
    r.fake.failNext({ method: 'POST', path: '/helix/eventsub/subscriptions', status: 429, headers: { 'retry-after': '2' } });
    await r.connector.connect();
    await waitUntil(() => r.connector.health.subscriptions.some((s) => s.status === 'failed'), 'a failed subscription');
    expect(clock.held).toContain(2_000);
    clock.fire((delayMs) => delayMs === 2_000);
    await waitUntil(() => r.connector.health.subscriptions.every((s) => s.status === 'enabled'), 'retried');
    const events = collectEvents(r.bus);
    const id = r.fake.notify('channel.cheer');
    await waitUntil(() => events.events.some((e) => e.meta?.platformMessageId === id), 'the retried type delivers');
  });
});
