import { z } from 'zod';
import { streamOfflineDataSchema, unknownDataSchema, userRefSchema, emptyDataSchema } from './shared.js';

/**
 * The data payload of every YouTube live chat event type (spec 002, "YouTube Events"), keyed by
 * event type. Source `"youtube"`.
 */
export const youtubeEvents = {
  chat: z.object({
    message: z.string(),
    emotes: z.array(z.string()).optional(),
  }),
  super_chat: z.object({
    /** Amount in the currency's major unit (`amountMicros / 1e6`). */
    amount: z.number(),
    currency: z.string(),
    message: z.string().optional(),
  }),
  super_sticker: z.object({
    amount: z.number(),
    currency: z.string(),
    stickerId: z.string(),
  }),
  membership_gift: z.object({
    tier: z.string(),
    giftCount: z.number(),
  }),
  member_milestone: z.object({
    memberMonths: z.number(),
    message: z.string().optional(),
  }),
  new_subscriber: emptyDataSchema,
  user_banned: z.object({
    reason: z.string().optional(),
    moderator: userRefSchema.optional(),
  }),
  stream_offline: streamOfflineDataSchema,
  unknown: unknownDataSchema,
} as const;
