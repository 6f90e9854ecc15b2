import { z } from 'zod';
import { lazyShape } from '../util/lazy-shape.js';

/**
 * Optional delivery metadata of a {@link StreamEvent}, beyond spec 002's fields (which it leaves
 * untouched). Connectors fill what they know; the bus uses it for duplicate suppression.
 */
export const eventMetaSchema = z.object(
  lazyShape(() => ({
    /**
     * The platform the event happened on, when it differs from `source`: an aggregator such as
     * StreamElements relaying a Twitch follow sets `platform: "twitch"`.
     */
    platform: z.string().optional(),
    /** The platform's own id of the message/event (EventSub `message_id`, TikTok `msgId`...). */
    platformMessageId: z.string().optional(),
    /** The channel (login, slug, room id) the event belongs to, for connectors that watch several. */
    channel: z.string().optional(),
    /** A test alert (StreamElements `event:test`, Streamlabs test alerts). */
    test: z.boolean().optional(),
    /** Part of a history/backlog batch replayed on connect, not live. */
    history: z.boolean().optional(),
    /** Injected by a person or tool to simulate an event (custom WS `injectEvent`, `vmsc simulate`). */
    simulated: z.boolean().optional(),
  })),
);

/** Delivery metadata of an event. */
export type EventMeta = z.output<typeof eventMetaSchema>;
