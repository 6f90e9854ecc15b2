import { z } from 'zod';
import { emptyDataSchema, unknownDataSchema } from './shared.js';

/**
 * The data payload of every Streamlabs alert type (spec 002, "Streamlabs Events"), keyed by event
 * type. Source `"streamlabs"`.
 */
export const streamlabsEvents = {
  donation: z.object({
    amount: z.number(),
    currency: z.string(),
    message: z.string().optional(),
  }),
  follow: emptyDataSchema,
  subscription: z.object({
    tier: z.string().optional(),
    months: z.number().optional(),
  }),
  host: z.object({
    viewerCount: z.number(),
  }),
  bits: z.object({
    amount: z.number(),
    message: z.string().optional(),
  }),
  raid: z.object({
    viewerCount: z.number(),
  }),
  merch: z.object({
    product: z.string(),
    message: z.string().optional(),
  }),
  unknown: unknownDataSchema,
} as const;
