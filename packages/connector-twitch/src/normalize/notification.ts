import {
  createEvent,
  newEventId,
  systemUser,
  validateData,
  validateUser,
  type EventData,
  type EventMeta,
  type PlatformEvent,
  type StreamUser,
  parseTimestamp,
} from '@vmsc/core';
import type { RawMetadata, RawNotificationMessage } from '../raw/eventsub.js';
import type {
  RawAdBreakEvent,
  RawBanEvent,
  RawCharityDonateEvent,
  RawChatMessageEvent,
  RawCheerEvent,
  RawFollowEvent,
  RawHypeTrainEvent,
  RawPollEvent,
  RawPredictionEvent,
  RawRaidEvent,
  RawRedemptionEvent,
  RawShoutoutCreateEvent,
  RawShoutoutReceiveEvent,
  RawStreamOnlineEvent,
  RawSubscribeEvent,
  RawSubscriptionGiftEvent,
  RawSubscriptionMessageEvent,
} from '../raw/events.js';
import type { TwitchEventType } from '../subscriptions.js';
import { chatData, chatUser } from './chat.js';
import { refFrom, userOrAnonymous, userOrSystem } from './common.js';
import { hypeTrainData, hypeTrainEndData } from './hype-train.js';
import { pollData, pollEndData, predictionData, predictionEndData } from './polls.js';

/** A Twitch event as VMSC publishes it. */
export type TwitchEvent = PlatformEvent<'twitch'>;

/** What one mapper returns: the event type, its user and data. */
interface Mapped<T extends TwitchEventType> {
  type: T;
  user: StreamUser;
  data: EventData<'twitch', T>;
}

type AnyMapped = { [T in TwitchEventType]: Mapped<T> }[TwitchEventType];

function mapped<T extends TwitchEventType>(type: T, user: StreamUser, data: EventData<'twitch', T>): Mapped<T> {
  return { type, user, data };
}

type Mapper = (event: never) => AnyMapped;

/** One mapper per EventSub `subscription_type` (the versions VMSC subscribes to). */
const MAPPER_TABLE: Record<string, Mapper> = {
  'channel.chat.message': (e: RawChatMessageEvent) => mapped('chat', chatUser(e), chatData(e)),
  'channel.follow': (e: RawFollowEvent) => mapped('follow', userOrAnonymous(e), {}),
  'channel.subscribe': (e: RawSubscribeEvent) => mapped('subscribe', userOrAnonymous(e), { tier: e.tier, isGift: e.is_gift }),
  'channel.subscription.message': (e: RawSubscriptionMessageEvent) => {
    const data: EventData<'twitch', 'subscribe'> = {
      tier: e.tier,
      isGift: false,
      isResub: true,
      cumulativeMonths: e.cumulative_months,
      durationMonths: e.duration_months,
    };
    if (e.message?.text) data.message = e.message.text;
    if (e.message?.emotes && e.message.emotes.length > 0) data.emotes = e.message.emotes.map((emote) => emote.id);
    if (typeof e.streak_months === 'number') data.streakMonths = e.streak_months;
    return mapped('subscribe', userOrAnonymous(e), data);
  },
  'channel.subscription.gift': (e: RawSubscriptionGiftEvent) => {
    const data: EventData<'twitch', 'subscription_gift'> = { tier: e.tier, totalGifts: e.total, isAnonymous: e.is_anonymous };
    if (typeof e.cumulative_total === 'number') data.cumulativeTotal = e.cumulative_total;
    return mapped('subscription_gift', userOrAnonymous(e), data);
  },
  'channel.cheer': (e: RawCheerEvent) => {
    const data: EventData<'twitch', 'cheer'> = { bits: e.bits, isAnonymous: e.is_anonymous };
    if (e.message) data.message = e.message;
    return mapped('cheer', userOrAnonymous(e), data);
  },
  'channel.raid': (e: RawRaidEvent) => {
    const from = refFrom(e, 'from_broadcaster_user_') ?? {
      id: e.from_broadcaster_user_id,
      username: e.from_broadcaster_user_login,
      nickname: e.from_broadcaster_user_name,
    };
    return mapped('raid', { ...from }, { fromBroadcaster: from, viewerCount: e.viewers });
  },
  'channel.channel_points_custom_reward_redemption.add': (e: RawRedemptionEvent) => {
    const data: EventData<'twitch', 'channel_point_redeem'> = {
      rewardId: e.reward.id,
      rewardTitle: e.reward.title,
      redemptionId: e.id,
      rewardCost: e.reward.cost,
      status: e.status,
    };
    if (e.user_input) data.userInput = e.user_input;
    if (e.reward.prompt) data.rewardPrompt = e.reward.prompt;
    return mapped('channel_point_redeem', userOrAnonymous(e), data);
  },
  'channel.poll.begin': (e: RawPollEvent) => mapped('poll_begin', systemUser(), pollData(e)),
  'channel.poll.progress': (e: RawPollEvent) => mapped('poll_progress', systemUser(), pollData(e)),
  'channel.poll.end': (e: RawPollEvent) => mapped('poll_end', systemUser(), pollEndData(e)),
  'channel.prediction.begin': (e: RawPredictionEvent) => mapped('prediction_begin', systemUser(), predictionData(e)),
  'channel.prediction.progress': (e: RawPredictionEvent) => mapped('prediction_progress', systemUser(), predictionData(e)),
  'channel.prediction.lock': (e: RawPredictionEvent) => mapped('prediction_lock', systemUser(), predictionData(e)),
  'channel.prediction.end': (e: RawPredictionEvent) => mapped('prediction_end', systemUser(), predictionEndData(e)),
  'channel.hype_train.begin': (e: RawHypeTrainEvent) => mapped('hype_train_begin', systemUser(), hypeTrainData(e)),
  'channel.hype_train.progress': (e: RawHypeTrainEvent) => mapped('hype_train_progress', systemUser(), hypeTrainData(e)),
  'channel.hype_train.end': (e: RawHypeTrainEvent) => mapped('hype_train_end', systemUser(), hypeTrainEndData(e)),
  'channel.ad_break.begin': (e: RawAdBreakEvent) => {
    const data: EventData<'twitch', 'ad_break'> = { durationSeconds: e.duration_seconds, isAutomatic: e.is_automatic };
    const startedAt = parseTimestamp(e.started_at);
    if (startedAt !== undefined) {
      data.startedAt = startedAt;
      data.endsAt = startedAt + e.duration_seconds * 1000;
    }
    return mapped('ad_break', userOrSystem(e, 'requester_user_'), data);
  },
  'channel.shoutout.create': (e: RawShoutoutCreateEvent) =>
    mapped('shoutout_create', userOrSystem(e, 'moderator_user_'), {
      targetUser: { id: e.to_broadcaster_user_id, username: e.to_broadcaster_user_login, nickname: e.to_broadcaster_user_name },
      viewerCount: e.viewer_count,
    }),
  'channel.shoutout.receive': (e: RawShoutoutReceiveEvent) => {
    const from = { id: e.from_broadcaster_user_id, username: e.from_broadcaster_user_login, nickname: e.from_broadcaster_user_name };
    return mapped('shoutout_receive', { ...from }, { fromBroadcaster: from, viewerCount: e.viewer_count });
  },
  'channel.ban': (e: RawBanEvent) => {
    const data: EventData<'twitch', 'ban'> = { isPermanent: e.is_permanent };
    if (e.reason) data.reason = e.reason;
    const moderator = refFrom(e, 'moderator_user_');
    if (moderator) data.moderator = moderator;
    const endsAt = parseTimestamp(e.ends_at);
    if (endsAt !== undefined) data.endsAt = endsAt;
    return mapped('ban', userOrAnonymous(e), data);
  },
  'channel.charity_campaign.donate': (e: RawCharityDonateEvent) => {
    const { value, decimal_places: decimals, currency } = e.amount;
    const data: EventData<'twitch', 'charity_donation'> = {
      amount: value / 10 ** decimals,
      currency,
      value,
      decimalPlaces: decimals,
    };
    if (e.campaign_id) data.campaignId = e.campaign_id;
    if (e.charity_name) data.charityName = e.charity_name;
    return mapped('charity_donation', userOrAnonymous(e), data);
  },
  'stream.online': (e: RawStreamOnlineEvent) =>
    mapped('stream_online', systemUser(), {
      startedAt: parseTimestamp(e.started_at) ?? Date.now(),
      streamType: e.type,
      streamId: e.id,
    }),
  'stream.offline': () => mapped('stream_offline', systemUser(), {}),
};

/** The mappers by subscription type, as a Map: one hashed lookup per frame, no prototype to guard against. */
const MAPPERS = new Map<string, Mapper>(Object.entries(MAPPER_TABLE));

/** Options of {@link normalizeNotification}. */
export interface NormalizeOptions {
  /**
   * Keep Twitch's `payload.event` as the event's `raw` (debug only). Off by default: it keeps every
   * parsed frame alive as long as the event is, which costs memory and GC time on busy channels.
   */
  includeRaw?: boolean;
  /**
   * `metadata.message_timestamp` already parsed (epoch ms) by the caller, e.g. for a staleness check:
   * it is not parsed again.
   */
  sentAt?: number;
}

/** Whether VMSC maps this EventSub subscription type to a catalogue event. */
export function isMappedSubscriptionType(type: string): boolean {
  return MAPPERS.has(type);
}

/** The broadcaster login of an event, under either charity field-name variant. */
function channelOf(event: Record<string, unknown>): string | undefined {
  const login = event.broadcaster_user_login ?? event.broadcaster_login;
  return typeof login === 'string' ? login : undefined;
}

/**
 * Turns one EventSub `notification` frame into a typed VMSC event (pure: no I/O). A subscription
 * type VMSC does not map, or an event whose fields do not have the documented shape, becomes an
 * `unknown` event carrying the whole payload and the reason: nothing is dropped.
 *
 * @param receivedAt used as the timestamp when `message_timestamp` cannot be parsed.
 * @param options `includeRaw` to keep the raw event for debugging.
 * @example
 * ```ts
 * const event = normalizeNotification(JSON.parse(frame));
 * if (event.type === 'cheer') console.log(event.data.bits);
 * ```
 */
export function normalizeNotification(
  message: RawNotificationMessage,
  receivedAt: number = Date.now(),
  options: NormalizeOptions = {},
): TwitchEvent {
  // Frames arrive as unchecked JSON: a part missing or of the wrong type must not throw.
  const metadata: Partial<RawMetadata> = message?.metadata ?? {};
  const payload: Partial<RawNotificationMessage['payload']> = message?.payload ?? {};
  const declaredType = payload.subscription?.type ?? metadata.subscription_type;
  const subscriptionType = typeof declaredType === 'string' ? declaredType : 'unknown';
  const timestamp = options.sentAt ?? parseTimestamp(metadata.message_timestamp) ?? receivedAt;
  const event = typeof payload.event === 'object' && payload.event !== null ? payload.event : {};
  const meta: EventMeta = typeof metadata.message_id === 'string' ? { platformMessageId: metadata.message_id } : {};
  const channel = channelOf(event);
  if (channel) meta.channel = channel;
  const mapper = MAPPERS.get(subscriptionType);
  if (mapper) {
    try {
      const out = (mapper as (event: Record<string, unknown>) => AnyMapped)(event);
      // The mappers trust the documented field types; a frame that breaks them must not yield an invalid event.
      const checked = validateData('twitch', out.type, out.data);
      // The mappers build the user from the event's id/login/name fields (and booleans they compute):
      // those three strings are what a frame can get wrong; the catalogue's check names the problem.
      const user = out.user === undefined || hasUserStrings(out.user) ? undefined : validateUser(out.user);
      if (!checked.ok || (user && !user.ok)) {
        const issues = checked.ok ? [] : checked.issues.map((issue) => `${issue.path}: ${issue.message}`);
        if (user && !user.ok) issues.push(...user.issues.map((issue) => `${issue.path}: ${issue.message}`));
        const problems = issues.join('; ');
        return unknownEvent(
          subscriptionType,
          message,
          `the ${subscriptionType} event does not have the documented shape: ${problems}`,
          timestamp,
          meta,
        );
      }
      // The event object itself, as createEvent builds it (same fields, same order), without the input object.
      const id = newEventId();
      return (
        options.includeRaw
          ? { id, type: out.type, source: 'twitch', timestamp, user: out.user, data: out.data, raw: event, meta }
          : { id, type: out.type, source: 'twitch', timestamp, user: out.user, data: out.data, meta }
      ) as TwitchEvent;
    } catch (error) {
      const reason = `the ${subscriptionType} event does not have the documented shape: ${error instanceof Error ? error.message : String(error)}`;
      return unknownEvent(subscriptionType, message, reason, timestamp, meta);
    }
  }
  return unknownEvent(
    subscriptionType,
    message,
    `no mapping for EventSub ${subscriptionType} v${payload.subscription?.version ?? metadata.subscription_version ?? '?'}`,
    timestamp,
    meta,
  );
}

/** Whether a mapped user's id, username and nickname are strings (the fields a frame supplies). */
function hasUserStrings(user: StreamUser): boolean {
  return typeof user.id === 'string' && typeof user.username === 'string' && typeof user.nickname === 'string';
}

function unknownEvent(kind: string, payload: unknown, reason: string, timestamp: number, meta: EventMeta): TwitchEvent {
  return createEvent({ source: 'twitch', type: 'unknown', data: { kind, payload, reason }, timestamp, meta }) as TwitchEvent;
}

/** An `unknown` event for a frame that is not a notification VMSC understands (bad JSON, unknown message_type). */
export function unknownFrameEvent(kind: string, payload: unknown, reason: string, receivedAt: number): TwitchEvent {
  return unknownEvent(kind, payload, reason, receivedAt, {});
}
