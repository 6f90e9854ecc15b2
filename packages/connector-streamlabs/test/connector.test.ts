import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, Backoff, EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';
import { collectEvents, startStreamlabsFake, STREAMLABS_FAKE_TOKEN, streamlabsFixtures, waitUntil, trackConnectors } from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import { io as ioV4 } from 'socket.io-client';
import { StreamlabsConnector, type StreamlabsConnectorOptions } from '../src/index.js';

const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };
/** A namespace that stays connected this long counts as accepted (default 1 s; short here). */
const acceptAfterMs = 50;

function make(url: string, options: Partial<StreamlabsConnectorOptions> = {}) {
  const bus = new EventBus();
  const connector = new StreamlabsConnector({
    bus,
    socketToken: STREAMLABS_FAKE_TOKEN,
    url,
    backoff: fastBackoff,
    acceptAfterMs,
    ...options,
  });
  const collected = collectEvents(bus);
  const notices: BusNotice[] = [];
  bus.onNotice((notice) => void notices.push(notice));
  return { bus, connector, events: collected.events, collected, notices };
}

const connectors = trackConnectors();
afterEach(connectors.cleanup);
const track = <T extends { connector: StreamlabsConnector }>(value: T): T => {
  connectors.track(value.connector);
  return value;
};

connectorContract('streamlabs', async () => {
  const fake = await startStreamlabsFake();
  const bus = new EventBus();
  const connector = new StreamlabsConnector({
    bus,
    socketToken: STREAMLABS_FAKE_TOKEN,
    url: fake.url,
    backoff: fastBackoff,
    acceptAfterMs,
  });
  return {
    connector,
    bus,
    // The Streamlabs socket API does not replay alerts sent while the socket was disconnected.
    reconnectGap: 'reported',
    secrets: [STREAMLABS_FAKE_TOKEN],
    sendEvent: async () => fake.emitFixture('event-donation'),
    dropConnection: async () => fake.dropAll(),
    close: () => fake.close(),
  };
});

describe('StreamlabsConnector against a socket.io 2 server', () => {
  it('connects with the token in the query over Engine.IO 3 and publishes every fixture', async () => {
    const fake = await startStreamlabsFake();
    const { connector, collected } = track(make(fake.url, { includeTestEvents: true }));
    await connector.connect();
    expect(fake.connections.at(-1)).toEqual({ token: STREAMLABS_FAKE_TOKEN, eio: '3', accepted: true });
    const names = Object.keys(streamlabsFixtures) as Array<keyof typeof streamlabsFixtures>;
    for (const name of names) fake.emitFixture(name);
    // event-follow and event-follow-message-object are distinct alerts (different _id): 12 fixtures, 12 events.
    const events = await collected.waitForCount(names.length);
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set(['bits', 'donation', 'follow', 'host', 'merch', 'raid', 'subscription']),
    );
    expect(events.every((event) => event.source === 'streamlabs' && event.meta?.platform)).toBe(true);
  });

  it('ping direction: in Engine.IO 3 the client pings and the server answers', async () => {
    const fake = await startStreamlabsFake({ pingInterval: 40, pingTimeout: 500 });
    const { connector } = track(make(fake.url));
    await connector.connect();
    await waitUntil(() => fake.pings.fromClient >= 2 && fake.pings.pongsFromServer >= 2, 'two client pings answered');
    expect(fake.pings.fromServer).toBe(0);
    expect(fake.pings.pongsFromClient).toBe(0);
    expect(connector.status).toBe('connected');
  });

  it('the version trap: a socket.io-client 4 cannot talk to the Streamlabs (v2) server', async () => {
    const fake = await startStreamlabsFake();
    const client = ioV4(fake.url, { transports: ['websocket'], query: { token: STREAMLABS_FAKE_TOKEN }, reconnection: false });
    const message = await new Promise<string>((resolve) => {
      client.on('connect', () => resolve('connected'));
      client.on('connect_error', (error) => resolve(error.message));
    });
    client.close();
    expect(message).toMatch(/Socket\.IO server in v2\.x with a v3\.x client/);
  });

  it('a bad token (error packet 44"Invalid token") is status error with a clear message and no retry', async () => {
    const fake = await startStreamlabsFake();
    const { connector, notices } = track(make(fake.url, { socketToken: 'wrong-token-123' }));
    const error = await connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/Streamlabs refused the socket token \(Invalid token\)/);
    expect(connector.status).toBe('error');
    expect(connector.lastError).toBe(error);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.connections).toHaveLength(1);
    expect(connector.status).toBe('error');
    expect(JSON.stringify(notices, (_k, v: unknown) => (v instanceof Error ? v.message : v))).not.toContain('wrong-token-123');
  });

  it('a bad token refused by closing the socket ends in error after a few attempts, not a loop', async () => {
    const fake = await startStreamlabsFake({ rejectWith: 'close' });
    const { connector } = track(make(fake.url, { socketToken: 'wrong-token-456', maxClosesBeforeConnect: 3 }));
    const error = await connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/closed the connection 3 times before accepting it/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.connections).toHaveLength(3);
  });

  it('a server that connects the namespace and disconnects it at once (40 then 41): failed connects with growing backoff, then the typed error naming the reason', async () => {
    const fake = await startStreamlabsFake({ rejectWith: 'disconnect' });
    const backoff = new Backoff(fastBackoff);
    const { connector, notices } = track(make(fake.url, { socketToken: 'wrong-token-789', maxClosesBeforeConnect: 3, backoff }));
    const error = await connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/closed the connection 3 times before accepting it \(io server disconnect\)/);
    expect((error as Error).message).not.toContain('wrong-token-789');
    expect(connector.status).toBe('error');
    // Two retries, and the backoff was never reset by a `connected` in between.
    expect(backoff.attempt).toBe(2);
    const statuses = notices.flatMap((notice) => (notice.kind === 'status' ? [notice.status] : []));
    expect(statuses).toEqual(['connecting', 'reconnecting', 'error']);
    expect(notices.some((notice) => notice.kind === 'gap')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.connections).toHaveLength(3);
    expect(fake.connections.every((connection) => !connection.accepted)).toBe(true);
  });

  it('an alert right after the namespace connects is delivered and accepts the connection at once', async () => {
    const fake = await startStreamlabsFake();
    const { connector, collected } = track(make(fake.url, { acceptAfterMs: 60_000 }));
    const connecting = connector.connect();
    await fake.nextConnection();
    expect(connector.status).toBe('connecting');
    fake.emitFixture('event-bits');
    await connecting;
    expect(connector.status).toBe('connected');
    expect(await collected.waitForCount(1)).toMatchObject([{ type: 'bits' }]);
  });

  it('reconnects after a drop and after a server-side disconnect, reporting each gap', async () => {
    const fake = await startStreamlabsFake();
    const { connector, collected } = track(make(fake.url));
    const gaps: unknown[] = [];
    connector.on('gap', (gap) => void gaps.push(gap));
    await connector.connect();
    fake.dropAll();
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting');
    await waitUntil(() => connector.status === 'connected' && fake.connectedCount() === 1, 'connected again');
    expect(gaps).toHaveLength(1);
    fake.disconnectAll();
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting after 41');
    await waitUntil(() => connector.status === 'connected' && fake.connectedCount() === 1, 'connected again after 41');
    expect(gaps).toHaveLength(2);
    fake.emitFixture('event-bits');
    await collected.waitForCount(1);
    expect(fake.connections.filter((connection) => connection.accepted)).toHaveLength(3);
  });

  it('keeps retrying with backoff while Streamlabs is unreachable; disconnect() ends the pending connect', async () => {
    const fake = await startStreamlabsFake();
    const port = fake.port;
    await fake.close();
    const { connector } = track(make(`http://127.0.0.1:${port}`));
    const connecting = connector.connect();
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting while unreachable');
    expect(connector.lastError?.message).toMatch(/could not connect to Streamlabs/);
    await connector.disconnect();
    await expect(connecting).rejects.toThrow(/before Streamlabs connected/);
    expect(connector.status).toBe('disconnected');
  });

  it('a socket that cannot even be created (the client throws) is retried like a lost connection, the token redacted', async () => {
    class Unopenable extends StreamlabsConnector {
      opened = 0;
      protected override createSocket(): never {
        this.opened++;
        throw new Error(`cannot parse a URL with ${STREAMLABS_FAKE_TOKEN} in it`);
      }
    }
    const connector = new Unopenable({
      bus: new EventBus(),
      socketToken: STREAMLABS_FAKE_TOKEN,
      url: 'http://127.0.0.1:1',
      backoff: fastBackoff,
    });
    connectors.track(connector);
    const connecting = connector.connect();
    await waitUntil(() => connector.opened >= 2, 'retried');
    expect(connector.status).toBe('reconnecting');
    expect(connector.lastError?.message).toMatch(/^cannot open the Streamlabs socket: cannot parse a URL/);
    expect(connector.lastError?.message).not.toContain(STREAMLABS_FAKE_TOKEN);
    await connector.disconnect();
    await expect(connecting).rejects.toThrow(/before Streamlabs connected/);
  });

  it('drops test alerts by default and publishes them flagged when asked', async () => {
    const fake = await startStreamlabsFake();
    const quiet = track(make(fake.url));
    const loud = track(make(fake.url, { includeTestEvents: true }));
    await quiet.connector.connect();
    await loud.connector.connect();
    fake.emitFixture('event-follow'); // isTest: true
    fake.emitFixture('event-donation'); // live
    await loud.collected.waitForCount(2);
    await quiet.collected.waitForCount(1);
    expect(quiet.events.map((event) => event.type)).toEqual(['donation']);
    expect(loud.events.map((event) => [event.type, event.meta?.test ?? false])).toEqual([
      ['follow', true],
      ['donation', false],
    ]);
  });

  it('delivers an alert once when Streamlabs sends it twice (same _id)', async () => {
    const fake = await startStreamlabsFake();
    const { connector, collected, events } = track(make(fake.url));
    await connector.connect();
    fake.emitFixture('event-bits');
    fake.emitFixture('event-bits');
    fake.emitEvent({ ...streamlabsFixtures['event-raid'], message: [{ ...streamlabsFixtures['event-raid'].message[0], _id: 'other' }] });
    await collected.waitForCount(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event: StreamEvent) => event.type)).toEqual(['bits', 'raid']);
  });

  it('surfaces unknown alert types, reports malformed ones, ignores non-alerts', async () => {
    const fake = await startStreamlabsFake();
    const { connector, collected, events, notices } = track(make(fake.url));
    await connector.connect();
    fake.emitEvent({ type: 'alertPlaying', message: { type: 'donation' } });
    fake.emitEvent({ type: 'streamlabels', message: { data: {} } });
    fake.emitEvent({ type: 'pledge', for: 'patreon', message: [{ name: 'p', _id: 'pl1' }] });
    fake.emitEvent({ type: 'host', for: 'twitch_account', message: [{ name: 'h', _id: 'h1' }] });
    fake.emitEvent('garbage');
    await collected.waitForCount(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event) => [event.type, (event.data as { kind?: string }).kind])).toEqual([
      ['unknown', 'pledge'],
      ['unknown', 'host'],
      ['unknown', 'event'],
    ]);
    const errors = notices.filter((notice) => notice.kind === 'error');
    expect(errors.map((notice) => notice.kind === 'error' && notice.error.message)).toEqual([
      'Streamlabs host without name or viewers',
      'Streamlabs event payload is not an object',
    ]);
    expect(connector.status).toBe('connected');
  });
});
