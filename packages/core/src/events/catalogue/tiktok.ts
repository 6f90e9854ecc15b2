import { z } from 'zod';
import { once } from '../../util/lazy-shape.js';
import { lazySchemas } from './lazy.js';
import { emptyDataSchema, streamOfflineDataSchema, unknownDataSchema, userRefSchema } from './shared.js';

/** Data of TikTok's stream pause / resume signals (`WebcastControlMessage` action 1 / 2). */
const streamPauseDataSchema = once(() =>
  z.object({
    /** The platform signal, e.g. `control:1`. */
    reason: z.string().optional(),
  }),
);

/**
 * The data payload of every TikTok LIVE event type (spec 002, "TikTok"), keyed by event type.
 * Source `"tiktok"`. Spec 002's ten types keep exactly its fields; the optional extras are what the
 * webcast protocol also carries (see docs/connectors/tiktok.md).
 */
export const tiktokEvents = lazySchemas({
  /** A viewer sends a chat message. */
  chat: () =>
    z.object({
      message: z.string(),
      /** Emote ids in the message, if any. */
      emotes: z.array(z.string()).optional(),
      /** The user the message mentions (`@user`), when TikTok says so. */
      mention: userRefSchema.optional(),
      /** Language code TikTok detected for the message. */
      language: z.string().optional(),
      /** `true` when the streamer (host) wrote it (`UserIdentity.isAnchor`); absent otherwise. */
      isHost: z.boolean().optional(),
    }),
  /**
   * A viewer sends a gift. For streak gifts several events fire with growing `repeatCount`; the last
   * one has `repeatEnd: true` (always true for gifts that cannot streak), so a `repeatEnd == true`
   * rule fires exactly once per gift.
   */
  gift: () =>
    z.object({
      giftName: z.string(),
      giftId: z.number(),
      /** Diamond value of one unit of this gift. */
      diamondCount: z.number(),
      /** Current count in the streak, from 1. */
      repeatCount: z.number(),
      /** Whether this event ends the streak. */
      repeatEnd: z.boolean(),
      /** Identifies one streak (TikTok `groupId`); the same on every event of the streak. */
      streakId: z.string().optional(),
      /** TikTok's gift type; `1` = streakable. */
      giftType: z.number().optional(),
      /** Whether the gift can streak (type 1). */
      streakable: z.boolean().optional(),
      /** Picture of the gift. */
      giftImageUrl: z.string().optional(),
      /** The receiver, in multi-guest streams. */
      receiver: userRefSchema.optional(),
    }),
  /** A viewer taps like; TikTok batches taps. */
  like: () =>
    z.object({
      likeCount: z.number(),
      totalLikes: z.number(),
    }),
  follow: () => emptyDataSchema(),
  share: () => emptyDataSchema(),
  join: () => emptyDataSchema(),
  subscribe: () =>
    z.object({
      subMonth: z.number().optional(),
    }),
  /** A standalone emote (not part of a chat message). */
  emote: () =>
    z.object({
      emoteId: z.string(),
      /** Picture of the emote. */
      emoteImageUrl: z.string().optional(),
    }),
  /** Periodic viewer count; the user is the system user. */
  viewer_count: () =>
    z.object({
      viewerCount: z.number(),
      /** Cumulative viewers of this stream (TikTok `totalUser`). */
      totalViewers: z.number().optional(),
    }),
  /** A treasure chest / coin envelope. */
  envelope: () =>
    z.object({
      envelopeId: z.string(),
      coins: z.number(),
      /** How many viewers can open it. */
      peopleCount: z.number().optional(),
      /** TikTok's envelope business type (1 user diamonds, 19 super fan box...). */
      businessType: z.number().optional(),
    }),
  /** The stream ended (`control:3`) or was suspended by TikTok (`control:4`). */
  stream_offline: () => streamOfflineDataSchema(),
  /** The host paused the stream (`control:1`). */
  stream_pause: () => streamPauseDataSchema(),
  /** The host resumed a paused stream (`control:2`). */
  stream_resume: () => streamPauseDataSchema(),
  /** A message the connector does not map, surfaced instead of dropped. */
  unknown: () => unknownDataSchema,
});
