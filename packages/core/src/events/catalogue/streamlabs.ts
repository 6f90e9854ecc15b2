import { z } from 'zod';
import { lazySchemas } from './lazy.js';
import { emptyDataSchema, unknownDataSchema } from './shared.js';

/**
 * The data payload of every Streamlabs alert type (spec 002, "Streamlabs Events"), keyed by event
 * type. Source `"streamlabs"`. The platform an alert came from (Streamlabs' `for`) is in
 * `meta.platform`.
 *
 * Beyond spec 002's fields, optional extras keep what Streamlabs sends exactly: amounts arrive as
 * decimal strings, so `amountString` holds the exact value (`amount` is the same value as a number,
 * which may not be exact for every decimal).
 */
export const streamlabsEvents = lazySchemas({
  donation: () =>
    z.object({
      amount: z.number(),
      currency: z.string(),
      message: z.string().optional(),
      /** The exact decimal amount in major units, as a string (`"13.37"`); YouTube micros are converted exactly. */
      amountString: z.string().optional(),
      /** Streamlabs' own formatted amount (`"$13.37"`), when given. */
      formattedAmount: z.string().optional(),
    }),
  follow: () => emptyDataSchema(),
  subscription: () =>
    z.object({
      tier: z.string().optional(),
      months: z.number().optional(),
      message: z.string().optional(),
      /** Streamlabs' `sub_type`: `sub`, `resub`, `subgift`, `submysterygift`... */
      subType: z.string().optional(),
      /** A gifted subscription (the user is the recipient, or the gifter of a mystery gift). */
      isGift: z.boolean().optional(),
      /** Who gifted it, when it is a gift. */
      gifterName: z.string().optional(),
      /** Number of subscriptions gifted at once (mystery/community gifts; the user is the gifter). */
      giftCount: z.number().optional(),
    }),
  host: () =>
    z.object({
      viewerCount: z.number(),
    }),
  bits: () =>
    z.object({
      amount: z.number(),
      message: z.string().optional(),
    }),
  raid: () =>
    z.object({
      viewerCount: z.number(),
    }),
  merch: () =>
    z.object({
      product: z.string(),
      message: z.string().optional(),
      /** Picture of the product, when given. */
      imageUrl: z.string().optional(),
    }),
  unknown: () => unknownDataSchema,
});
