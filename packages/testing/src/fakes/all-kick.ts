import { freshId, numericIdFor, whenReady, type ScriptedFake } from './all-shared.js';
import { kickEventFrames } from './kick/fixtures.js';
import type { KickPusherFake } from './kick/pusher-server.js';

/** The Kick channel the fakes stream as (ids given to the connector, so no lookup is needed). */
export const KICK_FAKE_CHANNEL = { slug: 'vmsc_demo', chatroomId: 668, channelId: 668 } as const;

/** Scripting API of the Kick fake (Pusher protocol 7). */
export interface KickScript extends ScriptedFake<KickPusherFake> {
  /** A chat message (`App\Events\ChatMessageEvent` on `chatrooms.{id}.v2`). */
  chat(init: { username: string; content: string }): Promise<void>;
  /** A Kicks gift (`KicksGifted` on `channel_{id}`). */
  gift(init: { username: string; amount: number; giftName?: string; giftId?: string; message?: string }): Promise<void>;
  /** A follow (`FollowersUpdated` on `channel.{id}`; Kick does not name the follower). */
  follow(init?: { followersCount?: number }): Promise<void>;
  /** A subscription (`SubscriptionEvent` on `chatrooms.{id}.v2`). */
  subscribe(init: { username: string; months?: number }): Promise<void>;
  /** Pusher's "reconnect immediately": `pusher:error` 4200 then a close with 4200. */
  reconnect(): void;
  /** `pusher:error {code, message}` then a close with `code` (4000–4099 means "do not reconnect"). */
  pusherError(code: number, message?: string): void;
  /** Refuse the next `count` handshakes with `pusher:error` + close `code` (e.g. 4100 over capacity). */
  refuseNext(code: number, count?: number): void;
}

const innerOf = (name: keyof typeof kickEventFrames): Record<string, unknown> =>
  JSON.parse((JSON.parse(kickEventFrames[name]) as { data: string }).data) as Record<string, unknown>;

/** Wraps a Kick Pusher fake in the uniform scripting API. */
export function scriptKick(pusher: KickPusherFake, ids: { chatroomId: number; channelId: number } = KICK_FAKE_CHANNEL): KickScript {
  const chatroom = `chatrooms.${ids.chatroomId}.v2`;
  const channel = `channel_${ids.channelId}`;
  const channelDot = `channel.${ids.channelId}`;
  const subscribed = (name: string) => () => pusher.subscriptions().includes(name);
  const ready = (name: string) => whenReady(subscribed(name), `a Kick client subscribed to ${name}`);
  return {
    raw: pusher,
    dropConnections: () => pusher.dropAll(),
    waitForClient: (timeoutMs) => whenReady(subscribed(chatroom), `a Kick client subscribed to ${chatroom}`, timeoutMs),
    async chat({ username, content }) {
      await ready(chatroom);
      const base = innerOf('ChatMessageEvent');
      const sender = base.sender as Record<string, unknown>;
      pusher.sendEvent(chatroom, 'App\\Events\\ChatMessageEvent', {
        ...base,
        id: freshId(),
        chatroom_id: ids.chatroomId,
        content,
        created_at: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
        sender: { ...sender, id: numericIdFor(username), username, slug: username.toLowerCase() },
      });
    },
    async gift({ username, amount, giftName = 'Hell Yeah', giftId = 'hell_yeah', message = '' }) {
      await ready(channel);
      const base = innerOf('KicksGifted');
      pusher.sendEvent(channel, 'KicksGifted', {
        ...base,
        gift_transaction_id: freshId(),
        message,
        sender: { ...(base.sender as object), id: numericIdFor(username), username },
        gift: { ...(base.gift as object), gift_id: giftId, name: giftName, amount },
        created_at: new Date().toISOString(),
      });
    },
    async follow({ followersCount = 349 } = {}) {
      await ready(channelDot);
      pusher.sendEvent(channelDot, 'App\\Events\\FollowersUpdated', {
        ...innerOf('FollowersUpdated'),
        channel_id: ids.channelId,
        followersCount,
        created_at: Math.floor(Date.now() / 1000),
      });
    },
    async subscribe({ username, months = 1 }) {
      await ready(chatroom);
      pusher.sendEvent(chatroom, 'App\\Events\\SubscriptionEvent', { chatroom_id: ids.chatroomId, username, months });
    },
    reconnect: () => pusher.errorAndClose(4200),
    pusherError: (code, message) => pusher.errorAndClose(code, message),
    refuseNext: (code, count) => pusher.refuseNext(code, count),
  };
}
