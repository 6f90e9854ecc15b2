import { z } from 'zod';
import { lazySchemas } from './lazy.js';
import { emptyDataSchema, unknownDataSchema } from './shared.js';

/**
 * The data payload of every StreamElements event type (spec 002, "StreamElements Events"), keyed
 * by event type. Source `"streamelements"`. The platform an activity came from (StreamElements'
 * `provider`) is in `meta.platform`; optional extras beyond spec 002 keep details StreamElements sends.
 */
export const streamelementsEvents = lazySchemas({
  tip: () =>
    z.object({
      amount: z.number(),
      currency: z.string(),
      message: z.string().optional(),
    }),
  follow: () => emptyDataSchema(),
  subscriber: () =>
    z.object({
      tier: z.string().optional(),
      months: z.number().optional(),
      message: z.string().optional(),
      /** Consecutive months, when StreamElements gives them. */
      streak: z.number().optional(),
      /** A gifted subscription (the user is the recipient). */
      isGift: z.boolean().optional(),
      /** Who gifted it, when it is a gift. */
      gifterName: z.string().optional(),
    }),
  cheer: () =>
    z.object({
      amount: z.number(),
      message: z.string().optional(),
    }),
  raid: () =>
    z.object({
      viewerCount: z.number(),
    }),
  host: () =>
    z.object({
      viewerCount: z.number(),
    }),
  merch: () =>
    z.object({
      product: z.string(),
      message: z.string().optional(),
      /** Every item of the order, when StreamElements lists them (`product` names the first). */
      items: z.array(z.object({ name: z.string(), price: z.number().optional(), quantity: z.number().optional() })).optional(),
    }),
  redemption: () =>
    z.object({
      itemName: z.string(),
      itemCost: z.number(),
    }),
  superchat: () =>
    z.object({
      amount: z.number(),
      currency: z.string(),
      message: z.string().optional(),
    }),
  community_gift: () =>
    z.object({
      giftCount: z.number(),
      tier: z.string().optional(),
    }),
  unknown: () => unknownDataSchema,
});
