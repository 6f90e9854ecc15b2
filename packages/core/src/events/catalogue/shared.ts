import { z } from 'zod';
import { lazyShape, once } from '../../util/lazy-shape.js';

/**
 * Schema pieces that several platforms' catalogues reuse.
 *
 * @packageDocumentation
 */

/** A reference to another user or channel inside an event's data (a raider, a gift recipient...). */
export const userRefSchema = z.object(
  lazyShape(() => ({
    /** Stable platform user id. */
    id: z.string(),
    /** Login / handle. */
    username: z.string(),
    /** Display name. */
    nickname: z.string(),
  })),
);

/**
 * One emote of a chat message with its name. Chat events carry `emotes` as the list of emote ids
 * (the catalogue's `string[]`) and, where the platform gives names, `emoteDetails` with these.
 */
export const emoteDetailSchema = z.object(
  lazyShape(() => ({
    id: z.string(),
    name: z.string(),
  })),
);

/** Data of a message that no mapping covers: surfaced instead of dropped. */
export const unknownDataSchema = z.object(
  lazyShape(() => ({
    /** The platform's own name for the message (event name, method, `type` field...). */
    kind: z.string(),
    /** The message as it arrived, after transport decoding (JSON parsed, protobuf decoded). */
    payload: z.unknown(),
    /** Why it was not mapped, when known. */
    reason: z.string().optional(),
  })),
);

/** Data of `stream_offline`: the stream ended. */
export const streamOfflineDataSchema = once(() =>
  z.object({
    /** Platform's reason or signal name, when given (e.g. `chatEndedEvent`, `control:3`). */
    reason: z.string().optional(),
  }),
);

/** Data of `stream_online` for platforms that announce a stream start. */
export const streamOnlineDataSchema = once(() =>
  z.object({
    /** When the stream started, Unix epoch milliseconds. */
    startedAt: z.number(),
  }),
);

/** An empty payload (events with no data fields of their own, e.g. `follow`). */
export const emptyDataSchema = once(() => z.object({}));
