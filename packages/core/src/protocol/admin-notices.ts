import { z } from 'zod';

/**
 * `deduped` (server → client, VMSC extension): the hub's bus dropped an event as a duplicate,
 * pushed to admin connections that subscribed with `adminSubscribe { notices: true }` (the
 * dashboard's "duplicates" notices): which copy was kept, which was dropped, and why.
 *
 * @packageDocumentation
 */

/** An event as a dedupe notice names it. */
const eventRef = z.object({ id: z.string(), type: z.string(), source: z.string(), timestamp: z.number() });

/** `deduped` (server → client): an event dropped as a duplicate of another. */
export const dedupedMessageSchema = /* @__PURE__ */ z.object({
  action: z.literal('deduped'),
  /** `same-id` (the same event id twice) or `cross-source` (the same event from two sources). */
  reason: z.enum(['same-id', 'cross-source']),
  /** The copy that was (or will be) delivered. */
  kept: eventRef,
  /** The copy that was not delivered. */
  dropped: eventRef,
  /** A sentence explaining the decision (the identity that matched, the source priority). */
  detail: z.string(),
});

/** `deduped` (server → client). */
export type DedupedMessage = z.output<typeof dedupedMessageSchema>;
