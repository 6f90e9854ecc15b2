import { defineAction, templated, type ActionDefinition } from '@vmsc/core';
import { MAX_ALERT_DURATION_MS } from '@vmsc/core/protocol';
import { z } from 'zod';
import type { QueuedAlert } from './alert-queue.js';

/**
 * The `overlay` rule action: an alert on the overlays connected to a {@link CustomWsServer}.
 *
 * @packageDocumentation
 */

/** What the action needs of the server (a `CustomWsServer` has it). */
export interface AlertTarget {
  showAlert(alert: { title?: string; message?: string; imageUrl?: string; soundUrl?: string; durationMs?: number }): QueuedAlert;
  /** Overlays connected with `alerts: true`. */
  readonly overlayCount: number;
}

const text = (max: number) => templated(z.string().min(1).max(max));

/** The schema of an `overlay` action (strings are templates rendered against the run). */
export const overlayActionSchema = z
  .strictObject({
    type: z.literal('overlay'),
    title: text(200).optional(),
    message: text(500).optional(),
    imageUrl: text(2_048).optional(),
    soundUrl: text(2_048).optional(),
    durationMs: z.number().int().min(500).max(MAX_ALERT_DURATION_MS).optional(),
  })
  .refine((action) => action.title !== undefined || action.message !== undefined, {
    message: 'an overlay alert needs a "title" or a "message"',
    path: ['title'],
  });

/** An `overlay` action, as validated. */
export type OverlayAction = z.output<typeof overlayActionSchema>;

/** What an `overlay` action's record holds as `output`. */
export interface OverlayActionOutput extends QueuedAlert {
  /** Overlays connected when it was queued. */
  overlays: number;
}

const str = (value: unknown) =>
  value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Builds the `overlay` action type for a server:
 *
 * ```json
 * { "type": "overlay", "title": "{{user.nickname}} followed!", "message": "Welcome to the stream",
 *   "imageUrl": "https://example.com/follow.gif", "soundUrl": "sounds/ding.mp3", "durationMs": 6000 }
 * ```
 *
 * The alert joins the server's queue (one alert on screen at a time). Outcomes: `ok` with
 * {@link OverlayActionOutput} (its id, its position in the queue, when it shows); `skipped` when no
 * overlay is connected (nobody would see it); `failed` with `AlertQueueFullError` when the queue is
 * full, or a `ValidationError` when the rendered alert is not valid (an image URL rendering to
 * `javascript:`...).
 *
 * @example
 * ```ts
 * const server = new CustomWsServer({ bus, engine });
 * engine.registerActionType(overlayAction(server));
 * ```
 */
export function overlayAction(target: AlertTarget): ActionDefinition<typeof overlayActionSchema> {
  return defineAction({
    type: 'overlay',
    schema: overlayActionSchema,
    run(action, context): OverlayActionOutput | ReturnType<typeof context.skip> {
      const overlays = target.overlayCount;
      if (overlays === 0) return context.skip('no overlay is connected (an overlay subscribes with alerts: true)');
      const alert: Parameters<AlertTarget['showAlert']>[0] = {};
      const fields = ['title', 'message', 'imageUrl', 'soundUrl'] as const;
      for (const field of fields) {
        const value = action[field] === undefined ? undefined : str(context.render(action[field]));
        if (value) alert[field] = value;
      }
      if (action.durationMs !== undefined) alert.durationMs = action.durationMs;
      return { ...target.showAlert(alert), overlays };
    },
    preview(action, context) {
      const title = action.title === undefined ? '' : str(context.render(action.title));
      const message = action.message === undefined ? '' : str(context.render(action.message));
      const description = `overlay alert ${JSON.stringify([title, message].filter(Boolean).join(' — '))}`;
      return target.overlayCount === 0 ? { description, problem: 'no overlay is connected' } : { description };
    },
  });
}
