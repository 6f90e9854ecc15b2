import { z } from 'zod';
import { once } from '../../util/lazy-shape.js';
import { lazySchemas } from './lazy.js';
import {
  emoteDetailSchema,
  emptyDataSchema,
  streamOfflineDataSchema,
  streamOnlineDataSchema,
  unknownDataSchema,
  userRefSchema,
} from './shared.js';

const pollChoiceSchema = once(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    /** Total votes, when Twitch reports them (progress and end). */
    votes: z.number().optional(),
    /** Votes bought with Bits (Twitch no longer enables Bits voting on new polls; usually 0). */
    bitsVotes: z.number().optional(),
    /** Votes bought with channel points. */
    channelPointsVotes: z.number().optional(),
  }),
);

const predictionOutcomeSchema = once(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    color: z.string().optional(),
    /** Number of users who predicted this outcome. */
    users: z.number().optional(),
    /** Channel points spent on this outcome. */
    points: z.number().optional(),
    /** Up to 10 users who spent the most points on this outcome (progress, lock and end). */
    topPredictors: z
      .array(
        userRefSchema.extend({
          /** Points used to predict. */
          pointsUsed: z.number(),
          /** Points won; `null` until the prediction is resolved, or when this outcome lost. */
          pointsWon: z.number().nullable(),
        }),
      )
      .optional(),
  }),
);

const hypeTrainContributionSchema = once(() =>
  userRefSchema.extend({
    /** `bits`, `subscription` or `other`, as Twitch gives it. */
    type: z.string(),
    total: z.number(),
  }),
);

/** Fields every hype train event (EventSub v2) may carry besides level and total. */
const hypeTrainExtraFields = once(() => ({
  /** The hype train id. */
  trainId: z.string().optional(),
  /** `regular`, `treasure` or `golden_kappa` (v2). */
  trainType: z.string().optional(),
  /** Whether this is a shared-chat hype train. */
  isSharedTrain: z.boolean().optional(),
  topContributions: z.array(hypeTrainContributionSchema()).optional(),
  /** Unix epoch ms. */
  startedAt: z.number().optional(),
}));

/** The channel a shared-chat message was originally sent in. */
const sharedChatSchema = once(() =>
  z.object({
    /** The channel the message was sent in (Twitch's `source_broadcaster_user_*`). */
    sourceChannel: userRefSchema,
    /** The message id in the source channel. */
    sourceMessageId: z.string().optional(),
    /** Only the source channel's chat shows the message (e.g. a source-only mod action). */
    isSourceOnly: z.boolean().optional(),
  }),
);

const hypeTrainDataSchema = once(() =>
  z.object({
    level: z.number(),
    total: z.number(),
    goal: z.number(),
    /** Points toward the current level. */
    progress: z.number().optional(),
    /** When the train expires, Unix epoch ms. */
    expiresAt: z.number().optional(),
    ...hypeTrainExtraFields(),
  }),
);

/**
 * The data payload of every Twitch event type (spec 002, "Twitch Events"), keyed by event type.
 * Source `"twitch"`.
 */
export const twitchEvents = lazySchemas({
  chat: () =>
    z.object({
      message: z.string(),
      /** Emote ids in the message. */
      emotes: z.array(z.string()).optional(),
      emoteDetails: z.array(emoteDetailSchema).optional(),
      /** Chat badges, as Twitch gives them (`set_id`/`id`/`info`). */
      badges: z.array(z.object({ setId: z.string(), id: z.string(), info: z.string().optional() })).optional(),
      /** Twitch's id of the chat message (needed to reply to it). */
      messageId: z.string().optional(),
      /** `text`, `channel_points_highlighted`, `user_intro`, `power_ups_*`... as Twitch gives it. */
      messageType: z.string().optional(),
      /** The chatter's name colour (`#RRGGBB`), when set. */
      color: z.string().optional(),
      /** Bits cheered in this message, when it is a cheer. */
      bits: z.number().optional(),
      /** The message this one replies to. */
      replyTo: z
        .object({ messageId: z.string(), user: userRefSchema, message: z.string().optional(), threadMessageId: z.string().optional() })
        .optional(),
      /** Set when the message comes from another channel of a shared-chat session. */
      sharedChat: sharedChatSchema().optional(),
    }),
  follow: () => emptyDataSchema(),
  subscribe: () =>
    z.object({
      /** Tier exactly as Twitch gives it: `"1000"`, `"2000"`, `"3000"`. */
      tier: z.string(),
      isGift: z.boolean().optional(),
      message: z.string().optional(),
      /** A resubscription announced with a message (`channel.subscription.message`). */
      isResub: z.boolean().optional(),
      /** Total months subscribed (resub). */
      cumulativeMonths: z.number().optional(),
      /** Consecutive months, when the user shares it (resub). */
      streakMonths: z.number().optional(),
      /** Months of the subscription just bought (resub; e.g. 6 for a 6-month sub). */
      durationMonths: z.number().optional(),
      /** Emote ids in the resub message. */
      emotes: z.array(z.string()).optional(),
    }),
  subscription_gift: () =>
    z.object({
      tier: z.string(),
      totalGifts: z.number(),
      recipientUser: userRefSchema.optional(),
      /** Gifted anonymously: the event's user is the anonymous placeholder. */
      isAnonymous: z.boolean().optional(),
      /** Subs this user has gifted in the channel in total (absent when anonymous or not shared). */
      cumulativeTotal: z.number().optional(),
    }),
  cheer: () =>
    z.object({
      bits: z.number(),
      message: z.string().optional(),
      /** Cheered anonymously: the event's user is the anonymous placeholder. */
      isAnonymous: z.boolean().optional(),
    }),
  raid: () =>
    z.object({
      fromBroadcaster: userRefSchema,
      viewerCount: z.number(),
    }),
  channel_point_redeem: () =>
    z.object({
      rewardId: z.string(),
      rewardTitle: z.string(),
      userInput: z.string().optional(),
      /** The redemption's id. */
      redemptionId: z.string().optional(),
      /** The reward's price in channel points. */
      rewardCost: z.number().optional(),
      rewardPrompt: z.string().optional(),
      /** `unfulfilled`, `fulfilled`, `canceled` or `unknown`, as Twitch gives it. */
      status: z.string().optional(),
    }),
  poll_begin: () =>
    z.object({
      pollId: z.string(),
      title: z.string(),
      choices: z.array(pollChoiceSchema()),
    }),
  poll_progress: () =>
    z.object({
      pollId: z.string(),
      title: z.string(),
      choices: z.array(pollChoiceSchema()),
    }),
  poll_end: () =>
    z.object({
      pollId: z.string(),
      title: z.string(),
      choices: z.array(pollChoiceSchema()),
      /** The choice with the most votes; `null` when the poll was archived or had no votes. */
      winningChoice: pollChoiceSchema().nullable(),
      /** `completed`, `archived` or `terminated`, as Twitch gives it. */
      status: z.string().optional(),
    }),
  prediction_begin: () =>
    z.object({
      predictionId: z.string(),
      title: z.string(),
      outcomes: z.array(predictionOutcomeSchema()),
    }),
  prediction_progress: () =>
    z.object({
      predictionId: z.string(),
      title: z.string(),
      outcomes: z.array(predictionOutcomeSchema()),
    }),
  prediction_lock: () =>
    z.object({
      predictionId: z.string(),
      title: z.string().optional(),
      outcomes: z.array(predictionOutcomeSchema()).optional(),
    }),
  prediction_end: () =>
    z.object({
      predictionId: z.string(),
      title: z.string().optional(),
      outcomes: z.array(predictionOutcomeSchema()).optional(),
      /** The winning outcome; `null` when the prediction was cancelled. */
      winningOutcome: predictionOutcomeSchema().nullable(),
      /** `resolved` or `canceled`, as Twitch gives it. */
      status: z.string().optional(),
    }),
  hype_train_begin: () => hypeTrainDataSchema(),
  hype_train_progress: () => hypeTrainDataSchema(),
  hype_train_end: () =>
    z.object({
      level: z.number(),
      total: z.number(),
      /** Unix epoch ms. */
      endedAt: z.number().optional(),
      /** When the next hype train can start, Unix epoch ms. */
      cooldownEndsAt: z.number().optional(),
      ...hypeTrainExtraFields(),
    }),
  ad_break: () =>
    z.object({
      durationSeconds: z.number(),
      /** Run by the ads manager rather than by a person. */
      isAutomatic: z.boolean().optional(),
      /** Unix epoch ms. */
      startedAt: z.number().optional(),
      /** `startedAt + durationSeconds` (Twitch sends no ad-break end event). */
      endsAt: z.number().optional(),
    }),
  shoutout_create: () =>
    z.object({
      targetUser: userRefSchema,
      viewerCount: z.number().optional(),
    }),
  shoutout_receive: () =>
    z.object({
      fromBroadcaster: userRefSchema,
      viewerCount: z.number().optional(),
    }),
  ban: () =>
    z.object({
      reason: z.string().optional(),
      moderator: userRefSchema.optional(),
      isPermanent: z.boolean().optional(),
      /** When a timeout ends, Unix epoch ms (absent for permanent bans). */
      endsAt: z.number().optional(),
    }),
  charity_donation: () =>
    z.object({
      /** `value / 10^decimal_places`, e.g. 5.5 for 550 with 2 decimal places. */
      amount: z.number(),
      currency: z.string(),
      campaignId: z.string().optional(),
      charityName: z.string().optional(),
      /** The raw amount, exactly as Twitch gives it: `amount = value / 10^decimalPlaces`. */
      value: z.number().optional(),
      decimalPlaces: z.number().optional(),
    }),
  stream_online: () =>
    streamOnlineDataSchema().extend({
      /** `live`, `playlist`, `watch_party`, `premiere` or `rerun`, as Twitch gives it. */
      streamType: z.string().optional(),
      /** Twitch's stream id. */
      streamId: z.string().optional(),
    }),
  stream_offline: () => streamOfflineDataSchema(),
  unknown: () => unknownDataSchema,
});
