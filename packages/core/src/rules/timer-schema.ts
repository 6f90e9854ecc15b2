import { z } from 'zod';
import { once } from '../util/lazy-shape.js';

/**
 * The timer trigger (`{ "timer": { "everySeconds": 600, "minChatMessages": 5 } }`): the rule runs
 * every N seconds through the same engine (cooldowns, queues, run reports) with a system event,
 * optionally only while a connector reports the stream live and only after M chat messages since its
 * last run.
 *
 * @packageDocumentation
 */

/** The longest timer period: one day. */
const MAX_PERIOD_S = 86_400;

/** Zod schema of a timer trigger's settings. */
export const timerSchema = once(() =>
  z
    .strictObject({
      /** The period, in seconds (at least 1, at most a day). */
      everySeconds: z.number().int().min(1).max(MAX_PERIOD_S),
      /**
       * A random extra wait of up to this many seconds before each run (default 0), so that timers of
       * the same period do not all post at once.
       */
      jitterSeconds: z.number().int().min(0).max(MAX_PERIOD_S).optional(),
      /**
       * Run only after at least this many chat messages since the timer last ran (default 0): the
       * usual anti-spam rule. The trigger's `sources`, when given, say whose chat counts.
       */
      minChatMessages: z.number().int().min(0).max(100_000).optional(),
      /**
       * Run only while this connector id or source reports the stream live (`engine.isLive`): its
       * last `stream_online` / `stream_offline`, or for a platform without those events (TikTok,
       * YouTube) whether its connector is connected; `engine.setLive` overrides both.
       */
      whileLive: z.string().min(1).optional(),
    })
    .refine((timer) => (timer.jitterSeconds ?? 0) <= timer.everySeconds, {
      message: '"jitterSeconds" may not exceed "everySeconds"',
      path: ['jitterSeconds'],
    }),
);

/** A timer trigger's settings. */
export type TimerSettings = z.output<ReturnType<typeof timerSchema>>;
