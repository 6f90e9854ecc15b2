import { z } from 'zod';

/**
 * Overlay alerts of the custom WebSocket protocol: what a rule's `overlay` action (or
 * `CustomWsServer.showAlert`) shows on the connected overlays, one at a time.
 *
 * @packageDocumentation
 */

/** The longest an alert may stay on screen: 60 s. */
export const MAX_ALERT_DURATION_MS = 60_000;

/** How long an alert stays when it does not say: 5 s. */
export const DEFAULT_ALERT_DURATION_MS = 5_000;

/** An http(s) URL or a path relative to the overlay page (`sounds/ding.mp3`), never `javascript:` or `data:`. */
const mediaUrl = z
  .string()
  .min(1)
  .max(2_048)
  .refine((value) => /^https?:\/\//i.test(value) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value), {
    message: 'must be an http(s) URL or a relative path',
  });

/** An alert to show: a title and/or a message, an optional image and sound, how long it stays. */
export const overlayAlertInputSchema = z
  .strictObject({
    title: z.string().max(200).optional(),
    message: z.string().max(500).optional(),
    imageUrl: mediaUrl.optional(),
    soundUrl: mediaUrl.optional(),
    /** Default {@link DEFAULT_ALERT_DURATION_MS}; at most {@link MAX_ALERT_DURATION_MS}. */
    durationMs: z.number().int().min(500).max(MAX_ALERT_DURATION_MS).optional(),
  })
  .refine((alert) => Boolean(alert.title || alert.message), { message: 'an alert needs a "title" or a "message"', path: ['title'] });

/** An alert to show (see {@link overlayAlertInputSchema}). */
export type OverlayAlertInput = z.input<typeof overlayAlertInputSchema>;

/** An alert as overlays receive it: with its id and its duration. */
export const overlayAlertSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  message: z.string().optional(),
  imageUrl: z.string().optional(),
  soundUrl: z.string().optional(),
  durationMs: z.number().int().positive(),
});

/** An alert as overlays receive it. */
export type OverlayAlert = z.output<typeof overlayAlertSchema>;

/**
 * `alert` (server → client): show this alert now. Sent only to connections that subscribed with
 * `alerts: true`, one alert at a time: the next follows when this one's `durationMs` is over.
 */
export const alertMessageSchema = z.object({
  action: z.literal('alert'),
  alert: overlayAlertSchema,
});

/** `alert` (server → client). */
export type AlertMessage = z.output<typeof alertMessageSchema>;
