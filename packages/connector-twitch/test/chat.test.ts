import { AuthError } from '@vmsc/core';
import { describe, expect, it } from 'vitest';
import { TwitchChatDroppedError } from '../src/index.js';
import { rigPerTest } from './helpers.js';

const setup = rigPerTest();

describe('TwitchConnector.sendChat', () => {
  it('sends through POST /helix/chat/messages as the token user, with an optional reply', async () => {
    const current = await setup({ connector: { events: ['chat'] } });
    const { fake, connector } = current;
    await expect(connector.sendChat('too early')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await connector.connect();
    const result = await connector.sendChat('Hello, world! twitchdevHype');
    expect(result.messageId).toMatch(/[0-9a-f-]{36}/);
    await connector.sendChat('@viewer32 hi', { replyTo: 'cc106a89-1814-919d-454c-f4f2f970aae7' });
    expect(fake.chatMessages.map((m) => m.body)).toEqual([
      { broadcaster_id: '1337', sender_id: '1337', message: 'Hello, world! twitchdevHype' },
      {
        broadcaster_id: '1337',
        sender_id: '1337',
        message: '@viewer32 hi',
        reply_parent_message_id: 'cc106a89-1814-919d-454c-f4f2f970aae7',
      },
    ]);
  });

  it('a 200 with is_sent:false is an error carrying Twitch’s drop reason', async () => {
    const current = await setup({ connector: { events: ['chat'] } });
    await current.connector.connect();
    current.fake.dropNextChat();
    const error = await current.connector.sendChat('hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwitchChatDroppedError);
    expect((error as TwitchChatDroppedError).dropCode).toBe('msg_rejected');
    expect((error as Error).message).toContain('Your message is being checked by mods and has not been sent.');
  });

  it('a token without user:write:chat gets an AuthError', async () => {
    const current = await setup({
      fake: { tokens: { 'test-token': { userId: '1337', login: 'cool_user', scopes: ['user:read:chat'] } } },
      connector: { events: ['chat'] },
    });
    await current.connector.connect();
    await expect(current.connector.sendChat('hi')).rejects.toBeInstanceOf(AuthError);
  });
});
