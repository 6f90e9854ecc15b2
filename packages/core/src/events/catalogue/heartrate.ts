import { z } from 'zod';
import { unknownDataSchema } from './shared.js';

/**
 * The data payload of heart rate events (spec 002, "Heart Rate Events"). Source `"heartrate"`,
 * from Pulsoid or HypeRate.
 */
export const heartrateEvents = {
  bpm_update: z.object({
    /** Beats per minute. */
    bpm: z.number(),
    /** When the sensor measured it, Unix epoch milliseconds. */
    measuredAt: z.number(),
  }),
  unknown: unknownDataSchema,
} as const;
