import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, EventBus, RuleEngine, ValidationError } from '@vmsc/core';
import { engineAdmin } from '../src/index.js';
import { CLOSE_CODES, errorCodes, errorMessageSchema, serverMessageSchema, type ErrorCode, type ServerMessage } from '@vmsc/core/protocol';
import { chatEvent, cleanup, connect, connectOpen, isAck, opened, startServer, TOKEN, type TestClient } from './helpers.js';

afterEach(cleanup);

/**
 * The completeness tables: every error code of `@vmsc/core/protocol` and every close code the server
 * documents, each produced by the real server over a real loopback socket. The tables are typed
 * `Record<ErrorCode | CloseName, …>`, and a test compares their keys with the protocol's lists, so a
 * code added to the protocol without a scenario here fails the build or the suite.
 */

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const RULE = { id: '0b7f2c4e-0000-4000-8000-00000000000a', name: 'Thank gifters' };

/** Each scenario returns the error it provoked, and whether the request's `requestId` must be echoed on it. */
type ErrorScenario = () => Promise<{ error: ServerMessage; requestId?: string | number; client?: TestClient }>;

/** A server whose admin handler is a real engine (with one queued rule) and no connectors. */
async function adminServer(reloadRules?: () => Promise<never>) {
  const bus = new EventBus();
  const engine = new RuleEngine({ bus });
  engine.addRule({ id: RULE.id, name: RULE.name, run: { mode: 'queue', queue: 'alerts' }, actions: [{ type: 'log', message: 'x' }] });
  const { server } = await startServer({
    bus,
    engine,
    admin: engineAdmin({ engine, connectors: [], ...(reloadRules ? { reloadRules } : {}) }),
  });
  return connectOpen(server);
}

const errorScenarios: Record<ErrorCode, ErrorScenario> = {
  async CONNECTOR_NOT_FOUND() {
    const client = await adminServer();
    client.send({ action: 'connectConnector', connectorId: 'nope', requestId: 'cnf' });
    return { error: await client.next((m) => m.action === 'error'), requestId: 'cnf', client };
  },
  async QUEUE_NOT_FOUND() {
    const client = await adminServer();
    client.send({ action: 'pauseQueue', queue: 'nope', requestId: 'qnf' });
    return { error: await client.next((m) => m.action === 'error'), requestId: 'qnf', client };
  },
  async INVALID_RULES() {
    const client = await adminServer(() =>
      Promise.reject(
        new ValidationError('invalid rules in rules.json', [{ path: '0.name', message: 'required' }], { code: 'INVALID_RULES' }),
      ),
    );
    client.send({ action: 'reloadRules', requestId: 'ir' });
    const error = await client.next((m) => m.action === 'error');
    expect(error).toMatchObject({ issues: [{ path: '0.name', message: 'required' }] });
    return { error, requestId: 'ir', client };
  },
  async ADMIN_UNAVAILABLE() {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'listRules', requestId: 'au' });
    return { error: await client.next((m) => m.action === 'error'), requestId: 'au', client };
  },
  async INVALID_ACTION() {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'foobar', requestId: 'ia-1' });
    return { error: await client.next((m) => m.action === 'error'), requestId: 'ia-1', client };
  },
  async INVALID_PAYLOAD() {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'injectEvent', event: { type: 'chat', user: { id: 'u' }, data: {} }, requestId: 7 });
    const error = await client.next((m) => m.action === 'error');
    const paths = (error as { issues?: Array<{ path: string }> }).issues?.map((issue) => issue.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['event.source', 'event.user.username']));
    return { error, requestId: 7, client };
  },
  async RULE_NOT_FOUND() {
    const { server } = await startServer({ engine: { listRules: () => [RULE], trigger: async () => ({ outcome: 'completed' }) } });
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleName: 'No such rule', requestId: 'rnf' });
    return { error: await client.next((m) => m.action === 'error'), requestId: 'rnf', client };
  },
  async AUTH_FAILED() {
    const { server } = await startServer();
    const client = connect(`${server.url}/?token=wrong-${TOKEN}`);
    expect((await client.closed).code).toBe(CLOSE_CODES.AUTH_FAILED);
    return { error: client.messages[0]! };
  },
  async RATE_LIMITED() {
    const clock = manualClock();
    const { server } = await startServer({ clock, messagesPerSecond: 2 });
    const client = await connectOpen(server);
    client.send({ action: 'subscribe' });
    client.send({ action: 'subscribe' });
    client.send({ action: 'subscribe', requestId: 'not-processed' });
    const error = await client.next((m) => m.action === 'error');
    expect(error).toMatchObject({ retryAfterMs: 1_000 });
    // Not processed (no third ack), but its requestId is echoed so the client knows what to resend.
    expect(client.messages.filter(isAck('subscribe'))).toHaveLength(2);
    return { error, requestId: 'not-processed', client };
  },
  async FORBIDDEN() {
    const { server } = await startServer({ tokens: [{ token: 'read-only-token', scopes: ['subscribe'] }] });
    const client = await connectOpen(server, 'read-only-token');
    client.send({ action: 'injectEvent', event: chatEvent(), requestId: 'fb' });
    return { error: await client.next((m) => m.action === 'error'), requestId: 'fb', client };
  },
  async INTERNAL_ERROR() {
    const engine = {
      listRules: () => [RULE],
      trigger: async () => {
        throw new Error('the action crashed');
      },
    };
    const { server } = await startServer({ engine });
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleId: RULE.id, requestId: 99 });
    return { error: await client.next((m) => m.action === 'error'), requestId: 99, client };
  },
};

describe('every error code of the protocol, from the real server', () => {
  it('the table covers exactly the protocol’s error codes', () => {
    expect(Object.keys(errorScenarios).sort()).toEqual([...errorCodes].sort());
  });

  it.each(Object.keys(errorScenarios) as ErrorCode[])('%s', async (code) => {
    const { error, requestId, client } = await errorScenarios[code]();
    const parsed = errorMessageSchema.parse(error);
    expect(serverMessageSchema.safeParse(error).success).toBe(true);
    expect(parsed.code).toBe(code);
    expect(parsed.message.length).toBeGreaterThan(0);
    expect(parsed.message).not.toContain(TOKEN);
    if (requestId !== undefined) expect(parsed.requestId).toBe(requestId);
    if (client && code !== 'RATE_LIMITED') {
      // The connection keeps working after the error.
      client.send({ action: 'hello', requestId: 'after' });
      expect(await client.next((m) => isAck('hello')(m) && (m as { requestId?: unknown }).requestId === 'after')).toBeDefined();
    }
  });
});

type CloseName = keyof typeof CLOSE_CODES;

/** Each scenario returns the close the client saw; `others` are connections that must keep working. */
type CloseScenario = () => Promise<{ code: number; reason: string; others?: TestClient[] }>;

const closeScenarios: Record<CloseName, CloseScenario> = {
  async AUTH_FAILED() {
    const { server } = await startServer();
    const viaQuery = connect(`${server.url}/?token=nope`);
    const viaHeader = connect(server.url, { ws: { headers: { Authorization: 'Bearer nope' } } });
    const viaSubprotocol = connect(server.url, { protocols: ['vmsc.v1', 'vmsc.token.nope'] });
    const missing = connect(server.url);
    const closes = await Promise.all([viaQuery, viaHeader, viaSubprotocol, missing].map((client) => client.closed));
    for (const close of closes) expect(close.code).toBe(CLOSE_CODES.AUTH_FAILED);
    expect(closes[3]!.reason).toContain('missing token');
    // And a connection that was authenticated with a token that has since been regenerated.
    const before = await connectOpen(server);
    server.regenerateToken();
    const regenerated = await before.closed;
    expect(regenerated.reason).toContain('regenerated');
    return closes[0]!;
  },
  async FLOODING() {
    const clock = manualClock();
    const { server } = await startServer({ clock, messagesPerSecond: 1, floodThreshold: 3 });
    const flooder = await connectOpen(server);
    const other = await connectOpen(server);
    for (let i = 0; i < 10; i++) flooder.send({ action: 'subscribe' });
    return { ...(await flooder.closed), others: [other] };
  },
  async SERVER_FULL() {
    const { server } = await startServer({ maxConnections: 2 });
    const first = await connectOpen(server);
    const second = await connectOpen(server);
    const third = connect(`${server.url}/?token=${TOKEN}`);
    return { ...(await third.closed), others: [first, second] };
  },
  async SLOW_CONSUMER() {
    const { server, bus } = await startServer({ maxBufferedBytes: 64 * 1024 });
    const slow = await connectOpen(server);
    const other = await connectOpen(server);
    slow.send({ action: 'subscribe' });
    await slow.next(isAck('subscribe'));
    slow.socket.pause();
    const big = 'y'.repeat(60 * 1024);
    for (let i = 0; i < 400 && server.connectionCount === 2; i++) {
      bus.publish(createEvent({ source: 'my-app', type: 'chat', data: { message: big } }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    slow.socket.resume();
    return { ...(await slow.closed), others: [other] };
  },
  async GOING_AWAY() {
    const { server } = await startServer();
    const client = await connectOpen(server);
    await server.close();
    return client.closed;
  },
  async MESSAGE_TOO_BIG() {
    const { server } = await startServer({ maxFrameBytes: 1024 });
    const big = await connectOpen(server);
    const other = await connectOpen(server);
    big.send({ action: 'injectEvent', event: chatEvent('z'.repeat(2048)) });
    return { ...(await big.closed), others: [other] };
  },
  async INVALID_FRAME_DATA() {
    const { server } = await startServer();
    const broken = await connectOpen(server);
    const other = await connectOpen(server);
    broken.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    return { ...(await broken.closed), others: [other] };
  },
};

describe('every close code the server documents, from the real server', () => {
  it('the table covers exactly CLOSE_CODES', () => {
    expect(Object.keys(closeScenarios).sort()).toEqual(Object.keys(CLOSE_CODES).sort());
  });

  it.each(Object.keys(closeScenarios) as CloseName[])('%s', async (name) => {
    const { code, reason, others = [] } = await closeScenarios[name]();
    expect(code).toBe(CLOSE_CODES[name]);
    // Every close the server initiates explains itself (1007 and 1009 come from the ws library).
    if (name !== 'MESSAGE_TOO_BIG' && name !== 'INVALID_FRAME_DATA') expect(reason.length).toBeGreaterThan(0);
    for (const other of others) {
      other.send({ action: 'hello', requestId: name });
      expect(await other.next((m) => isAck('hello')(m) && (m as { requestId?: unknown }).requestId === name)).toBeDefined();
    }
  });

  it('the 11th connection of the default maximum gets 4503 with the documented reason', async () => {
    const { server } = await startServer();
    const clients = await Promise.all(Array.from({ length: 10 }, () => connectOpen(server)));
    expect(server.connectionCount).toBe(10);
    const eleventh = connect(`${server.url}/?token=${TOKEN}`);
    await opened(eleventh).catch(() => undefined);
    expect(await eleventh.closed).toEqual({ code: 4503, reason: 'server full: at most 10 connections' });
    expect(clients.every((client) => client.socket.readyState === client.socket.OPEN)).toBe(true);
  });
});

describe('hello lists the actions the token may use', () => {
  it('all of them for the main token with an admin handler; no admin action for a read-only token or without a handler', async () => {
    const bus = new EventBus();
    const engine = new RuleEngine({ bus });
    const { server } = await startServer({
      bus,
      engine,
      admin: engineAdmin({ engine, connectors: [] }),
      tokens: [{ token: 'reader-token-1', scopes: ['subscribe'] }],
    });
    const main = await connectOpen(server);
    main.send({ action: 'hello' });
    const hello = (await main.next(isAck('hello'))) as { actions?: string[]; scopes: string[] };
    expect(hello.scopes).toContain('admin');
    expect(hello.actions).toEqual(expect.arrayContaining(['listRules', 'reloadRules', 'explain', 'adminSubscribe', 'injectEvent']));
    // The catalogue has the JSON Schemas of every admin request and answer.
    const catalogue = (hello as unknown as { catalogue: { admin: Record<string, { request: { properties: Record<string, unknown> } }> } })
      .catalogue;
    expect(Object.keys(catalogue.admin)).toContain('setRuleEnabled');
    expect(Object.keys(catalogue.admin.setRuleEnabled!.request.properties)).toEqual(
      expect.arrayContaining(['ruleId', 'ruleName', 'enabled']),
    );
    const reader = await connectOpen(server, 'reader-token-1');
    reader.send({ action: 'hello' });
    expect(((await reader.next(isAck('hello'))) as { actions?: string[] }).actions).toEqual(['subscribe', 'hello']);
    const { server: bare } = await startServer();
    const plain = await connectOpen(bare);
    plain.send({ action: 'hello' });
    expect(((await plain.next(isAck('hello'))) as { actions?: string[] }).actions).toEqual([
      'injectEvent',
      'triggerRule',
      'subscribe',
      'hello',
    ]);
  });
});
