import { z } from 'zod';
import { emoteDetailSchema, streamOfflineDataSchema, unknownDataSchema, userRefSchema } from './shared.js';

/**
 * The data payload of every Kick event type (spec 002 "Kick Events" and spec 003's per-event
 * fields), keyed by event type. Source `"kick"`.
 */
export const kickEvents = {
  chat: z.object({
    message: z.string(),
    /** Emote ids parsed from `[emote:ID:name]` markup. */
    emotes: z.array(z.string()).optional(),
    /** The same emotes with their names (spec 003's `emotes` objects). */
    emoteDetails: z.array(emoteDetailSchema).optional(),
    /** Kick's message id (003). */
    chatId: z.string().optional(),
    /** Sender colour and badges (003). */
    senderIdentity: z
      .object({
        color: z.string().optional(),
        badges: z.array(z.object({ type: z.string(), text: z.string(), count: z.number().optional() })).optional(),
      })
      .optional(),
  }),
  follow: z.object({
    /** Updated follower total, when Kick sends it (003). */
    followersCount: z.number().optional(),
  }),
  subscribe: z.object({
    tier: z.string().optional(),
    /** Total months subscribed (003). */
    months: z.number().optional(),
  }),
  /**
   * A viewer gifts subscriptions. 002 names it `gifted_sub`/`giftCount`, 003 `gift_sub`/`giftedCount`:
   * VMSC uses `gifted_sub` with `giftCount`, and also fills `giftedCount` and `gifterUsername` (003).
   */
  gifted_sub: z.object({
    giftCount: z.number(),
    recipientUser: userRefSchema.optional(),
    giftedCount: z.number().optional(),
    gifterUsername: z.string().optional(),
  }),
  stream_offline: streamOfflineDataSchema,
  unknown: unknownDataSchema,
} as const;
