import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';
import { closeAllFakes, startWsServer, waitUntil } from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import { CustomWsClient, type MessageMapping } from '../src/index.js';

const TOKEN = 'bot-token-4711';
const mapping: MessageMapping = {
  filter: { path: '$.kind', equals: 'msg' },
  type: { const: 'chat' },
  'user.id': '$.from.id',
  'user.username': '$.from.name',
  'data.message': '$.text',
};
const chatMessage = (text = 'hello') => JSON.stringify({ kind: 'msg', text, from: { id: 7, name: 'ann' } });
const fastBackoff = { initialDelayMs: 20, maxDelayMs: 40, jitterMs: 0 };

connectorContract('CustomWsClient', async () => {
  const server = await startWsServer();
  const bus = new EventBus();
  const connector = new CustomWsClient({ bus, url: server.url, token: TOKEN, source: 'my-bot', mapping, backoff: fastBackoff });
  return {
    connector,
    bus,
    // A plain WebSocket server has no resume protocol: what it sent while the client was away is lost.
    reconnectGap: 'reported',
    secrets: [TOKEN],
    async sendEvent() {
      await server.nextConnection({ existing: true });
      server.broadcast(chatMessage());
    },
    async dropConnection() {
      server.dropAll();
    },
    close: () => server.close(),
  };
});

describe('CustomWsClient', () => {
  let client: CustomWsClient | undefined;
  afterEach(async () => {
    await client?.disconnect();
    client = undefined;
    await closeAllFakes();
  });

  function setup(bus: EventBus, url: string, extra: Partial<ConstructorParameters<typeof CustomWsClient>[0]> = {}) {
    client = new CustomWsClient({ bus, url, token: TOKEN, source: 'my-bot', mapping, backoff: fastBackoff, ...extra });
    return client;
  }

  it('sends the token as Authorization: Bearer in Node by default, or as a query parameter', async () => {
    const server = await startWsServer();
    await setup(new EventBus(), server.url).connect();
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests[0]!.url).toBe('/');
    await client!.disconnect();
    await setup(new EventBus(), `${server.url}/feed?x=1`, { tokenIn: 'query', tokenParam: 'key' }).connect();
    expect(server.requests[1]!.url).toBe(`/feed?x=1&key=${TOKEN}`);
    expect(server.requests[1]!.headers.authorization).toBeUndefined();
  });

  it('maps messages to validated events of its source, skips filtered ones, and keeps the raw message', async () => {
    const server = await startWsServer();
    const bus = new EventBus();
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    await setup(bus, server.url).connect();
    server.broadcast(JSON.stringify({ kind: 'ping' }));
    server.broadcast(chatMessage('first'));
    await waitUntil(() => events.length === 1, 'one event');
    expect(events[0]).toMatchObject({
      type: 'chat',
      source: 'my-bot',
      user: { id: '7', username: 'ann', nickname: 'ann' },
      data: { message: 'first' },
    });
    expect(events[0]!.raw).toEqual({ kind: 'msg', text: 'first', from: { id: 7, name: 'ann' } });
  });

  it('reports a message that does not map, with the reason, publishes it as unknown, and keeps going', async () => {
    const server = await startWsServer();
    const bus = new EventBus();
    const events: StreamEvent[] = [];
    const notices: BusNotice[] = [];
    bus.onAny((event) => void events.push(event));
    bus.onNotice('error', (notice) => void notices.push(notice));
    await setup(bus, server.url).connect();
    server.broadcast(JSON.stringify({ kind: 'msg', text: 42, from: { id: 7, name: 'ann' } }));
    server.broadcast('{not json');
    server.broadcast(chatMessage('after'));
    await waitUntil(() => events.length === 3, 'three events');
    expect(events[0]).toMatchObject({
      type: 'unknown',
      source: 'my-bot',
      data: { kind: 'chat', reason: expect.stringContaining('data.message') },
    });
    expect(events[1]).toMatchObject({
      type: 'unknown',
      data: { kind: '(not JSON)', payload: '{not json', reason: 'the frame is not JSON' },
    });
    expect(events[2]).toMatchObject({ type: 'chat', data: { message: 'after' } });
    expect(notices.map((notice) => notice.kind === 'error' && notice.error.code)).toEqual(['UNMAPPED_MESSAGE', 'MALFORMED_FRAME']);
    expect(client!.status).toBe('connected');
  });

  it('tries several mappings in order', async () => {
    const server = await startWsServer();
    const bus = new EventBus();
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    await setup(bus, server.url, {
      mapping: [mapping, { filter: { path: '$.kind', equals: 'follow' }, type: { const: 'follow' }, 'user.id': '$.who' }],
    }).connect();
    server.broadcast(JSON.stringify({ kind: 'follow', who: 'bob' }));
    await waitUntil(() => events.length === 1, 'a follow');
    expect(events[0]).toMatchObject({ type: 'follow', user: { id: 'bob', username: 'bob', nickname: 'bob' } });
  });

  it('stops in "error" with an AuthError when the server refuses the token (HTTP 401), without retrying', async () => {
    const server = await startWsServer({ verifyClient: (request) => request.headers.authorization === 'Bearer right' });
    const bus = new EventBus();
    const connecting = setup(bus, server.url).connect();
    await expect(connecting).rejects.toBeInstanceOf(AuthError);
    expect(client!.status).toBe('error');
    expect(String(client!.lastError?.message)).not.toContain(TOKEN);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(server.requests).toHaveLength(0);
  });

  it('retries with backoff while the server is down, and connects once it is up', async () => {
    const probe = await startWsServer();
    const port = probe.port;
    await probe.close();
    const bus = new EventBus();
    const statuses: string[] = [];
    const c = setup(bus, `ws://127.0.0.1:${port}`);
    c.on('status', (change) => void statuses.push(change.status));
    const connecting = c.connect();
    await waitUntil(() => c.health.reconnectAttempts >= 2, 'two retries');
    expect(c.status).toBe('reconnecting');
    const { createServer } = await import('node:http');
    const { WebSocketServer } = await import('ws');
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
    await connecting;
    expect(statuses).toEqual(['connecting', 'reconnecting', 'connected']);
    await c.disconnect();
    for (const socket of wss.clients) socket.terminate();
    await new Promise((resolve) => http.close(resolve));
  });

  it('can be disabled and enabled at runtime', async () => {
    const server = await startWsServer();
    const bus = new EventBus();
    const c = setup(bus, server.url, { enabled: false });
    await c.connect();
    expect(c.status).toBe('disconnected');
    expect(server.requests).toHaveLength(0);
    await c.enable();
    expect(c.status).toBe('connected');
    await c.disable();
    expect(c.status).toBe('disconnected');
    expect(c.enabled).toBe(false);
    await c.connect();
    expect(c.status).toBe('disconnected');
    await c.enable();
    expect(c.status).toBe('connected');
  });

  it('refuses a non-WebSocket URL, an empty source and an unsafe mapping at construction', () => {
    const bus = new EventBus();
    expect(() => new CustomWsClient({ bus, url: 'http://x', source: 's', mapping })).toThrow(/ws:\/\//);
    expect(() => new CustomWsClient({ bus, url: 'ws://x', source: '', mapping })).toThrow(/source/);
    expect(() => new CustomWsClient({ bus, url: 'ws://x', source: 's', mapping: { type: '$[?(@.x)]' } })).toThrow(/script/);
  });
});
