import { z } from 'zod';
import { lazyShape } from '../util/lazy-shape.js';

/**
 * The user an event is about (spec 002). Stream-level events (viewer counts, stream start/end)
 * carry the {@link systemUser} placeholder.
 */
export const streamUserSchema = z.object(
  lazyShape(() => ({
    /** Stable platform user id. Cooldowns and dedupe key on this, never on names. */
    id: z.string(),
    /** Login / handle. */
    username: z.string(),
    /** Display name. */
    nickname: z.string(),
    profilePictureUrl: z.string().optional(),
    /** 0 = none, 1 = follower, 2 = friend. */
    followRole: z.number().int().min(0).max(2).optional(),
    isModerator: z.boolean().optional(),
    isSubscriber: z.boolean().optional(),
  })),
);

/** The user of an event. */
export type StreamUser = z.output<typeof streamUserSchema>;

/** The id of the placeholder user of stream-level events. */
export const SYSTEM_USER_ID = 'system';

/**
 * The placeholder user of stream-level events (`viewer_count`, `stream_offline`...), which have no
 * real viewer behind them.
 */
export function systemUser(): StreamUser {
  return { id: SYSTEM_USER_ID, username: 'system', nickname: 'System' };
}

/** The id of the placeholder user of viewer events whose viewer the platform did not name. */
export const ANONYMOUS_USER_ID = 'anonymous';

/**
 * The placeholder user of a viewer event without a named viewer: an anonymous Twitch cheer or gift,
 * a Kick follow (Kick's public feed sends `username: null`), a TikTok message without a user. Unlike
 * {@link systemUser}, a real viewer is behind it.
 */
export function anonymousUser(): StreamUser {
  return { id: ANONYMOUS_USER_ID, username: 'anonymous', nickname: 'Anonymous' };
}
