import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type StreamEvent } from '@vmsc/core';
import { errorCodes, requestIdSchema, serverMessageSchema, type ServerMessage } from '@vmsc/core/protocol';
import { arbitraryFrameText, checkAsyncProperty, mutatedBytes, mutatedJsonOf, type JsonLike } from '@vmsc/testing';
import type { CustomWsServer } from '../src/index.js';
import { cleanup, connectOpen, isAck, startServer, type TestClient } from './helpers.js';

/**
 * Arbitrary frames over a real loopback socket. Every frame gets exactly one reply (an ack or a typed
 * error, never INTERNAL_ERROR), the reply echoes a valid requestId, the server never throws, and the
 * same connection keeps working: a sentinel request sent after each frame is answered.
 */

const RULE = { id: '3d2a6c1e-0000-4000-8000-0000000000aa', name: 'Thank gifters' };

/** Valid messages of every action: the bases the mutations start from. */
const validMessages: JsonLike[] = [
  {
    action: 'injectEvent',
    requestId: 'inject-1',
    event: {
      type: 'chat',
      source: 'my-app',
      user: { id: 'bot-001', username: 'MyApp', nickname: 'My Application' },
      data: { message: 'Automated message from my app' },
    },
  },
  {
    action: 'injectEvent',
    requestId: 2,
    event: {
      type: 'gift',
      source: 'tiktok',
      user: { id: '12345', username: 'viewer1', nickname: 'Viewer One' },
      data: { giftName: 'Rose', giftId: 5655, repeatCount: 1, diamondCount: 1 },
      meta: { test: true },
    },
  },
  { action: 'triggerRule', ruleId: RULE.id, requestId: 'trigger-id' },
  { action: 'triggerRule', ruleName: RULE.name, requestId: 3 },
  { action: 'subscribe', eventTypes: ['chat', 'gift', 'follow'], sources: ['tiktok', 'twitch'], requestId: 'sub' },
  { action: 'subscribe', since: '00000000-0000-4000-8000-000000000000' },
  { action: 'hello', protocolVersion: 1, requestId: 'hi' },
];

/** Messages that are not replies to a request: broadcasts (after a subscribe in the input). */
const isReply = (message: ServerMessage) => message.action !== 'event';

let server: CustomWsServer;
let client: TestClient;
let sentinel = 0;

beforeAll(async () => {
  ({ server } = await startServer({
    // The rate limit has its own tests; here every frame must be processed.
    messagesPerSecond: 1_000_000,
    floodThreshold: 1_000_000,
    engine: { listRules: () => [RULE], trigger: async () => ({ outcome: 'completed' }) },
  }));
  client = await connectOpen(server);
});
afterAll(cleanup);

/** Sends `text` and checks the whole exchange; throws (failing the property) on any violation. */
async function exchange(frame: string | Uint8Array): Promise<void> {
  const start = client.messages.length;
  // A string goes as a text frame; bytes as a binary frame (decoded as UTF-8, leniently, by the server).
  if (typeof frame === 'string') client.send(frame);
  else client.socket.send(Buffer.from(frame), { binary: true });
  const text = typeof frame === 'string' ? frame : Buffer.from(frame).toString('utf8');
  // The frame's reply (ack or error); a frame never goes unanswered.
  await client.next((message) => client.messages.indexOf(message) >= start && isReply(message), 2_000);
  // Then a sentinel on the same connection: it also resets the subscription, so runs stay independent.
  const id = `sentinel-${++sentinel}`;
  client.send({ action: 'subscribe', eventTypes: [], requestId: id });
  const answer = await client.next((message) => (message as { requestId?: unknown }).requestId === id, 2_000);
  expect(answer).toMatchObject({ action: 'subscribe', status: 'ok' });
  const between = client.messages.slice(start, client.messages.indexOf(answer));
  for (const message of between) expect(serverMessageSchema.safeParse(message).success, JSON.stringify(message).slice(0, 300)).toBe(true);
  const replies = between.filter(isReply);
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  if (reply.action === 'error') {
    expect(errorCodes).toContain(reply.code);
    expect(reply.code).not.toBe('INTERNAL_ERROR');
  } else {
    expect(reply).toMatchObject({ status: 'ok' });
  }
  // A valid requestId on a JSON object comes back on its reply.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'requestId' in parsed) {
    const requestId = requestIdSchema.safeParse((parsed as { requestId: unknown }).requestId);
    if (requestId.success && reply.action !== 'alert') expect(JSON.stringify(reply.requestId)).toBe(JSON.stringify(requestId.data));
  }
  expect(client.socket.readyState).toBe(client.socket.OPEN);
  client.messages.length = 0;
}

describe('CustomWsServer over a real socket', () => {
  it('answers arbitrary text frames with a typed error or an ack, and keeps the connection working', async () => {
    await checkAsyncProperty('custom-ws-server arbitrary text frames', arbitraryFrameText(), exchange, { numRuns: 300 });
    expect(server.connectionCount).toBe(1);
  });

  it('answers mutated valid messages of every action with a typed error or an ack, echoing requestId', async () => {
    await checkAsyncProperty(
      'custom-ws-server mutated valid messages',
      mutatedJsonOf(validMessages),
      (message) => exchange(JSON.stringify(message)),
      { numRuns: 400 },
    );
    expect(server.connectionCount).toBe(1);
  });

  it('answers binary frames made from mutated bytes of valid messages', async () => {
    const bytes = fc.oneof(...validMessages.map((message) => mutatedBytes(new TextEncoder().encode(JSON.stringify(message)))));
    await checkAsyncProperty('custom-ws-server mutated binary frames', bytes, exchange, { numRuns: 300 });
    expect(server.connectionCount).toBe(1);
  });

  it('answers arbitrary objects with an action field of any type', async () => {
    const arbitraryAction = fc.record({
      action: fc.oneof(
        fc.constantFrom('injectEvent', 'triggerRule', 'subscribe', 'hello', 'event', 'error', ''),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      requestId: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
      event: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
      ruleId: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
      eventTypes: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
      since: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
    });
    await checkAsyncProperty('custom-ws-server arbitrary action objects', arbitraryAction, (message) => exchange(JSON.stringify(message)), {
      numRuns: 300,
    });
  });
});

/** One step of a reconnect scenario: publish some events, or drop the connection and come back. */
type Step = { kind: 'publish'; count: number } | { kind: 'reconnect'; publishWhileAway: number };

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('publish' as const), count: fc.integer({ min: 0, max: 8 }) }),
    fc.record({ kind: fc.constant('reconnect' as const), publishWhileAway: fc.integer({ min: 0, max: 8 }) }),
  ),
  { minLength: 1, maxLength: 8 },
);

describe('reconnect with `since`', () => {
  it('delivers every published event exactly once, in order, across any sequence of drops and reconnects', async () => {
    await checkAsyncProperty(
      'custom-ws-server reconnect + since replay',
      steps,
      async (scenario: Step[]) => {
        const { server: replaying, bus } = await startServer({ replayBufferSize: 200 });
        const published: string[] = [];
        const received: string[] = [];
        const publish = (count: number) => {
          for (let i = 0; i < count; i++) {
            const event = createEvent({ source: 'my-app', type: 'chat', data: { message: `m${published.length}` } });
            published.push(event.id);
            bus.publish(event);
          }
        };
        // History from before the client's first subscribe: not expected, but it gives the first ack a `lastEventId`.
        bus.publish(createEvent({ source: 'my-app', type: 'chat', data: { message: 'before' } }));
        let current: TestClient | undefined;
        let resumeFrom: string | undefined;
        const attach = async () => {
          const next = await connectOpen(replaying);
          next.socket.on('message', (data) => {
            const message = JSON.parse(data.toString()) as ServerMessage;
            if (message.action === 'event') received.push((message.event as StreamEvent).id);
          });
          const since = received.at(-1) ?? resumeFrom;
          next.send({ action: 'subscribe', ...(since ? { since } : {}) });
          const ack = await next.next(isAck('subscribe'));
          expect(ack).toMatchObject(since ? { sinceFound: true } : {});
          resumeFrom ??= (ack as { lastEventId?: string }).lastEventId;
          current = next;
        };
        await attach();
        for (const step of scenario) {
          if (step.kind === 'publish') {
            publish(step.count);
          } else {
            // Events may be in flight when the connection drops: the ones not received come back via `since`.
            publish(1);
            current!.socket.terminate();
            await current!.closed;
            publish(step.publishWhileAway);
            await attach();
          }
        }
        const deadline = Date.now() + 2_000;
        while (received.length < published.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(received).toEqual(published);
        await replaying.close();
      },
      { numRuns: 40 },
    );
  });
});
