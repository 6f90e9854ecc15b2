import { randomUUID } from 'node:crypto';
import { EventBus, type StreamEvent } from '@vmsc/core';
import { closeAllFakes, generateKickWebhookKeys, KickWebhookSender, startKickPusherFake, waitUntil } from '@vmsc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { KickConnectionPool, KickConnector, KickWebhookReceiver } from '../src/index.js';
import { PAYLOADS } from './webhook-payloads.js';

const keys = generateKickWebhookKeys();
const CHANNEL = { slug: 'broadcaster_channel', chatroomId: 668, channelId: 668 };
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
  await closeAllFakes();
});

/** The Pusher connector and the webhook receiver of one channel on one bus, the receiver linked to the connector. */
async function bothFeeds(linked: boolean) {
  const pusher = await startKickPusherFake();
  const bus = new EventBus();
  const events: StreamEvent[] = [];
  bus.onAny((event) => void events.push(event));
  const kick = new KickConnector({
    bus,
    channel: CHANNEL,
    wsHost: pusher.host,
    wsPort: pusher.port,
    forceTLS: false,
    keyRefresh: false,
    pool: new KickConnectionPool({ backoff: { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 } }),
  });
  const receiver = new KickWebhookReceiver({ bus, publicKey: keys.publicKey, ...(linked ? { connector: kick } : {}) });
  await Promise.all([kick.connect(), receiver.connect()]);
  stops.push(
    () => kick.disconnect(),
    () => receiver.disconnect(),
  );
  await pusher.waitForSubscription('chatrooms.668.v2');
  return { pusher, events, sender: new KickWebhookSender(receiver.url!, keys.privateKey) };
}

const sender = { id: 987654321, username: 'sender_name', slug: 'sender_channel', identity: { color: '#FF5733', badges: [] } };

describe('Kick webhooks and the Pusher feed together', () => {
  it('publish a chat message both feeds report once, whichever arrives first', async () => {
    const { pusher, events, sender: hooks } = await bothFeeds(true);
    const first = randomUUID();
    const pusherChat = (id: string) =>
      pusher.sendEvent('chatrooms.668.v2', 'App\\Events\\ChatMessageEvent', {
        id,
        chatroom_id: 668,
        content: 'hello from both feeds',
        type: 'message',
        created_at: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
        sender,
      });
    const webhookChat = (id: string) =>
      hooks.send({
        type: 'chat.message.sent',
        body: { ...(PAYLOADS['chat.message.sent'] as object), message_id: id, content: 'hello from both feeds', replies_to: null },
      });
    pusherChat(first);
    await waitUntil(() => events.length === 1, 'the Pusher copy');
    expect((await webhookChat(first)).status).toBe(200);
    const second = randomUUID();
    expect((await webhookChat(second)).status).toBe(200);
    await waitUntil(() => events.length === 2, 'the webhook copy of the second');
    pusherChat(second);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events.map((event) => [event.type, (event.data as { chatId?: string }).chatId])).toEqual([
      ['chat', first],
      ['chat', second],
    ]);
  });

  it('publish a subscription both feeds report once when the receiver is linked to the connector, twice when not', async () => {
    for (const linked of [true, false]) {
      const { pusher, events, sender: hooks } = await bothFeeds(linked);
      pusher.sendEvent('chatrooms.668.v2', 'App\\Events\\SubscriptionEvent', { chatroom_id: 668, username: 'New_Sub', months: 1 });
      await waitUntil(() => events.length === 1, 'the Pusher copy');
      expect((await hooks.send({ type: 'channel.subscription.new', body: PAYLOADS['channel.subscription.new'] })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(events.map((event) => event.type)).toEqual(linked ? ['subscribe'] : ['subscribe', 'subscribe']);
      while (stops.length > 0) await stops.pop()!();
    }
  });
});
