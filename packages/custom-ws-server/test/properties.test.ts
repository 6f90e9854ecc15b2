import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, requestIdSchema, serverMessageSchema, type ServerMessage } from '@vmsc/core/protocol';
import { arbitraryFrameText, checkAsyncProperty, mutatedJsonOf, type JsonLike } from '@vmsc/testing';
import type { CustomWsServer } from '../src/index.js';
import { cleanup, connectOpen, startServer, type TestClient } from './helpers.js';

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
async function exchange(text: string): Promise<void> {
  const start = client.messages.length;
  client.send(text);
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
    if (requestId.success) expect(JSON.stringify(reply.requestId)).toBe(JSON.stringify(requestId.data));
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
