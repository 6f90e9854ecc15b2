import { z } from 'zod';
import { emptyDataSchema, unknownDataSchema } from './shared.js';

/**
 * The data payload of every StreamElements event type (spec 002, "StreamElements Events"), keyed
 * by event type. Source `"streamelements"`.
 */
export const streamelementsEvents = {
  tip: z.object({
    amount: z.number(),
    currency: z.string(),
    message: z.string().optional(),
  }),
  follow: emptyDataSchema,
  subscriber: z.object({
    tier: z.string().optional(),
    months: z.number().optional(),
  }),
  cheer: z.object({
    amount: z.number(),
    message: z.string().optional(),
  }),
  raid: z.object({
    viewerCount: z.number(),
  }),
  host: z.object({
    viewerCount: z.number(),
  }),
  merch: z.object({
    product: z.string(),
    message: z.string().optional(),
  }),
  redemption: z.object({
    itemName: z.string(),
    itemCost: z.number(),
  }),
  superchat: z.object({
    amount: z.number(),
    currency: z.string(),
    message: z.string().optional(),
  }),
  community_gift: z.object({
    giftCount: z.number(),
    tier: z.string().optional(),
  }),
  unknown: unknownDataSchema,
} as const;
