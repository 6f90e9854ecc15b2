import { z } from 'zod';
import {
  emoteDetailSchema,
  emptyDataSchema,
  streamOfflineDataSchema,
  streamOnlineDataSchema,
  unknownDataSchema,
  userRefSchema,
} from './shared.js';

const pollChoiceSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Total votes, when Twitch reports them (progress and end). */
  votes: z.number().optional(),
});

const predictionOutcomeSchema = z.object({
  id: z.string(),
  title: z.string(),
  color: z.string().optional(),
  /** Number of users who predicted this outcome. */
  users: z.number().optional(),
  /** Channel points spent on this outcome. */
  points: z.number().optional(),
});

const hypeTrainDataSchema = z.object({
  level: z.number(),
  total: z.number(),
  goal: z.number(),
});

/**
 * The data payload of every Twitch event type (spec 002, "Twitch Events"), keyed by event type.
 * Source `"twitch"`.
 */
export const twitchEvents = {
  chat: z.object({
    message: z.string(),
    /** Emote ids in the message. */
    emotes: z.array(z.string()).optional(),
    emoteDetails: z.array(emoteDetailSchema).optional(),
    /** Chat badges, as Twitch gives them (`set_id`/`id`/`info`). */
    badges: z.array(z.object({ setId: z.string(), id: z.string(), info: z.string().optional() })).optional(),
  }),
  follow: emptyDataSchema,
  subscribe: z.object({
    /** Tier exactly as Twitch gives it: `"1000"`, `"2000"`, `"3000"`. */
    tier: z.string(),
    isGift: z.boolean().optional(),
    message: z.string().optional(),
  }),
  subscription_gift: z.object({
    tier: z.string(),
    totalGifts: z.number(),
    recipientUser: userRefSchema.optional(),
  }),
  cheer: z.object({
    bits: z.number(),
    message: z.string().optional(),
  }),
  raid: z.object({
    fromBroadcaster: userRefSchema,
    viewerCount: z.number(),
  }),
  channel_point_redeem: z.object({
    rewardId: z.string(),
    rewardTitle: z.string(),
    userInput: z.string().optional(),
  }),
  poll_begin: z.object({
    pollId: z.string(),
    title: z.string(),
    choices: z.array(pollChoiceSchema),
  }),
  poll_progress: z.object({
    pollId: z.string(),
    title: z.string(),
    choices: z.array(pollChoiceSchema),
  }),
  poll_end: z.object({
    pollId: z.string(),
    title: z.string(),
    choices: z.array(pollChoiceSchema),
    /** The choice with the most votes; `null` when the poll was archived or had no votes. */
    winningChoice: pollChoiceSchema.nullable(),
  }),
  prediction_begin: z.object({
    predictionId: z.string(),
    title: z.string(),
    outcomes: z.array(predictionOutcomeSchema),
  }),
  prediction_progress: z.object({
    predictionId: z.string(),
    title: z.string(),
    outcomes: z.array(predictionOutcomeSchema),
  }),
  prediction_lock: z.object({
    predictionId: z.string(),
    title: z.string().optional(),
    outcomes: z.array(predictionOutcomeSchema).optional(),
  }),
  prediction_end: z.object({
    predictionId: z.string(),
    title: z.string().optional(),
    outcomes: z.array(predictionOutcomeSchema).optional(),
    /** The winning outcome; `null` when the prediction was cancelled. */
    winningOutcome: predictionOutcomeSchema.nullable(),
  }),
  hype_train_begin: hypeTrainDataSchema,
  hype_train_progress: hypeTrainDataSchema,
  hype_train_end: z.object({
    level: z.number(),
    total: z.number(),
  }),
  ad_break: z.object({
    durationSeconds: z.number(),
  }),
  shoutout_create: z.object({
    targetUser: userRefSchema,
    viewerCount: z.number().optional(),
  }),
  shoutout_receive: z.object({
    fromBroadcaster: userRefSchema,
    viewerCount: z.number().optional(),
  }),
  ban: z.object({
    reason: z.string().optional(),
    moderator: userRefSchema.optional(),
    isPermanent: z.boolean().optional(),
  }),
  charity_donation: z.object({
    /** `value / 10^decimal_places`, e.g. 5.5 for 550 with 2 decimal places. */
    amount: z.number(),
    currency: z.string(),
    campaignId: z.string().optional(),
  }),
  stream_online: streamOnlineDataSchema,
  stream_offline: streamOfflineDataSchema,
  unknown: unknownDataSchema,
} as const;
