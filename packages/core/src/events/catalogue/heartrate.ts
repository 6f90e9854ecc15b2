import { z } from 'zod';
import { lazySchemas } from './lazy.js';
import { unknownDataSchema } from './shared.js';

/**
 * The data payload of heart rate events (spec 002, "Heart Rate Events"). Source `"heartrate"`,
 * from Pulsoid or HypeRate.
 */
export const heartrateEvents = lazySchemas({
  bpm_update: () =>
    z.object({
      /** Beats per minute. `0` means the sensor reported no reading (see `inactive`). */
      bpm: z.number(),
      /** When the sensor measured it, Unix epoch milliseconds (time of receipt when the service does not say). */
      measuredAt: z.number(),
      /** Which service relayed the reading (both publish with source `heartrate`). Beyond spec 002. */
      provider: z.enum(['pulsoid', 'hyperate']).optional(),
      /**
       * `true` when the service reported 0 bpm: no device connected, sensor not worn or paused
       * (HypeRate sends `hr: 0` for an inactive session). Published, never dropped; overlays usually
       * hide the value. Absent otherwise. Beyond spec 002.
       */
      inactive: z.boolean().optional(),
    }),
  unknown: () => unknownDataSchema,
});
