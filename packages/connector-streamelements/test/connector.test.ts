import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, EventBus, systemClock, type BusNotice, type Clock, type StreamEvent } from '@vmsc/core';
import {
  collectEvents,
  startStreamElementsFake,
  STREAMELEMENTS_FAKE_APIKEY,
  STREAMELEMENTS_FAKE_JWT,
  STREAMELEMENTS_FAKE_OAUTH2,
  streamelementsActivityFixtures,
  streamelementsSessionUpdateFixture,
  waitUntil,
  trackConnectors,
} from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import ioV2 from 'socket.io-client-v2';
import { StreamElementsConnector, type StreamElementsConnectorOptions } from '../src/index.js';

const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };

const connectors = trackConnectors();
afterEach(async () => {
  vi.useRealTimers();
  await connectors.cleanup();
});

function make(url: string, options: Partial<StreamElementsConnectorOptions> = {}) {
  const bus = new EventBus();
  const connector = new StreamElementsConnector({
    bus,
    token: STREAMELEMENTS_FAKE_JWT,
    method: 'jwt',
    url,
    backoff: fastBackoff,
    ...options,
  });
  connectors.track(connector);
  const collected = collectEvents(bus);
  const notices: BusNotice[] = [];
  bus.onNotice((notice) => void notices.push(notice));
  return { bus, connector, collected, events: collected.events, notices };
}

for (const allowEIO3 of [true, false]) {
  connectorContract(`streamelements (socket.io 4 server, allowEIO3: ${allowEIO3})`, async () => {
    const fake = await startStreamElementsFake({ allowEIO3 });
    const bus = new EventBus();
    const connector = new StreamElementsConnector({
      bus,
      token: STREAMELEMENTS_FAKE_JWT,
      method: 'jwt',
      url: fake.url,
      backoff: fastBackoff,
    });
    return {
      connector,
      bus,
      // The StreamElements realtime socket does not replay activities sent while it was disconnected.
      reconnectGap: 'reported',
      secrets: [STREAMELEMENTS_FAKE_JWT],
      sendEvent: async () => fake.emitFixture('event-tip'),
      dropConnection: async () => fake.dropAll(),
      close: () => fake.close(),
    };
  });
}

describe('StreamElementsConnector: transport and versions', () => {
  it('connects with Engine.IO 4 to a socket.io 4 server with and without allowEIO3; the server pings', async () => {
    for (const allowEIO3 of [true, false]) {
      const fake = await startStreamElementsFake({ allowEIO3, pingInterval: 40, pingTimeout: 500 });
      const { connector } = make(fake.url);
      await connector.connect();
      expect(fake.connections.at(-1)).toMatchObject({ eio: 4, method: 'jwt', authenticated: true });
      expect(connector.channelId).toBe('5afbafb0c3a79ebedde18249');
      await waitUntil(() => fake.pings.fromServer >= 2 && fake.pings.pongsFromClient >= 2, 'two server pings answered');
      expect(fake.pings.fromClient).toBe(0);
      await connector.disconnect();
    }
  });

  it('the version trap: a socket.io-client 2 reaches the server only with allowEIO3, and then the client pings', async () => {
    const results: string[] = [];
    for (const allowEIO3 of [true, false]) {
      const fake = await startStreamElementsFake({ allowEIO3, pingInterval: 40, pingTimeout: 500 });
      const client = ioV2(fake.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      results.push(
        await new Promise<string>((resolve) => {
          client.on('connect', () => resolve('connected'));
          client.on('connect_error', () => resolve('refused'));
        }),
      );
      if (allowEIO3) {
        await waitUntil(() => fake.pings.fromClient >= 1 && fake.pings.pongsFromServer >= 1, 'an EIO3 client ping');
        expect(fake.pings.fromServer).toBe(0);
        expect(fake.connections.at(-1)?.eio).toBe(3);
      }
      client.close();
    }
    expect(results).toEqual(['connected', 'refused']);
  });
});

describe('StreamElementsConnector: authentication', () => {
  it.each([
    ['jwt', STREAMELEMENTS_FAKE_JWT],
    ['oauth2', STREAMELEMENTS_FAKE_OAUTH2],
    ['apikey', STREAMELEMENTS_FAKE_APIKEY],
  ] as const)('authenticates with method %s', async (method, token) => {
    const fake = await startStreamElementsFake();
    const { connector } = make(fake.url, { method, token });
    await connector.connect();
    expect(fake.connections.at(-1)).toMatchObject({ method, authenticated: true });
  });

  it('a bad token is status error with a clear message, no reconnect loop, no leak', async () => {
    const fake = await startStreamElementsFake();
    const { connector, notices } = make(fake.url, { token: 'bad.jwt.value' });
    const statuses: string[] = [];
    connector.on('status', (change) => void statuses.push(change.status));
    const error = await connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe(
      'StreamElements rejected the JWT token (invalid token): copy the JWT Token again from Account Settings → Channels → Show Secrets',
    );
    expect(connector.status).toBe('error');
    await new Promise((resolve) => setTimeout(resolve, 200)); // the fake also disconnects the client
    expect(connector.status).toBe('error');
    expect(statuses).toEqual(['connecting', 'error']);
    expect(fake.connections).toHaveLength(1);
    expect(JSON.stringify(notices, (_k, v: unknown) => (v instanceof Error ? v.message : v))).not.toContain('bad.jwt.value');
  });

  it('a refused token: the message names the configured method and its own fix (JWT, OAuth2, API key)', async () => {
    const fake = await startStreamElementsFake();
    const messages: Record<string, string> = {};
    for (const method of ['jwt', 'oauth2', 'apikey'] as const) {
      const { connector } = make(fake.url, { method, token: 'refused-token' });
      const error = await connector.connect().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthError);
      messages[method] = (error as Error).message;
    }
    expect(messages.jwt).toMatch(/^StreamElements rejected the JWT token \(invalid token\): copy the JWT Token again/);
    expect(messages.oauth2).toMatch(/^StreamElements rejected the OAuth2 access token \(invalid token\): .*refresh it/);
    expect(messages.oauth2).not.toMatch(/JWT/);
    expect(messages.apikey).toMatch(/^StreamElements rejected the overlay API key \(invalid token\): copy the overlay token again/);
    expect(messages.apikey).not.toMatch(/JWT/);
    expect(Object.values(messages).join()).not.toContain('refused-token');
  });

  it('a token of the wrong method is refused too', async () => {
    const fake = await startStreamElementsFake();
    const { connector } = make(fake.url, { method: 'apikey', token: STREAMELEMENTS_FAKE_JWT });
    await expect(connector.connect()).rejects.toThrow(/rejected the overlay API key/);
  });

  it("an empty token is refused at once with the method's own fix", async () => {
    const { connector } = make('http://127.0.0.1:9', { method: 'oauth2', token: '' });
    await expect(connector.connect()).rejects.toThrow(/^StreamElements OAuth2 access token is empty: .*refresh it/);
  });

  it('no answer to authenticate: times out and retries (fake timers)', async () => {
    const fake = await startStreamElementsFake({ ignoreAuthenticate: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { connector } = make(fake.url, { authTimeoutMs: 10_000 });
    void connector.connect().catch(() => undefined);
    await vi.waitFor(() => expect(fake.connections[0]?.method).toBe('jwt'), { timeout: 3_000, interval: 5 });
    expect(connector.status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(connector.status).toBe('reconnecting');
    expect(connector.lastError?.message).toMatch(/did not answer authenticate within 10000 ms/);
    await vi.advanceTimersByTimeAsync(20);
    await vi.waitFor(() => expect(fake.connections).toHaveLength(2), { timeout: 3_000, interval: 5 });
  });
});

describe('StreamElementsConnector: events', () => {
  it('publishes all ten activity fixtures once each, with meta.platform from the provider', async () => {
    const fake = await startStreamElementsFake();
    const { connector, collected } = make(fake.url);
    await connector.connect();
    const names = Object.keys(streamelementsActivityFixtures) as Array<keyof typeof streamelementsActivityFixtures>;
    for (const name of names) fake.emitFixture(name);
    fake.emitEvent({ ...streamelementsActivityFixtures['event-raid'], _id: 'host-1', type: 'host' });
    const events = await collected.waitForCount(names.length + 1);
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set(['tip', 'follow', 'subscriber', 'cheer', 'raid', 'host', 'merch', 'redemption', 'superchat', 'community_gift']),
    );
    expect(
      events.every((event) => event.meta?.platform === 'twitch' || (event.type === 'superchat' && event.meta?.platform === 'youtube')),
    ).toBe(true);
  });

  it('stamps each activity with its createdAt; one without a valid createdAt gets the receive time (the clock)', async () => {
    const fake = await startStreamElementsFake();
    const receivedAt = Date.UTC(2031, 5, 1);
    const clock: Clock = { ...systemClock, now: () => receivedAt };
    const { connector, collected } = make(fake.url, { clock });
    await connector.connect();
    const tip = streamelementsActivityFixtures['event-tip'];
    fake.emitEvent(tip);
    fake.emitEvent({ ...tip, _id: 'no-date', createdAt: 'not a date' });
    const [dated, undated] = await collected.waitForCount(2);
    expect(dated!.timestamp).toBe(Date.parse(tip.createdAt));
    expect(undated!.timestamp).toBe(receivedAt);
  });

  it('event:test is flagged as a test (and can be switched off); event:update / event:reset are surfaced', async () => {
    const fake = await startStreamElementsFake();
    const on = make(fake.url);
    const off = make(fake.url, { includeTestEvents: false });
    await on.connector.connect();
    await off.connector.connect();
    fake.emitTest();
    fake.emitUpdate(streamelementsSessionUpdateFixture);
    fake.emitReset();
    await on.collected.waitForCount(3);
    await off.collected.waitForCount(2);
    expect(on.events.map((event) => [event.type, event.meta?.test ?? false])).toEqual([
      ['tip', true],
      ['unknown', false],
      ['unknown', false],
    ]);
    expect(off.events.map((event) => (event.data as { kind?: string }).kind)).toEqual(['event:update', 'event:reset']);
  });

  it('duplicates (same _id) are delivered once; unknown types and other server events are surfaced; junk is reported', async () => {
    const fake = await startStreamElementsFake();
    const { connector, collected, events, notices } = make(fake.url);
    await connector.connect();
    fake.emitFixture('event-cheer');
    fake.emitFixture('event-cheer');
    fake.emitEvent({ _id: 'pp1', type: 'purchase', provider: 'twitch', data: { username: 'shopper' } });
    fake.emitRaw('kvstore:update', { key: 'k', value: 1 });
    fake.emitEvent('not an activity');
    await collected.waitForCount(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event: StreamEvent) => [event.type, (event.data as { kind?: string }).kind])).toEqual([
      ['cheer', undefined],
      ['unknown', 'purchase'],
      ['unknown', 'kvstore:update'],
      ['unknown', 'event'],
    ]);
    expect(notices.filter((notice) => notice.kind === 'error').map((notice) => notice.kind === 'error' && notice.error.message)).toEqual([
      'StreamElements activity is not an object',
    ]);
  });

  it('drops and server kicks: reconnecting → connected with a gap each time, and events flow again', async () => {
    const fake = await startStreamElementsFake();
    const { connector, collected } = make(fake.url);
    const statuses: string[] = [];
    const gaps: unknown[] = [];
    connector.on('status', (change) => void statuses.push(change.status));
    connector.on('gap', (gap) => void gaps.push(gap));
    await connector.connect();
    fake.dropAll();
    await waitUntil(() => connector.status === 'connected' && fake.authenticatedCount() === 1 && gaps.length === 1, 'back after a drop');
    fake.disconnectAll();
    await waitUntil(() => connector.status === 'connected' && fake.authenticatedCount() === 1 && gaps.length === 2, 'back after a kick');
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected', 'reconnecting', 'connected']);
    fake.emitFixture('event-follower');
    await collected.waitForCount(1);
  });
});
