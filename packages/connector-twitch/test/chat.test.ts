import {
  ChatDroppedError,
  ChatMessageTooLongError,
  ChatNotAllowedError,
  ChatRateLimitedError,
  canSendChat,
  createEvent,
  type BusNotice,
} from '@vmsc/core';
import { describe, expect, it } from 'vitest';
import { TWITCH_CHAT_LIMITS, TwitchChatDroppedError } from '../src/index.js';
import { rigPerTest } from './helpers.js';

const setup = rigPerTest();

/** A Twitch chat event as the connector publishes it (the one a rule answers). */
function twitchChat(messageId: string) {
  return createEvent({
    source: 'twitch',
    type: 'chat',
    user: { id: '1338', username: 'viewer32', nickname: 'viewer32' },
    data: { message: '!dice', messageId },
  });
}

describe('TwitchConnector.sendChat', () => {
  it('declares its capabilities and limits: sends, replies, 500 characters, 20 / 30 s (100 for moderators)', async () => {
    const { connector } = await setup({ connector: { events: ['chat'] } });
    expect(connector.capabilities).toEqual({ chat: { send: true, reply: true } });
    expect(canSendChat(connector)).toBe(true);
    expect(connector.chatLimits).toEqual(TWITCH_CHAT_LIMITS);
    expect(TWITCH_CHAT_LIMITS).toMatchObject({
      maxLength: 500,
      rate: { messages: 20, windowMs: 30_000 },
      elevatedRate: { messages: 100, windowMs: 30_000 },
    });
  });

  it('sends through POST /helix/chat/messages as the token user; replyTo (a Twitch event) becomes reply_parent_message_id', async () => {
    const current = await setup({ connector: { events: ['chat'] } });
    const { fake, connector } = current;
    await expect(connector.sendChat('too early')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await connector.connect();
    const result = await connector.sendChat('Hello, world! twitchdevHype');
    expect(result.messageId).toMatch(/[0-9a-f-]{36}/);
    await connector.sendChat('@viewer32 hi', { replyTo: twitchChat('cc106a89-1814-919d-454c-f4f2f970aae7') });
    // Another platform's event has no Twitch message to thread under: an ordinary message.
    const kick = createEvent({ source: 'kick', type: 'chat', user: { id: '1', username: 'k', nickname: 'k' }, data: { message: 'hi' } });
    await connector.sendChat('from kick', { replyTo: kick });
    expect(fake.chatMessages.map((m) => m.body)).toEqual([
      { broadcaster_id: '1337', sender_id: '1337', message: 'Hello, world! twitchdevHype' },
      {
        broadcaster_id: '1337',
        sender_id: '1337',
        message: '@viewer32 hi',
        reply_parent_message_id: 'cc106a89-1814-919d-454c-f4f2f970aae7',
      },
      { broadcaster_id: '1337', sender_id: '1337', message: 'from kick' },
    ]);
  });

  it('a 200 with is_sent:false is a ChatDroppedError carrying Twitch’s drop reason', async () => {
    const current = await setup({ connector: { events: ['chat'] } });
    await current.connector.connect();
    current.fake.dropNextChat();
    const error = await current.connector.sendChat('hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwitchChatDroppedError);
    expect(error).toBeInstanceOf(ChatDroppedError);
    expect(error).toMatchObject({ dropCode: 'msg_rejected', reason: 'Your message is being checked by mods and has not been sent.' });
    expect((error as Error).message).toContain('Your message is being checked by mods and has not been sent.');
  });

  it('a token without user:write:chat gets a ChatNotAllowedError', async () => {
    const current = await setup({
      fake: { tokens: { 'test-token': { userId: '1337', login: 'cool_user', scopes: ['user:read:chat'] } } },
      connector: { events: ['chat'] },
    });
    await current.connector.connect();
    await expect(current.connector.sendChat('hi')).rejects.toBeInstanceOf(ChatNotAllowedError);
  });

  it('too long is refused before sending; a 429 is retried after Ratelimit-Reset and sent once', async () => {
    const current = await setup({ connector: { events: ['chat'] } });
    const { fake, connector, notices } = current;
    await connector.connect();
    const long = await connector.sendChat('x'.repeat(501)).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(ChatMessageTooLongError);
    expect(long).toMatchObject({ limit: 500, length: 501 });
    expect(fake.chatMessages).toHaveLength(0);
    fake.failNext({
      method: 'POST',
      path: '/helix/chat/messages',
      status: 429,
      body: { error: 'Too Many Requests', status: 429, message: 'slow down' },
      headers: { 'retry-after': '1' },
    });
    await expect(connector.sendChat('after a 429')).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(fake.chatMessages.map((m) => m.body.message)).toEqual(['after a 429']);
    expect(notices.filter((n: BusNotice) => n.kind === 'chat-waiting')).toMatchObject([
      { connector: connector.id, reason: 'retry-after', waiting: 1 },
    ]);
    fake.failNext({
      method: 'POST',
      path: '/helix/chat/messages',
      status: 429,
      body: { message: 'slow down' },
      headers: { 'retry-after': '0' },
      times: 3,
    });
    await expect(connector.sendChat('given up')).rejects.toBeInstanceOf(ChatRateLimitedError);
  });
});
