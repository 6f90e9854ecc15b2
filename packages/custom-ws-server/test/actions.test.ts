import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, type StreamEvent } from '@vmsc/core';
import { helloAckSchema, serverMessageSchema } from '@vmsc/core/protocol';
import { chatEvent, cleanup, connectOpen, isAck, isError, isEventMessage, startServer } from './helpers.js';

afterEach(cleanup);

const gift = () =>
  createEvent({
    source: 'tiktok',
    type: 'gift',
    user: { id: '12345', username: 'viewer1', nickname: 'Viewer One' },
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
  });

describe('injectEvent', () => {
  it('acks with the eventId and publishes the event on the bus like a platform event', async () => {
    const { server, bus } = await startServer();
    const seen: StreamEvent[] = [];
    bus.onAny((event) => void seen.push(event));
    const client = await connectOpen(server);
    client.send({ action: 'injectEvent', event: chatEvent('Hello from my custom app!') });
    const ack = await client.next(isAck('injectEvent'));
    expect(ack).toEqual({ action: 'injectEvent', status: 'ok', eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(serverMessageSchema.safeParse(ack).success).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      id: (ack as { eventId: string }).eventId,
      type: 'chat',
      source: 'my-app',
      data: { message: 'Hello from my custom app!' },
    });
    expect(seen[0]!.meta?.simulated).toBeUndefined();
    expect(typeof seen[0]!.timestamp).toBe('number');
  });

  it('flags events that claim a built-in platform as meta.simulated, and defaults nickname to username', async () => {
    const { server, bus } = await startServer();
    const seen: StreamEvent[] = [];
    bus.onAny((event) => void seen.push(event));
    const client = await connectOpen(server);
    client.send({
      action: 'injectEvent',
      event: {
        type: 'gift',
        source: 'tiktok',
        user: { id: '1', username: 'rosefan' },
        data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
      },
    });
    await client.next(isAck('injectEvent'));
    expect(seen[0]).toMatchObject({
      source: 'tiktok',
      meta: { simulated: true },
      user: { id: '1', username: 'rosefan', nickname: 'rosefan' },
    });
  });

  it('answers INVALID_PAYLOAD naming every bad field, and publishes nothing', async () => {
    const { server, bus } = await startServer();
    const seen: StreamEvent[] = [];
    bus.onAny((event) => void seen.push(event));
    const client = await connectOpen(server);
    client.send({
      action: 'injectEvent',
      requestId: 7,
      event: { type: 'chat', source: 'my-app', user: { username: 'x' }, data: { message: 42 } },
    });
    const error = await client.next(isError('INVALID_PAYLOAD'));
    expect(error).toMatchObject({ requestId: 7 });
    const paths = (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['event.user.id', 'event.data.message']));
    expect((error as { message: string }).message).toContain('event.user.id');
    client.send({ action: 'injectEvent', event: { type: 'no_such_type', source: 'my-app', user: { id: '1', username: 'x' }, data: {} } });
    client.send({ action: 'injectEvent' });
    client.send({ action: 'injectEvent', event: { source: 'my-app', user: { id: '1', username: 'x' }, data: {} } });
    const errors = await client.count(isError('INVALID_PAYLOAD'), 4);
    expect((errors[1] as { issues: { path: string }[] }).issues[0]!.path).toBe('event.type');
    expect((errors[2] as { issues: { path: string }[] }).issues[0]!.path).toBe('event');
    expect((errors[3] as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toContain('event.type');
    expect(seen).toHaveLength(0);
  });

  it('injected events reach the rules: a bus subscriber (the engine subscribes the same way) sees them', async () => {
    const { server, bus } = await startServer();
    const client = await connectOpen(server);
    const received = new Promise<StreamEvent>((resolve) => bus.on('chat', (event) => resolve(event)));
    client.send({ action: 'injectEvent', event: chatEvent('!rule') });
    expect((await received).data).toMatchObject({ message: '!rule' });
  });
});

describe('malformed and unknown input', () => {
  it('answers INVALID_PAYLOAD for bad JSON, non-objects and binary garbage, and keeps serving', async () => {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send('{"action": "subscribe"');
    client.send('[1,2,3]');
    client.send('null');
    client.socket.send(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    await client.count(isError('INVALID_PAYLOAD'), 4);
    expect((client.messages[0] as { message: string }).message).toMatch(/^Malformed JSON/);
    client.send({ action: 'subscribe' });
    await client.next(isAck('subscribe'));
  });

  it('answers INVALID_ACTION for an unknown or missing action, in the spec format', async () => {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'foobar' });
    client.send({ hello: 'world' });
    const [unknown, missing] = await client.count(isError('INVALID_ACTION'), 2);
    expect(unknown).toEqual({ action: 'error', code: 'INVALID_ACTION', message: 'Unknown action: foobar' });
    expect(missing).toMatchObject({ code: 'INVALID_ACTION', message: 'Missing action' });
  });

  it('echoes requestId on acks and errors, and rejects an invalid requestId', async () => {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'subscribe', requestId: 'abc' });
    client.send({ action: 'nope', requestId: 5 });
    client.send({ action: 'subscribe', requestId: { bad: true } });
    expect(await client.next(isAck('subscribe'))).toMatchObject({ requestId: 'abc' });
    expect(await client.next(isError('INVALID_ACTION'))).toMatchObject({ requestId: 5 });
    expect(await client.next((m) => m.action === 'error' && m.code === 'INVALID_PAYLOAD')).toMatchObject({
      issues: [{ path: 'requestId' }],
    });
  });

  it('closes a connection sending a frame over 64 KiB with 1009, without affecting others', async () => {
    const { server } = await startServer();
    const big = await connectOpen(server);
    const other = await connectOpen(server);
    other.send({ action: 'subscribe' });
    await other.next(isAck('subscribe'));
    big.send(JSON.stringify({ action: 'injectEvent', event: chatEvent('x'.repeat(64 * 1024)) }));
    expect((await big.closed).code).toBe(1009);
    const small = await connectOpen(server);
    small.send(JSON.stringify({ action: 'injectEvent', event: chatEvent('x'.repeat(60 * 1024)) }));
    await small.next(isAck('injectEvent'));
    await other.next(isEventMessage);
  });

  it('survives a barrage of random frames', async () => {
    const { server } = await startServer({ messagesPerSecond: 10_000 });
    const client = await connectOpen(server);
    const junk = [
      '',
      ' ',
      '{}',
      '{"action":1}',
      '{"action":"subscribe","eventTypes":"chat"}',
      '{"action":"triggerRule"}',
      '"str"',
      '1e999',
      '{"action":"hello","protocolVersion":-1}',
      '\u0000',
    ];
    for (let i = 0; i < 200; i++) client.send(junk[i % junk.length]! + (i % 3 === 0 ? '' : String.fromCharCode(i)));
    await client.count((message) => message.action === 'error', 150);
    client.send({ action: 'hello' });
    await client.next(isAck('hello'));
  });
});

describe('subscribe', () => {
  it('sends nothing before subscribe, then every event in the spec format', async () => {
    const { server, bus } = await startServer();
    const client = await connectOpen(server);
    bus.publish(gift());
    client.send({ action: 'subscribe' });
    await client.next(isAck('subscribe'));
    const event = gift();
    bus.publish({ ...event, raw: { secret: 'not sent' } });
    const message = await client.next(isEventMessage);
    expect(message).toEqual({ action: 'event', event: JSON.parse(JSON.stringify(event)) });
    expect(serverMessageSchema.safeParse(message).success).toBe(true);
    expect(client.messages.filter(isEventMessage)).toHaveLength(1);
  });

  it('filters by eventTypes and sources; a later subscribe replaces the filter', async () => {
    const { server, bus } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'subscribe', eventTypes: ['gift'], sources: ['tiktok'] });
    await client.next(isAck('subscribe'));
    bus.publish(createEvent({ source: 'my-app', type: 'chat', data: { message: 'no' } }));
    bus.publish(
      createEvent({ source: 'my-app', type: 'gift', data: { giftName: 'x', giftId: 1, diamondCount: 1, repeatCount: 1, repeatEnd: true } }),
    );
    bus.publish(gift());
    await client.next(isEventMessage);
    client.send({ action: 'subscribe', eventTypes: ['chat'] });
    await client.count(isAck('subscribe'), 2);
    bus.publish(gift());
    bus.publish(createEvent({ source: 'my-app', type: 'chat', data: { message: 'yes' } }));
    const events = await client.count(isEventMessage, 2);
    expect(events.map((m) => (m as { event: StreamEvent }).event.type)).toEqual(['gift', 'chat']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(client.messages.filter(isEventMessage)).toHaveLength(2);
  });

  it('answers INVALID_PAYLOAD for filters of the wrong type', async () => {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'subscribe', eventTypes: 'chat' });
    expect(await client.next(isError('INVALID_PAYLOAD'))).toMatchObject({ issues: [{ path: 'eventTypes' }] });
  });

  it('replays the buffered events after `since` on reconnect: nothing lost, nothing duplicated', async () => {
    const { server, bus } = await startServer();
    const first = await connectOpen(server);
    first.send({ action: 'subscribe' });
    await first.next(isAck('subscribe'));
    const published: StreamEvent[] = [];
    const publish = () => {
      const event = gift();
      published.push(event);
      bus.publish(event);
    };
    for (let i = 0; i < 5; i++) publish();
    const before = await first.count(isEventMessage, 5);
    const lastSeen = (before.at(-1) as { event: StreamEvent }).event.id;
    first.socket.terminate();
    await first.closed;
    for (let i = 0; i < 7; i++) publish();
    const second = await connectOpen(server);
    second.send({ action: 'subscribe', since: lastSeen });
    const ack = await second.next(isAck('subscribe'));
    expect(ack).toMatchObject({ replayed: 7, sinceFound: true });
    for (let i = 0; i < 3; i++) publish();
    const after = await second.count(isEventMessage, 10);
    const ids = [...before, ...after].map((m) => (m as { event: StreamEvent }).event.id);
    expect(ids).toEqual(published.map((event) => event.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.messages.indexOf(ack)).toBe(0);
  });

  it('replays only what passes the filter, and says when `since` is no longer buffered', async () => {
    const { server, bus } = await startServer({ replayBufferSize: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const event = gift();
      ids.push(event.id);
      bus.publish(event);
    }
    bus.publish(createEvent({ source: 'my-app', type: 'chat', data: { message: 'filtered out' } }));
    const client = await connectOpen(server);
    client.send({ action: 'subscribe', eventTypes: ['gift'], since: ids[0] });
    expect(await client.next(isAck('subscribe'))).toMatchObject({ sinceFound: false, replayed: 2 });
    const replayed = await client.count(isEventMessage, 2);
    expect(replayed.map((m) => (m as { event: StreamEvent }).event.id)).toEqual(ids.slice(3));
  });
});

describe('hello', () => {
  it('answers the protocol version, limits, scopes, the catalogue with JSON Schemas, and the rules', async () => {
    const engine = { listRules: () => [{ id: 'r1', name: 'Thanks' }], trigger: async () => undefined };
    const { server } = await startServer({ engine });
    const client = await connectOpen(server);
    client.send({ action: 'hello', protocolVersion: 1, requestId: 'h' });
    const hello = await client.next(isAck('hello'));
    const parsed = helloAckSchema.parse(hello);
    expect(parsed).toMatchObject({
      protocolVersion: 1,
      requestId: 'h',
      scopes: ['subscribe', 'inject', 'trigger', 'admin'],
      limits: { messagesPerSecond: 60, maxFrameBytes: 65536, maxConnections: 10, replayBufferSize: 1000 },
      rules: [{ id: 'r1', name: 'Thanks' }],
    });
    const giftSchema = parsed.catalogue.sources.tiktok!.gift as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(giftSchema.properties)).toEqual(expect.arrayContaining(['giftName', 'diamondCount']));
    expect(giftSchema.required).toContain('giftName');
    expect(parsed.catalogue.envelope).toMatchObject({ type: 'object' });
  });

  it('refuses an unsupported protocol version', async () => {
    const { server } = await startServer();
    const client = await connectOpen(server);
    client.send({ action: 'hello', protocolVersion: 99 });
    expect(await client.next(isError('INVALID_PAYLOAD'))).toMatchObject({
      message: expect.stringContaining('Unsupported protocol version 99'),
    });
  });
});
