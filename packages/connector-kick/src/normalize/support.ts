import type {
  RawChannelSubscriptionEvent,
  RawChatMessageSentEvent,
  RawGiftedSubscriptionsEvent,
  RawKicksGifted,
  RawLuckyUsersEvent,
  RawNewActivityFeedEvent,
  RawNewSubscriberUpdatedEvent,
  RawRewardRedeemedEvent,
  RawStreamHostedEvent,
  RawStreamHostEvent,
  RawSubscriptionEvent,
} from '../raw/kick-events.js';
import { createKickEvent as createEvent, platformUuid } from './event.js';
import {
  isObject,
  isString,
  malformed,
  metaOf,
  stripUndefined,
  unknownEvent,
  type Data,
  type FrameHandler,
  type NormalizeContext,
  type NormalizedFrame,
} from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import { kickLogin, kickUser, kickUserRef } from './users.js';

function subscribe(
  username: string,
  id: number | string | undefined,
  months: number | undefined,
  timestamp: unknown,
  context: NormalizeContext,
  secondary = false,
): NormalizedFrame {
  const event = createEvent({
    source: 'kick',
    type: 'subscribe',
    user: kickUser(id, username),
    timestamp: parseKickTimestamp(timestamp),
    data: months === undefined || months === null ? {} : { months },
    meta: metaOf(context),
  });
  const keys = [`sub:${kickLogin(username)}`];
  return secondary ? { event, dedupeKeys: keys, secondary } : { event, dedupeKeys: keys };
}

function giftKey(gifter: string, recipients: readonly string[]): string {
  return `gift:${kickLogin(gifter)}:${recipients.map(kickLogin).sort().join(',')}`;
}

function giftedSub(
  gifter: string,
  gifterId: number | string | undefined,
  recipients: string[],
  total: number | undefined,
  gifterTotal: number | undefined,
  correlationId: string | undefined,
  context: NormalizeContext,
  secondary = false,
): NormalizedFrame {
  const count = total ?? recipients.length;
  const data: Data = { giftCount: count, giftedCount: count, gifterUsername: gifter, recipients };
  if (recipients.length === 1) data.recipientUser = kickUserRef(undefined, recipients[0]!);
  if (gifterTotal !== undefined) data.gifterTotal = gifterTotal;
  const event = createEvent({
    source: 'kick',
    type: 'gifted_sub',
    user: kickUser(gifterId, gifter),
    data: data as { giftCount: number },
    meta: metaOf(context, correlationId),
  });
  const keys = [giftKey(gifter, recipients)];
  if (correlationId !== undefined) keys.push(`gift:${correlationId}`);
  return secondary ? { event, dedupeKeys: keys, secondary } : { event, dedupeKeys: keys };
}

function host(
  username: string,
  id: number | string | undefined,
  viewers: number,
  message: string | null | undefined,
  context: NormalizeContext,
): NormalizedFrame {
  const data: { viewerCount: number; message?: string } = { viewerCount: typeof viewers === 'number' ? viewers : 0 };
  if (isString(message) && message !== '') data.message = message;
  const event = createEvent({ source: 'kick', type: 'host', user: kickUser(id, username), data, meta: metaOf(context) });
  return { event, dedupeKeys: [`host:${kickLogin(username)}`] };
}

/** Subscriptions, gifted subs, Kicks, channel-point rewards and incoming hosts. */
export const SUPPORT_HANDLERS: Record<string, FrameHandler> = {
  ChatMessageSentEvent: (frame, data, context) => {
    const raw = data as unknown as RawChatMessageSentEvent;
    if (!isObject(raw.message) || !isObject(raw.user) || !isString(raw.user.username)) return malformed(frame, context, 'message/user');
    if (raw.message.action === 'subscribe') {
      return subscribe(raw.user.username, raw.user.id, raw.message.months_subscribed ?? undefined, raw.message.created_at, context);
    }
    if (raw.message.action === 'gift' && Array.isArray(raw.message.giftedUsers)) {
      const recipients = raw.message.giftedUsers.map((gifted) => gifted.username);
      return giftedSub(raw.user.username, raw.user.id, recipients, undefined, undefined, undefined, context);
    }
    return unknownEvent(frame, context, `ChatMessageSentEvent with action ${String(raw.message.action)}; not mapped`);
  },
  SubscriptionEvent: (frame, data, context) => {
    const raw = data as unknown as RawSubscriptionEvent;
    if (!isString(raw.username)) return malformed(frame, context, 'username');
    return subscribe(raw.username, undefined, raw.months, undefined, context);
  },
  ChannelSubscriptionEvent: (frame, data, context) => {
    const raw = data as unknown as RawChannelSubscriptionEvent;
    if (!isString(raw.username)) return malformed(frame, context, 'username');
    return subscribe(raw.username, raw.user_ids?.length === 1 ? raw.user_ids[0] : undefined, undefined, undefined, context, true);
  },
  NewSubscriberUpdatedEvent: (frame, data, context) => {
    const raw = data as unknown as RawNewSubscriberUpdatedEvent;
    if (!isString(raw.last_subscriber)) return malformed(frame, context, 'last_subscriber');
    return subscribe(raw.last_subscriber, undefined, undefined, undefined, context, true);
  },
  NewActivityFeedEvent: (frame, data, context) => {
    const raw = data as unknown as RawNewActivityFeedEvent;
    if (raw.type === 'new_subscriber' && isString(raw.username))
      return subscribe(raw.username, undefined, undefined, raw.created_at, context, true);
    return unknownEvent(frame, context, `activity feed item of type ${String(raw.type)}; not mapped`);
  },
  GiftedSubscriptionsEvent: (frame, data, context) => {
    const raw = data as unknown as RawGiftedSubscriptionsEvent;
    if (!isString(raw.gifter_username) || !Array.isArray(raw.gifted_usernames))
      return malformed(frame, context, 'gifter_username/gifted_usernames');
    return giftedSub(raw.gifter_username, undefined, raw.gifted_usernames, raw.gifted_total, raw.gifter_total, raw.correlation_id, context);
  },
  LuckyUsersWhoGotGiftSubscriptionsEvent: (frame, data, context) => {
    const raw = data as unknown as RawLuckyUsersEvent;
    if (!isString(raw.gifter_username) || !Array.isArray(raw.usernames)) return malformed(frame, context, 'gifter_username/usernames');
    return giftedSub(raw.gifter_username, undefined, raw.usernames, undefined, undefined, undefined, context, true);
  },
  KicksGifted: (frame, data, context) => {
    const raw = data as unknown as RawKicksGifted;
    if (!isObject(raw.gift) || !isObject(raw.sender) || !isString(raw.sender.username)) return malformed(frame, context, 'gift/sender');
    const event = createEvent({
      source: 'kick',
      type: 'kicks_gift',
      user: kickUser(raw.sender.id, raw.sender.username),
      timestamp: parseKickTimestamp(raw.created_at),
      data: stripUndefined({
        giftId: raw.gift.gift_id,
        giftName: raw.gift.name,
        amount: raw.gift.amount,
        giftType: raw.gift.type,
        tier: raw.gift.tier,
        message: raw.message === '' ? undefined : raw.message,
        transactionId: raw.gift_transaction_id,
        expiresAt: parseKickTimestamp(raw.expires_at),
      }) as { giftId: string; giftName: string; amount: number; giftType: string; tier: string; transactionId: string },
      meta: metaOf(context, raw.gift_transaction_id),
      id: platformUuid(raw.gift_transaction_id),
    });
    return { event, dedupeKeys: [`kicks:${raw.gift_transaction_id}`] };
  },
  RewardRedeemedEvent: (frame, data, context) => {
    const raw = data as unknown as RawRewardRedeemedEvent;
    if (!isString(raw.reward_title) || !isString(raw.username)) return malformed(frame, context, 'reward_title/username');
    const event = createEvent({
      source: 'kick',
      type: 'reward_redeem',
      user: kickUser(raw.user_id, raw.username),
      data: stripUndefined({
        rewardTitle: raw.reward_title,
        userInput: raw.user_input,
        backgroundColor: raw.reward_background_color,
      }) as {
        rewardTitle: string;
      },
      meta: metaOf(context),
    });
    return { event };
  },
  StreamHostEvent: (frame, data, context) => {
    const raw = data as unknown as RawStreamHostEvent;
    if (!isString(raw.host_username)) return malformed(frame, context, 'host_username');
    return host(raw.host_username, undefined, raw.number_viewers, raw.optional_message, context);
  },
  // Arrives on the legacy `chatrooms.{id}` channel, with the host's numeric id.
  StreamHostedEvent: (frame, data, context) => {
    const raw = data as unknown as RawStreamHostedEvent;
    if (!isObject(raw.user) || !isString(raw.user.username) || !isObject(raw.message)) return malformed(frame, context, 'user/message');
    return host(raw.user.username, raw.user.id, raw.message.numberOfViewers, raw.message.optionalMessage, context);
  },
};
