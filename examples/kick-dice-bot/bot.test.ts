import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, isEvent, type RuleRunResult, type StreamEvent } from '@vmsc/core';
import { closeAllFakes, startKickApiFake, startKickPusherFake, waitUntil, type KickPusherFake } from '@vmsc/testing';
import { KickConnectionPool } from '@vmsc/connector-kick';
import { sidesOf, start, type DiceBot } from './bot.js';

const CHANNEL = { chatroomId: 668, channelId: 668, slug: 'xqc' };

/** A Kick `ChatMessageEvent` as the Pusher feed delivers it (real field set, see the Kick fixtures). */
function chat(pusher: KickPusherFake, sender: { id: number; username: string }, content: string): string {
  const id = randomUUID();
  pusher.sendEvent('chatrooms.668.v2', 'App\\Events\\ChatMessageEvent', {
    id,
    chatroom_id: 668,
    content,
    type: 'message',
    created_at: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
    sender: { id: sender.id, username: sender.username, slug: sender.username.toLowerCase(), identity: { color: '#E26EFF', badges: [] } },
  });
  return id;
}

let bot: DiceBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await closeAllFakes();
});

/** Starts the bot on the Pusher fake; without `reply` it answers through the connector (`chat` options). */
async function startBot(
  pusher: KickPusherFake,
  reply: ((text: string, event: StreamEvent) => void) | undefined,
  runs: RuleRunResult[] = [],
  chat: { apiUrl: string; chatToken: string } | undefined = undefined,
) {
  bot = await start({
    channel: chat ? { ...CHANNEL, broadcasterUserId: 676 } : CHANNEL,
    ...(reply ? { reply } : {}),
    random: () => 0.5,
    onRun: (run) => void runs.push(run),
    connector: {
      wsHost: pusher.host,
      wsPort: pusher.port,
      forceTLS: false,
      keyRefresh: false,
      pool: new KickConnectionPool({ backoff: { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 } }),
      ...chat,
    },
  });
  await pusher.waitForSubscription('chatrooms.668.v2');
  return bot;
}

describe('examples/kick-dice-bot', () => {
  it('answers !dice and !dice 20 from the Kick fake, ignores other chat, and applies the per-viewer cooldown', async () => {
    const pusher = await startKickPusherFake();
    const replies: Array<{ text: string; chatId: unknown }> = [];
    const runs: RuleRunResult[] = [];
    const { engine } = await startBot(
      pusher,
      (text, event) => void replies.push({ text, chatId: isEvent(event, 'kick', 'chat') ? event.data.chatId : undefined }),
      runs,
    );

    chat(pusher, { id: 1, username: 'Alice' }, 'hello chat');
    const first = chat(pusher, { id: 1, username: 'Alice' }, '!dice');
    chat(pusher, { id: 2, username: 'Bob' }, '!DICE 20');
    chat(pusher, { id: 3, username: 'Carol' }, '!dicey'); // not the command
    await waitUntil(() => replies.length === 2, 'two answers');
    chat(pusher, { id: 1, username: 'Alice' }, '!dice'); // Alice again within 5 s: cooldown
    await waitUntil(() => runs.length === 3, 'the third run report');
    await engine.idle();

    // random() = 0.5 → 1 + floor(0.5 × 6) = 4 on a d6, 1 + floor(0.5 × 20) = 11 on a d20
    expect(replies).toEqual([
      { text: '@Alice rolled a 4 (d6)', chatId: first },
      { text: '@Bob rolled a 11 (d20)', chatId: expect.any(String) },
    ]);
    expect(runs.map((run) => run.outcome)).toEqual(['completed', 'completed', 'cooldown']);
  });

  it('reports a failing reply as a failed run instead of crashing', async () => {
    const pusher = await startKickPusherFake();
    const runs: RuleRunResult[] = [];
    await startBot(
      pusher,
      () => {
        throw new Error('chat is down');
      },
      runs,
    );
    chat(pusher, { id: 9, username: 'Dave' }, '!dice');
    await waitUntil(() => runs.length === 1, 'a run report');
    expect(runs[0]!.outcome).toBe('failed');
    expect(runs[0]!.error?.message).toContain('chat is down');
  });

  it('sidesOf clamps the die size', () => {
    expect([sidesOf('!dice'), sidesOf('!dice 1'), sidesOf('!dice 100'), sidesOf('!dice 999999')]).toEqual([6, 2, 100, 1000]);
  });
});

describe('examples/kick-dice-bot: answering in Kick chat', () => {
  it("posts the answer through the connector (Kick's official chat API) as a reply to the !dice message", async () => {
    const pusher = await startKickPusherFake();
    const api = await startKickApiFake({ chatToken: 'kick-user-token' });
    const runs: RuleRunResult[] = [];
    await startBot(pusher, undefined, runs, { apiUrl: api.url, chatToken: 'kick-user-token' });
    const first = chat(pusher, { id: 1, username: 'Alice' }, '!dice');
    await waitUntil(() => api.chatMessages.length === 1, 'the answer to reach Kick');
    expect(api.chatMessages[0]!.body).toEqual({
      content: '@Alice rolled a 4 (d6)',
      type: 'user',
      broadcaster_user_id: 676,
      reply_to_message_id: first,
    });
    await waitUntil(() => runs.length === 1, 'the run report');
    expect(runs[0]!.outcome).toBe('completed');
  });

  it('a refused token fails the run (typed error, token not shown) instead of crashing', async () => {
    const pusher = await startKickPusherFake();
    const api = await startKickApiFake({ chatToken: 'the-right-token' });
    const runs: RuleRunResult[] = [];
    await startBot(pusher, undefined, runs, { apiUrl: api.url, chatToken: 'a-wrong-token' });
    chat(pusher, { id: 1, username: 'Alice' }, '!dice');
    await waitUntil(() => runs.length === 1, 'the run report');
    expect(runs[0]).toMatchObject({ outcome: 'failed', error: { code: 'KICK_CHAT_UNAUTHORIZED' } });
    expect(runs[0]!.error).toBeInstanceOf(AuthError);
    expect(String(runs[0]!.error)).not.toContain('a-wrong-token');
  });
});
