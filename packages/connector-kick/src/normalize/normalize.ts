import { anonymousUser, parseEvent, systemUser, validateData, type EventMeta, type StreamEvent } from '@vmsc/core';
import { chatLooksValid, envelopeLooksValid } from './chat-check.js';
import { createKickEvent as createEvent, kickEvent, platformUuid } from './event.js';
import type { DecodedFrame } from '../raw/pusher.js';
import type {
  RawChannelSubscriptionEvent,
  RawChatMessageEvent,
  RawChatMessageSentEvent,
  RawChatMoveEvent,
  RawChatroomUpdatedEvent,
  RawChatSettingsChanged,
  RawFollowersUpdated,
  RawGiftedSubscriptionsEvent,
  RawGoalProgressUpdateEvent,
  RawKicksGifted,
  RawLuckyUsersEvent,
  RawMessageDeletedEvent,
  RawNewActivityFeedEvent,
  RawNewSubscriberUpdatedEvent,
  RawPinnedMessageCreatedEvent,
  RawPollUpdateEvent,
  RawRewardRedeemedEvent,
  RawStopStreamBroadcast,
  RawStreamerIsLive,
  RawStreamHostedEvent,
  RawStreamHostEvent,
  RawSubscriptionEvent,
  RawUserBannedEvent,
  RawUserUnbannedEvent,
} from '../raw/kick-events.js';
import { parseEmotes } from './emotes.js';
import { parseKickTimestamp } from './timestamp.js';
import { kickUser, kickUserRef } from './users.js';

/** What the normalizer needs besides the frame. */
export interface NormalizeContext {
  /** The watched channel (slug or id), copied to `meta.channel`. */
  channel?: string;
  /** Keep the decoded frame as `event.raw`. Default false. */
  keepRaw?: boolean;
}

/** One normalized frame. */
export interface NormalizedFrame {
  event: StreamEvent;
  /**
   * Keys of the real-world happening behind the event (`sub:<user>`, `gift:<id>`...). Kick sends one
   * subscription as up to five frames on different channels: the connector publishes the first and
   * folds the others, which share a key, into it.
   */
  dedupeKeys?: readonly string[];
  /**
   * A duplicate-only signal (e.g. `ChannelSubscriptionEvent`, which lacks the months that
   * `SubscriptionEvent` carries): the connector holds it briefly and publishes it only if no
   * primary frame with the same key arrived.
   */
  secondary?: boolean;
  /** Set when a known event was malformed and is surfaced as `unknown` instead. */
  problem?: string;
}

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const lower = (value: string): string => value.toLowerCase();

function metaOf(context: NormalizeContext, platformMessageId?: string): EventMeta | undefined {
  if (context.channel === undefined && platformMessageId === undefined) return undefined;
  const meta: EventMeta = {};
  if (context.channel !== undefined) meta.channel = context.channel;
  if (platformMessageId !== undefined) meta.platformMessageId = platformMessageId;
  return meta;
}

/** Known Kick events that VMSC does not map to a typed event: published as `unknown` with this reason. */
const UNMAPPED_REASON: Readonly<Record<string, string>> = {
  KicksLeaderboardUpdated: 'leaderboard update (follows every KicksGifted); not mapped',
  GiftsLeaderboardUpdated: 'leaderboard update; not mapped',
  LivestreamUpdated: 'livestream metadata update; not mapped',
  PredictionCreated: 'prediction; not mapped',
  PredictionUpdated: 'prediction; not mapped',
};

function unmappedReason(name: string): string | undefined {
  return Object.hasOwn(UNMAPPED_REASON, name) ? UNMAPPED_REASON[name] : undefined;
}

function unknownEvent(frame: DecodedFrame, context: NormalizeContext, reason?: string): NormalizedFrame {
  const event = createEvent({
    source: 'kick',
    type: 'unknown',
    data: reason === undefined ? { kind: frame.name, payload: frame.data } : { kind: frame.name, payload: frame.data, reason },
    meta: metaOf(context),
  });
  return { event };
}

function malformed(frame: DecodedFrame, context: NormalizeContext, missing: string): NormalizedFrame {
  const problem = `${frame.name} on ${frame.channel ?? '?'} lacks ${missing}`;
  return { ...unknownEvent(frame, context, `malformed: ${problem}`), problem };
}

function withRaw(result: NormalizedFrame, frame: DecodedFrame, context: NormalizeContext): NormalizedFrame {
  if (context.keepRaw) (result.event as { raw?: unknown }).raw = frame;
  return result;
}

function chat(frame: DecodedFrame, raw: RawChatMessageEvent, context: NormalizeContext): NormalizedFrame {
  if (!isString(raw.content) || !isObject(raw.sender) || !isString(raw.sender.username)) return malformed(frame, context, 'content/sender');
  const emotes = parseEmotes(raw.content);
  const identity = raw.sender.identity;
  const data: Data = { message: raw.content, chatId: raw.id };
  if (emotes.length > 0) {
    data.emotes = emotes.map((emote) => emote.id);
    data.emoteDetails = emotes;
  }
  if (identity) {
    // Kick's badge objects already have the catalogue's shape (`type`, `text`, `count?`; the extra
    // `sort_order` is kept): reused as they are instead of copied, this is the hot path.
    data.senderIdentity = { color: identity.color, badges: identity.badges ?? [] };
  }
  if (raw.type !== undefined) data.messageType = raw.type;
  const metadata = raw.metadata;
  if (metadata?.original_message && metadata.original_sender) {
    data.replyTo = {
      messageId: metadata.original_message.id,
      message: metadata.original_message.content,
      user: kickUserRef(metadata.original_sender.id, metadata.original_sender.username),
    };
  }
  if (metadata?.celebration) {
    data.celebration =
      metadata.celebration.total_months === undefined
        ? { type: metadata.celebration.type }
        : { type: metadata.celebration.type, totalMonths: metadata.celebration.total_months };
  }
  const badges = identity?.badges ?? [];
  const user = kickUser(raw.sender.id, raw.sender.username, raw.sender.slug);
  if (badges.length > 0) {
    for (const badge of badges) {
      if (badge.type === 'moderator' || badge.type === 'broadcaster') user.isModerator = true;
      if (badge.type === 'subscriber' || badge.type === 'founder') user.isSubscriber = true;
    }
  }
  return {
    event: kickEvent(
      'chat',
      data as { message: string },
      user,
      parseKickTimestamp(raw.created_at),
      metaOf(context, raw.id),
      platformUuid(raw.id),
    ),
  };
}

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
  const keys = [`sub:${lower(username)}`];
  return secondary ? { event, dedupeKeys: keys, secondary } : { event, dedupeKeys: keys };
}

function giftKey(gifter: string, recipients: readonly string[]): string {
  return `gift:${lower(gifter)}:${recipients.map(lower).sort().join(',')}`;
}

function giftedSub(
  gifter: string,
  gifterId: number | string | undefined,
  recipients: string[],
  total: number | undefined,
  gifterTotal: number | undefined,
  correlationId: string | undefined,
  context: NormalizeContext,
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
  return { event, dedupeKeys: keys };
}

const chatMode = (enabled: boolean | undefined, seconds?: number) =>
  enabled === undefined ? undefined : seconds === undefined ? { enabled } : { enabled, seconds };

/** Copies `data` without its undefined fields (building a fresh object keeps it in fast mode, unlike `delete`). */
function stripUndefined(data: Data): Data {
  const out: Data = {};
  for (const key in data) if (data[key] !== undefined) out[key] = data[key];
  return out;
}

/**
 * Normalizes one decoded Kick frame into a StreamEvent. Pure: no I/O, no clock except `Date.now`
 * for frames without a timestamp. Unknown events become `unknown` events (never dropped); known
 * events with missing fields become `unknown` with a `malformed:` reason and a `problem`.
 *
 * @example
 * ```ts
 * const { event } = normalizeKickFrame(decodeFrameText(text), { channel: 'xqc' });
 * ```
 */
export function normalizeKickFrame(frame: DecodedFrame, context: NormalizeContext = {}): NormalizedFrame {
  let result: NormalizedFrame;
  try {
    result = checked(normalize(frame, context), frame, context);
  } catch (error) {
    result = malformed(frame, context, `the documented shape (${error instanceof Error ? error.message : String(error)})`);
  }
  return withRaw(result, frame, context);
}

/**
 * The handlers trust Kick's documented field types; a frame that breaks them (a number where a
 * string belongs, an object as a user id) must not yield an invalid event: the mapped data is
 * checked against the catalogue (`parseEvent`: data, user, timestamp, meta), and a mismatch becomes
 * `unknown` with the issues as the reason.
 */
function checked(result: NormalizedFrame, frame: DecodedFrame, context: NormalizeContext): NormalizedFrame {
  const event = result.event;
  if (event.type === 'unknown' || chatLooksValid(event)) return result;
  // Other kinds: the data through its catalogue schema, the envelope by hand.
  const data = event.type === 'chat' ? undefined : validateData('kick', event.type, event.data);
  if (data?.ok && envelopeLooksValid(event)) return result;
  const parsed = parseEvent(event);
  if (parsed.ok) return result;
  const issues = parsed.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return malformed(frame, context, `the documented shape (${issues})`);
}

function normalize(frame: DecodedFrame, context: NormalizeContext): NormalizedFrame {
  const data = frame.data;
  // Map lookup hashes the (non-internalized) wire name once; the switch below then compares
  // interned literals instead of running up to 27 full string comparisons.
  const kind = KIND.get(frame.name);
  if (kind === 'PinnedMessageDeletedEvent') {
    return { event: createEvent({ source: 'kick', type: 'message_unpinned', data: {}, meta: metaOf(context) }) };
  }
  if (kind === 'PollDeleteEvent') return { event: createEvent({ source: 'kick', type: 'poll_delete', data: {}, meta: metaOf(context) }) };
  if (kind === 'ChatroomClearEvent') return { event: createEvent({ source: 'kick', type: 'chat_clear', data: {}, meta: metaOf(context) }) };
  if (!isObject(data)) {
    return kind === undefined ? unknownEvent(frame, context, unmappedReason(frame.name)) : malformed(frame, context, 'an object payload');
  }
  const handler = kind === undefined ? undefined : HANDLERS[kind];
  return handler ? handler(frame, data, context) : unknownEvent(frame, context, unmappedReason(frame.name));
}

/** One handler per mapped Kick event name (prefix stripped); `data` is known to be an object. */
const HANDLERS: Record<string, (frame: DecodedFrame, data: Data, context: NormalizeContext) => NormalizedFrame> = {
  ChatMessageEvent: (frame, data, context) => {
    return chat(frame, data as unknown as RawChatMessageEvent, context);
  },
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
    return { ...giftedSub(raw.gifter_username, undefined, raw.usernames, undefined, undefined, undefined, context), secondary: true };
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
  StreamHostedEvent: (frame, data, context) => {
    const raw = data as unknown as RawStreamHostedEvent;
    if (!isObject(raw.user) || !isObject(raw.message)) return malformed(frame, context, 'user/message');
    return host(raw.user.username, raw.user.id, raw.message.numberOfViewers, raw.message.optionalMessage, context);
  },
  ChatMoveToSupportedChannelEvent: (frame, data, context) => {
    const raw = data as unknown as RawChatMoveEvent;
    if (!isObject(raw.hosted) || !isString(raw.hosted.username)) return malformed(frame, context, 'hosted');
    const event = createEvent({
      source: 'kick',
      type: 'host_out',
      data: stripUndefined({
        target: kickUserRef(raw.hosted.id, raw.hosted.username, raw.hosted.slug),
        viewerCount: raw.hosted.viewers_count,
      }) as {
        target: { id: string; username: string; nickname: string };
      },
      meta: metaOf(context),
    });
    return { event };
  },
  UserBannedEvent: (frame, data, context) => {
    const raw = data as unknown as RawUserBannedEvent;
    if (!isObject(raw.user) || !isString(raw.user.username)) return malformed(frame, context, 'user');
    const event = createEvent({
      source: 'kick',
      type: 'ban',
      user: kickUser(raw.user.id, raw.user.username, raw.user.slug),
      data: stripUndefined({
        moderator: raw.banned_by ? kickUserRef(raw.banned_by.id, raw.banned_by.username, raw.banned_by.slug) : undefined,
        isPermanent: raw.permanent === true,
        durationMinutes: raw.duration,
        expiresAt: parseKickTimestamp(raw.expires_at),
      }) as { isPermanent: boolean },
      meta: metaOf(context, raw.id),
      id: platformUuid(raw.id),
    });
    return { event };
  },
  UserUnbannedEvent: (frame, data, context) => {
    const raw = data as unknown as RawUserUnbannedEvent;
    if (!isObject(raw.user) || !isString(raw.user.username)) return malformed(frame, context, 'user');
    const event = createEvent({
      source: 'kick',
      type: 'unban',
      user: kickUser(raw.user.id, raw.user.username, raw.user.slug),
      data: stripUndefined({
        moderator: raw.unbanned_by ? kickUserRef(raw.unbanned_by.id, raw.unbanned_by.username, raw.unbanned_by.slug) : undefined,
        wasPermanent: raw.permanent,
      }),
      meta: metaOf(context, raw.id),
      id: platformUuid(raw.id),
    });
    return { event };
  },
  MessageDeletedEvent: (frame, data, context) => {
    const raw = data as unknown as RawMessageDeletedEvent;
    if (!isObject(raw.message) || !isString(raw.message.id)) return malformed(frame, context, 'message.id');
    const event = createEvent({
      source: 'kick',
      type: 'message_deleted',
      data: stripUndefined({ messageId: raw.message.id, aiModerated: raw.aiModerated, violatedRules: raw.violatedRules }) as {
        messageId: string;
      },
      meta: metaOf(context, raw.id),
      id: platformUuid(raw.id),
    });
    return { event };
  },
  PinnedMessageCreatedEvent: (frame, data, context) => {
    const raw = data as unknown as RawPinnedMessageCreatedEvent;
    if (!isObject(raw.message) || !isObject(raw.message.sender) || !isString(raw.message.content))
      return malformed(frame, context, 'message');
    const duration = raw.duration === undefined ? undefined : Number(raw.duration);
    const event = createEvent({
      source: 'kick',
      type: 'message_pinned',
      user: kickUser(raw.message.sender.id, raw.message.sender.username, raw.message.sender.slug),
      data: stripUndefined({
        messageId: raw.message.id,
        message: raw.message.content,
        durationSeconds: duration !== undefined && Number.isFinite(duration) ? duration : undefined,
        pinnedBy: raw.pinnedBy ? kickUserRef(raw.pinnedBy.id, raw.pinnedBy.username, raw.pinnedBy.slug) : undefined,
      }) as { messageId: string; message: string },
      meta: metaOf(context, raw.message.id),
    });
    return { event };
  },
  PollUpdateEvent: (frame, data, context) => {
    const raw = data as unknown as RawPollUpdateEvent;
    if (!isObject(raw.poll) || !Array.isArray(raw.poll.options)) return malformed(frame, context, 'poll');
    const event = createEvent({
      source: 'kick',
      type: 'poll_update',
      data: {
        title: raw.poll.title,
        options: raw.poll.options.map((option) => ({ id: option.id, label: option.label, votes: option.votes })),
        durationSeconds: raw.poll.duration,
        remainingSeconds: raw.poll.remaining,
      },
      meta: metaOf(context),
    });
    return { event };
  },
  ChatroomUpdatedEvent: (frame, data, context) => {
    const raw = data as unknown as RawChatroomUpdatedEvent;
    const event = createEvent({
      source: 'kick',
      type: 'chat_settings',
      data: stripUndefined({
        slowMode: chatMode(raw.slow_mode?.enabled, raw.slow_mode?.message_interval),
        subscribersOnly: chatMode(raw.subscribers_mode?.enabled),
        followersOnly: chatMode(raw.followers_mode?.enabled, raw.followers_mode?.min_duration),
        emotesOnly: chatMode(raw.emotes_mode?.enabled),
        accountAge: chatMode(raw.account_age?.enabled, raw.account_age?.min_duration),
      }),
      meta: metaOf(context),
    });
    return { event };
  },
  ChatSettingsChanged: (frame, data, context) => {
    const settings = (data as unknown as RawChatSettingsChanged).settings;
    if (!isObject(settings)) return malformed(frame, context, 'settings');
    const event = createEvent({
      source: 'kick',
      type: 'chat_settings',
      data: stripUndefined({
        slowMode: chatMode(settings.slow_mode?.enabled, settings.slow_mode?.duration_seconds),
        subscribersOnly: chatMode(settings.subscribers_only_mode?.enabled),
        followersOnly: chatMode(settings.followers_only_mode?.enabled, settings.followers_only_mode?.duration_seconds),
        emotesOnly: chatMode(settings.emotes_only_mode?.enabled),
        accountAge: chatMode(settings.minimum_account_age?.enabled, settings.minimum_account_age?.duration_seconds),
      }),
      meta: metaOf(context),
    });
    return { event };
  },
  GoalProgressUpdateEvent: (frame, data, context) => {
    const raw = data as unknown as RawGoalProgressUpdateEvent;
    if (!isString(raw.id) || typeof raw.current_value !== 'number') return malformed(frame, context, 'id/current_value');
    const event = createEvent({
      source: 'kick',
      type: 'goal_progress',
      data: stripUndefined({
        goalId: raw.id,
        goalType: raw.type,
        current: raw.current_value,
        target: raw.target_value,
        status: raw.status,
      }) as {
        goalId: string;
        goalType: string;
        current: number;
        target: number;
      },
      meta: metaOf(context),
    });
    return { event };
  },
  StreamerIsLive: (frame, data, context) => {
    const raw = data as unknown as RawStreamerIsLive;
    if (!isObject(raw.livestream)) return malformed(frame, context, 'livestream');
    const startedAt = parseKickTimestamp(raw.livestream.created_at) ?? Date.now();
    const event = createEvent({
      source: 'kick',
      type: 'stream_online',
      user: systemUser(),
      timestamp: startedAt,
      data: stripUndefined({ startedAt, livestreamId: String(raw.livestream.id), title: raw.livestream.session_title }) as {
        startedAt: number;
      },
      meta: metaOf(context),
    });
    return { event, dedupeKeys: [`live:${String(raw.livestream.id)}`] };
  },
  StopStreamBroadcast: (frame, data, context) => {
    const raw = data as unknown as RawStopStreamBroadcast;
    const event = createEvent({ source: 'kick', type: 'stream_offline', data: { reason: 'StopStreamBroadcast' }, meta: metaOf(context) });
    return raw.livestream?.id === undefined ? { event } : { event, dedupeKeys: [`offline:${String(raw.livestream.id)}`] };
  },
  FollowersUpdated: (frame, data, context) => {
    const raw = data as unknown as RawFollowersUpdated;
    const named = isString(raw.username) && raw.username !== '';
    const count = typeof raw.followersCount === 'number' ? { followersCount: raw.followersCount } : {};
    const timestamp = parseKickTimestamp(raw.created_at);
    if (raw.followed === false) {
      return { event: createEvent({ source: 'kick', type: 'unfollow', timestamp, data: count, meta: metaOf(context) }) };
    }
    const event = createEvent({
      source: 'kick',
      type: 'follow',
      user: named ? kickUser(undefined, raw.username as string) : anonymousUser(),
      timestamp,
      data: named ? count : { ...count, anonymous: true },
      meta: metaOf(context),
    });
    return { event };
  },
};

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
  return { event, dedupeKeys: [`host:${lower(username)}`] };
}

/** Event names (prefix stripped) the normalizer maps. */
const KNOWN = new Set([
  'ChatMessageEvent',
  'ChatMessageSentEvent',
  'SubscriptionEvent',
  'ChannelSubscriptionEvent',
  'NewSubscriberUpdatedEvent',
  'NewActivityFeedEvent',
  'GiftedSubscriptionsEvent',
  'LuckyUsersWhoGotGiftSubscriptionsEvent',
  'KicksGifted',
  'RewardRedeemedEvent',
  'StreamHostEvent',
  'StreamHostedEvent',
  'ChatMoveToSupportedChannelEvent',
  'UserBannedEvent',
  'UserUnbannedEvent',
  'MessageDeletedEvent',
  'PinnedMessageCreatedEvent',
  'PinnedMessageDeletedEvent',
  'PollUpdateEvent',
  'PollDeleteEvent',
  'ChatroomUpdatedEvent',
  'ChatroomClearEvent',
  'ChatSettingsChanged',
  'GoalProgressUpdateEvent',
  'StreamerIsLive',
  'StopStreamBroadcast',
  'FollowersUpdated',
]);

const KIND = new Map<string, string>([...KNOWN].map((name) => [name, name]));

/** Whether the normalizer maps this event name (prefix stripped) to a typed event. */
export function isMappedKickEvent(name: string): boolean {
  return KNOWN.has(name);
}
