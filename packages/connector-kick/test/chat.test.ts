import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  ChatMessageTooLongError,
  ChatNotAllowedError,
  ChatRateLimitedError,
  ConnectionError,
  EventBus,
  Secret,
  canSendChat,
  createEvent,
  type BusNotice,
} from '@vmsc/core';
import { closeAllFakes, collectEvents, startKickApiFake, waitUntil } from '@vmsc/testing';
import { KICK_CHAT_LIMITS, KickConnectionPool, KickConnector, type KickConnectorOptions } from '../src/index.js';
import { IDS, ManualClock, PRIMARY, setupKick } from './helpers.js';

const TOKEN = 'kick-test-token';
const pools: KickConnectionPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.closeAll();
  await closeAllFakes();
});

/** A Kick connector with a chat token aimed at the API fake (no Pusher connection needed to send). */
async function sender(overrides: Partial<KickConnectorOptions> = {}) {
  const api = await startKickApiFake();
  const bus = new EventBus();
  const notices: BusNotice[] = [];
  bus.onNotice((notice) => void notices.push(notice));
  const connector = new KickConnector({
    bus,
    channel: { ...IDS, broadcasterUserId: 676 },
    chatToken: TOKEN,
    apiUrl: api.url,
    ...overrides,
  });
  return { api, bus, connector, notices };
}

/** A Kick chat event as the connector publishes it (`data.chatId` is Kick's message id). */
function kickChat(chatId: string) {
  return createEvent({
    source: 'kick',
    type: 'chat',
    user: { id: '1', username: 'viewer', nickname: 'Viewer' },
    data: { message: '!dice', chatId },
  });
}

describe('KickConnector.sendChat through POST /public/v1/chat', () => {
  it('declares it sends and replies with a chat token, 500 characters, a conservative rate', async () => {
    const { connector } = await sender();
    expect(connector.capabilities).toEqual({ chat: { send: true, reply: true } });
    expect(canSendChat(connector)).toBe(true);
    expect(connector.chatLimits).toEqual(KICK_CHAT_LIMITS);
    expect(KICK_CHAT_LIMITS).toMatchObject({ maxLength: 500, rate: { messages: 10, windowMs: 30_000 } });
    const custom = new KickConnector({ bus: new EventBus(), channel: IDS, chatToken: TOKEN, chatRate: { messages: 2, windowMs: 1_000 } });
    expect(custom.chatLimits.rate).toEqual({ messages: 2, windowMs: 1_000 });
  });

  it('sends as the user to broadcaster_user_id with the bearer token; a Kick replyTo gives reply_to_message_id; the id comes back', async () => {
    const { api, connector } = await sender();
    const result = await connector.sendChat('hello');
    expect(result.messageId).toBe(api.chatMessages[0]!.messageId);
    expect(result.messageId).toMatch(/^[0-9a-f-]{36}$/);
    await connector.sendChat('@viewer rolled 4', { replyTo: kickChat('b1c2d3e4-0000-4000-8000-000000000001') });
    // Another platform's event has no Kick message to reply to: an ordinary message.
    const twitch = createEvent({
      source: 'twitch',
      type: 'chat',
      user: { id: '2', username: 't', nickname: 't' },
      data: { message: 'x', messageId: 'nope' },
    });
    await connector.sendChat('from twitch', { replyTo: twitch });
    expect(api.chatMessages.map((m) => m.body)).toEqual([
      { content: 'hello', type: 'user', broadcaster_user_id: 676 },
      { content: '@viewer rolled 4', type: 'user', broadcaster_user_id: 676, reply_to_message_id: 'b1c2d3e4-0000-4000-8000-000000000001' },
      { content: 'from twitch', type: 'user', broadcaster_user_id: 676 },
    ]);
  });

  it('as a bot sends type bot without broadcaster_user_id; a Secret token works the same', async () => {
    const { api, connector } = await sender({ chatSenderType: 'bot', chatToken: new Secret(TOKEN), channel: IDS });
    await expect(connector.sendChat('beep')).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(api.chatMessages.map((m) => m.body)).toEqual([{ content: 'beep', type: 'bot' }]);
  });

  it('takes broadcaster_user_id from the channel lookup (user_id) after connect; before that it says what is missing', async () => {
    const api = await startKickApiFake({ channels: { xqc: { channelId: 668, chatroomId: 668, userId: 676 } } });
    const early = new KickConnector({ bus: new EventBus(), channel: IDS, chatToken: TOKEN, apiUrl: api.url });
    await expect(early.sendChat('hi')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url }, chatToken: TOKEN, apiUrl: api.url });
    pools.push(setup.pool);
    const events = collectEvents(setup.bus);
    await setup.connector.connect();
    expect(setup.connector.channelIds?.broadcasterUserId).toBe(676);
    // A real chat frame through the Pusher fake, answered as a reply.
    setup.pusher.sendFixture('ChatMessageEvent', PRIMARY);
    await waitUntil(() => events.events.length === 1, 'the chat event');
    const chat = events.events[0]!;
    await setup.connector.sendChat('pong', { replyTo: chat });
    expect(api.chatMessages.map((m) => m.body)).toEqual([
      { content: 'pong', type: 'user', broadcaster_user_id: 676, reply_to_message_id: (chat.data as { chatId: string }).chatId },
    ]);
  });

  it('refuses too long before sending (500 characters)', async () => {
    const { api, connector } = await sender();
    const error = await connector.sendChat('x'.repeat(501)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatMessageTooLongError);
    expect(error).toMatchObject({ limit: 500, length: 501 });
    await expect(connector.sendChat('x'.repeat(500))).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(api.chatMessages).toHaveLength(1);
  });

  it('a 403 is a ChatNotAllowedError with Kick’s message; a 401 an AuthError; the token is in no error or string', async () => {
    const { api, connector } = await sender();
    api.failNextChat({ status: 403, message: 'Request blocked by security policy.' });
    const forbidden = await connector.sendChat('hi').catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(ChatNotAllowedError);
    expect(forbidden).toMatchObject({ reason: 'Request blocked by security policy.', code: 'KICK_CHAT_FORBIDDEN' });
    expect((forbidden as Error).message).toContain('Request blocked by security policy.');
    const wrong = await sender({ chatToken: 'a-wrong-secret-token' });
    const unauthorized = await wrong.connector.sendChat('hi').catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(AuthError);
    expect(unauthorized).toMatchObject({ code: 'KICK_CHAT_UNAUTHORIZED' });
    for (const text of [
      String(forbidden),
      JSON.stringify(forbidden),
      String(unauthorized),
      JSON.stringify(unauthorized),
      (unauthorized as Error).stack ?? '',
      String(wrong.connector),
      JSON.stringify(wrong.connector.health),
    ]) {
      expect(text).not.toContain('a-wrong-secret-token');
      expect(text).not.toContain(TOKEN);
    }
    expect(api.chatMessages).toHaveLength(0);
  });

  it('a 429 is retried by the outbox after Retry-After (injected clock) and sent once; a lasting 429 is a ChatRateLimitedError with retryAfterMs', async () => {
    const clock = new ManualClock();
    const { api, connector, notices } = await sender({ clock });
    api.failNextChat({ status: 429, retryAfter: '2' });
    const sending = connector.sendChat('after a 429');
    await waitUntil(() => notices.some((n) => n.kind === 'chat-waiting'), 'the outbox holds the message back');
    expect(notices.filter((n) => n.kind === 'chat-waiting')).toMatchObject([
      { connector: connector.id, reason: 'retry-after', waiting: 1, delayMs: 2_000 },
    ]);
    expect(api.chatMessages).toHaveLength(0);
    clock.advance(1_999);
    expect(api.chatMessages).toHaveLength(0);
    clock.advance(1);
    await expect(sending).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(api.chatMessages.map((m) => m.body.content)).toEqual(['after a 429']);
    api.failNextChat({ status: 429, retryAfter: '0', times: 3 });
    const error = await connector.sendChat('given up').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatRateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 0, code: 'KICK_CHAT_RATE_LIMITED' });
    expect(api.chatMessages).toHaveLength(1);
  });

  it('a 5xx is a ConnectionError (outcome unknown), another 4xx a ProtocolError', async () => {
    const { api, connector } = await sender();
    api.failNextChat({ status: 503 });
    await expect(connector.sendChat('hi')).rejects.toBeInstanceOf(ConnectionError);
    api.failNextChat({ status: 404, message: 'Not Found' });
    await expect(connector.sendChat('hi')).rejects.toMatchObject({ name: 'ProtocolError', code: 'KICK_CHAT_REFUSED' });
  });
});
