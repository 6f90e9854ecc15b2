import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '@vmsc/core';
import { CLOSE_CODES } from '@vmsc/core/protocol';
import { CustomWsServer } from '../src/index.js';
import { cleanup, connect, connectOpen, isAck, isError, opened, startServer, TOKEN } from './helpers.js';

afterEach(cleanup);

describe('authentication', () => {
  it('accepts the token as ?token= query parameter', async () => {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'hello' });
    await client.next(isAck('hello'));
    expect(server.connectionCount).toBe(1);
  });

  it('accepts the token as Authorization: Bearer header', async () => {
    const { server } = await startServer();
    const client = connect(server.url, { ws: { headers: { Authorization: `Bearer ${TOKEN}` } } });
    await opened(client);
    client.send({ action: 'hello' });
    await client.next(isAck('hello'));
  });

  it('accepts the token as a vmsc.token.<token> subprotocol and selects vmsc.v1', async () => {
    const { server } = await startServer();
    const client = connect(server.url, { protocols: ['vmsc.v1', `vmsc.token.${TOKEN}`] });
    await opened(client);
    expect(client.socket.protocol).toBe('vmsc.v1');
    client.send({ action: 'hello' });
    await client.next(isAck('hello'));
  });

  it.each([
    ['missing', (url: string) => url],
    ['wrong (query)', (url: string) => `${url}/?token=nope`],
    ['wrong (same length)', (url: string) => `${url}/?token=${'x'.repeat(TOKEN.length)}`],
  ])('closes with 4401 after an AUTH_FAILED error when the token is %s', async (_name, makeUrl) => {
    const { server } = await startServer();
    const client = connect(makeUrl(server.url));
    const { code } = await client.closed;
    expect(code).toBe(4401);
    expect(client.messages).toEqual([expect.objectContaining({ action: 'error', code: 'AUTH_FAILED' })]);
    expect(server.connectionCount).toBe(0);
  });

  it('rejects a wrong Bearer header and a wrong subprotocol token with 4401', async () => {
    const { server } = await startServer();
    const header = connect(server.url, { ws: { headers: { Authorization: 'Bearer wrong' } } });
    const sub = connect(server.url, { protocols: ['vmsc.v1', 'vmsc.token.wrong'] });
    expect((await header.closed).code).toBe(CLOSE_CODES.AUTH_FAILED);
    expect((await sub.closed).code).toBe(CLOSE_CODES.AUTH_FAILED);
  });

  it('generates a random base64url token (CSPRNG) when none is given', async () => {
    const bus = new EventBus();
    const a = new CustomWsServer({ bus, port: 0 });
    const b = new CustomWsServer({ bus, port: 0 });
    expect(a.token.reveal()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token.reveal()).not.toBe(b.token.reveal());
    expect(String(a.token)).toBe('[redacted]');
    await a.listen();
    const client = await connectOpen(a, a.token.reveal());
    client.send({ action: 'hello' });
    await client.next(isAck('hello'));
    await a.close();
  });

  it('regenerateToken() disconnects clients of the old token with 4401; the new token works, the old does not', async () => {
    const { server } = await startServer({ tokens: [{ token: 'reader-token', scopes: ['subscribe'] }] });
    const main = await connectOpen(server);
    const reader = await connectOpen(server, 'reader-token');
    const fresh = server.regenerateToken();
    expect((await main.closed).code).toBe(4401);
    expect(main.messages.at(-1)).toMatchObject({ action: 'error', code: 'AUTH_FAILED' });
    expect(reader.socket.readyState).toBe(reader.socket.OPEN);
    expect((await connect(`${server.url}/?token=${TOKEN}`).closed).code).toBe(4401);
    const again = await connectOpen(server, fresh.reveal());
    again.send({ action: 'hello' });
    await again.next(isAck('hello'));
  });

  it('refuses browser origins that are not allowed (HTTP 403) and accepts allowed ones', async () => {
    const { server } = await startServer({ allowedOrigins: ['http://localhost:3000'] });
    const evil = connect(`${server.url}/?token=${TOKEN}`, { ws: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) =>
      evil.socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
    const good = connect(`${server.url}/?token=${TOKEN}`, { ws: { origin: 'http://localhost:3000' } });
    await opened(good);
    const native = await connectOpen(server);
    expect(native.socket.readyState).toBe(native.socket.OPEN);
  });

  it('refuses every browser origin by default', async () => {
    const { server } = await startServer();
    const page = connect(`${server.url}/?token=${TOKEN}`, { ws: { origin: 'http://localhost:8080' } });
    const status = await new Promise<number>((resolve) =>
      page.socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });

  it('enforces token scopes: a subscribe-only token cannot inject or trigger (FORBIDDEN)', async () => {
    const { server } = await startServer({ tokens: [{ token: 'reader-token', scopes: ['subscribe'] }] });
    const reader = await connectOpen(server, 'reader-token');
    reader.send({
      action: 'injectEvent',
      requestId: 'i',
      event: { type: 'chat', source: 'x', user: { id: '1', username: 'a' }, data: { message: 'm' } },
    });
    reader.send({ action: 'triggerRule', requestId: 't', ruleId: 'r' });
    reader.send({ action: 'subscribe', requestId: 's' });
    expect(await reader.next(isError('FORBIDDEN'))).toMatchObject({ requestId: 'i' });
    await reader.count(isError('FORBIDDEN'), 2);
    expect(await reader.next(isAck('subscribe'))).toMatchObject({ requestId: 's' });
    reader.send({ action: 'hello' });
    expect(await reader.next(isAck('hello'))).toMatchObject({ scopes: ['subscribe'] });
  });
});

describe('connection limit', () => {
  it('accepts 10 connections and closes the 11th with 4503 and a reason; a slot frees up on close', async () => {
    const { server } = await startServer();
    const clients = await Promise.all(Array.from({ length: 10 }, () => connectOpen(server)));
    expect(server.connectionCount).toBe(10);
    const eleventh = connect(`${server.url}/?token=${TOKEN}`);
    const closed = await eleventh.closed;
    expect(closed.code).toBe(CLOSE_CODES.SERVER_FULL);
    expect(closed.reason).toContain('at most 10 connections');
    clients[0]!.socket.close();
    await clients[0]!.closed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const replacement = await connectOpen(server);
    replacement.send({ action: 'hello' });
    await replacement.next(isAck('hello'));
  });

  it('honours a configured maximum', async () => {
    const { server } = await startServer({ maxConnections: 1 });
    await connectOpen(server);
    expect((await connect(`${server.url}/?token=${TOKEN}`).closed).code).toBe(4503);
  });
});

describe('listening', () => {
  it('defaults to port 7895 on 127.0.0.1', async () => {
    const server = new CustomWsServer({ bus: new EventBus(), token: TOKEN });
    await server.listen();
    try {
      expect(server.port).toBe(7895);
      expect(server.url).toBe('ws://127.0.0.1:7895');
    } finally {
      await server.close();
    }
  });

  it('close() sends 1001 to every client, stops listening, and is idempotent', async () => {
    const { server } = await startServer();
    const a = await connectOpen(server);
    const b = await connectOpen(server);
    const port = server.port;
    await Promise.all([server.close(), server.close()]);
    expect((await a.closed).code).toBe(1001);
    expect((await b.closed).code).toBe(1001);
    const again = new CustomWsServer({ bus: new EventBus(), port, token: TOKEN });
    await again.listen();
    expect(again.port).toBe(port);
    await again.close();
  });

  it('reports a port in use as a ConnectionError', async () => {
    const { server } = await startServer();
    const clash = new CustomWsServer({ bus: new EventBus(), port: server.port, token: TOKEN });
    await expect(clash.listen()).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });
});
