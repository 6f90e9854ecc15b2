import { z } from 'zod';
import { emptyDataSchema, streamOfflineDataSchema, unknownDataSchema } from './shared.js';

/**
 * The data payload of every TikTok LIVE event type (spec 002, "TikTok"), keyed by event type.
 * Source `"tiktok"`.
 */
export const tiktokEvents = {
  /** A viewer sends a chat message. */
  chat: z.object({
    message: z.string(),
    /** Emote ids in the message, if any. */
    emotes: z.array(z.string()).optional(),
  }),
  /**
   * A viewer sends a gift. For streak gifts several events fire with growing `repeatCount`; the last
   * one has `repeatEnd: true` (always true for gifts that cannot streak).
   */
  gift: z.object({
    giftName: z.string(),
    giftId: z.number(),
    /** Diamond value of one unit of this gift. */
    diamondCount: z.number(),
    /** Current count in the streak, from 1. */
    repeatCount: z.number(),
    /** Whether this event ends the streak. */
    repeatEnd: z.boolean(),
  }),
  /** A viewer taps like; TikTok batches taps. */
  like: z.object({
    likeCount: z.number(),
    totalLikes: z.number(),
  }),
  follow: emptyDataSchema,
  share: emptyDataSchema,
  join: emptyDataSchema,
  subscribe: z.object({
    subMonth: z.number().optional(),
  }),
  /** A standalone emote (not part of a chat message). */
  emote: z.object({
    emoteId: z.string(),
  }),
  /** Periodic viewer count; the user is the system user. */
  viewer_count: z.object({
    viewerCount: z.number(),
  }),
  /** A treasure chest / coin envelope. */
  envelope: z.object({
    envelopeId: z.string(),
    coins: z.number(),
  }),
  /** The stream ended. */
  stream_offline: streamOfflineDataSchema,
  /** A message the connector does not map, surfaced instead of dropped. */
  unknown: unknownDataSchema,
} as const;
