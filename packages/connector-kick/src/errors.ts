import { AuthError, NotFoundError, PlatformBlockedError, ProtocolError, RateLimitedError, type VmscErrorOptions } from '@vmsc/core';

/**
 * Kick's unofficial channel lookup (`/api/v2/channels/{slug}`) answered 403 (Cloudflare's
 * challenge page). The message says which ids to pass instead.
 */
export class KickLookupBlockedError extends PlatformBlockedError {
  /** The slug that could not be looked up. */
  readonly slug: string;

  constructor(slug: string, status: number, options?: VmscErrorOptions) {
    super(
      `Kick's channel lookup for "${slug}" was refused with HTTP ${status} (Cloudflare blocks server clients on ` +
        `kick.com/api). Pass the ids yourself instead: new KickConnector({ bus, channel: { slug: "${slug}", ` +
        `chatroomId: <chatroom.id>, channelId: <id> } }). Both numbers are in https://kick.com/api/v2/channels/${slug} ` +
        `opened in a browser: "chatroom": { "id": ... } is the chatroomId, the top-level "id" is the channelId.`,
      { ...options, code: 'KICK_LOOKUP_BLOCKED' },
    );
    this.slug = slug;
  }
}

/**
 * Kick's channel lookup answered 429. Retried by {@link KickConnector} after `retryAfterMs` (from the
 * `Retry-After` header) or the backoff, whichever is longer.
 */
export class KickLookupRateLimitedError extends RateLimitedError {
  /** The slug whose lookup was rate limited. */
  readonly slug: string;

  constructor(slug: string, retryAfterMs: number | undefined, options?: VmscErrorOptions) {
    super(
      `Kick's channel lookup for "${slug}" was rate limited (HTTP 429)` +
        (retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`),
      { ...options, retryAfterMs, code: 'KICK_LOOKUP_RATE_LIMITED' },
    );
    this.slug = slug;
  }
}

/** The channel slug does not exist on Kick (lookup answered 404). */
export class KickChannelNotFoundError extends NotFoundError {
  constructor(slug: string, options?: VmscErrorOptions) {
    super(`Kick channel "${slug}" does not exist`, { ...options, code: 'KICK_CHANNEL_NOT_FOUND' });
  }
}

/** Pusher refused the app key (close code 4001) and no working key could be negotiated. */
export class KickAppKeyError extends AuthError {
  constructor(message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'KICK_APP_KEY_REJECTED' });
  }
}

/** Pusher closed the connection with a code that says not to reconnect unchanged (4000–4099). */
export class KickConnectionRefusedError extends ProtocolError {
  /** The Pusher close / error code. */
  readonly closeCode: number;

  constructor(code: number, message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'KICK_CONNECTION_REFUSED' });
    this.closeCode = code;
  }
}
