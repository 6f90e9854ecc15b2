import { AuthError, ConnectionError, NotFoundError, PlatformBlockedError, RateLimitedError, type VmscErrorOptions } from '@vmsc/core';

/**
 * The typed errors of the TikTok connector: each says what the user can do about it.
 *
 * @packageDocumentation
 */

/**
 * The user is not live (room status 4). With `waitUntilLive` the connector keeps polling instead of
 * stopping. Code `TIKTOK_USER_OFFLINE`.
 */
export class TikTokUserOfflineError extends NotFoundError {
  constructor(message = 'the TikTok user is not live', options?: VmscErrorOptions) {
    super(message, { ...options, code: 'TIKTOK_USER_OFFLINE' });
  }
}

/**
 * No room id could be found for the uniqueId: the user does not exist or cannot go LIVE. Code
 * `TIKTOK_ROOM_NOT_FOUND`.
 */
export class TikTokRoomNotFoundError extends NotFoundError {
  constructor(message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'TIKTOK_ROOM_NOT_FOUND' });
  }
}

/**
 * TikTok refused the room id lookup (captcha or WAF page instead of `SIGI_STATE`, HTTP 403): your
 * IP or country may be blocked. Pass `roomId` yourself, or use another network. Code
 * `TIKTOK_BLOCKED`.
 */
export class TikTokBlockedError extends PlatformBlockedError {
  constructor(message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'TIKTOK_BLOCKED' });
  }
}

/**
 * The Sign API answered 429. `retryAfterMs` comes from its `Retry-After` header when it sends one;
 * the connector waits at least that long. Code `TIKTOK_SIGN_RATE_LIMITED`.
 */
export class SignApiRateLimitError extends RateLimitedError {
  /** The plan label the Sign API named (`limit_label`), if any. */
  readonly limitLabel: string | undefined;

  constructor(message: string, options?: VmscErrorOptions & { retryAfterMs?: number; limitLabel?: string }) {
    super(message, { ...options, code: 'TIKTOK_SIGN_RATE_LIMITED' });
    this.limitLabel = options?.limitLabel;
  }
}

/** The Sign API refused the API key (401/403). Code `TIKTOK_SIGN_KEY_INVALID`. */
export class SignApiKeyError extends AuthError {
  constructor(message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'TIKTOK_SIGN_KEY_INVALID' });
  }
}

/** The Sign API says the request needs a paid plan (402). Code `TIKTOK_SIGN_PAID_FEATURE`. */
export class SignApiPaidFeatureError extends AuthError {
  constructor(message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'TIKTOK_SIGN_PAID_FEATURE' });
  }
}

/**
 * The Sign API failed in a way that retrying may fix (5xx, no cookies, empty body, missing cursor
 * or push server, network). Code `TIKTOK_SIGN_FAILED`.
 */
export class SignApiError extends ConnectionError {
  /** The HTTP status, when there was a response. */
  readonly httpStatus: number | undefined;

  constructor(message: string, options?: VmscErrorOptions & { httpStatus?: number }) {
    super(message, { ...options, code: 'TIKTOK_SIGN_FAILED' });
    this.httpStatus = options?.httpStatus;
  }
}

/**
 * TikTok answered the WebSocket upgrade with HTTP 200 and `handshake-status` / `handshake-msg`
 * headers instead of 101 (`415 DEVICE_BLOCKED`, `417 illegal app_id`, private or 18+ rooms...).
 * Terminal: retrying with the same setup will not help. Code `TIKTOK_HANDSHAKE_REJECTED`.
 */
export class HandshakeRejectedError extends PlatformBlockedError {
  /** The `handshake-status` header (e.g. `415`), or the HTTP status when the header is absent. */
  readonly handshakeStatus: string;
  /** The `handshake-msg` header (e.g. `DEVICE_BLOCKED`). */
  readonly handshakeMessage: string;

  constructor(handshakeStatus: string, handshakeMessage: string, options?: VmscErrorOptions) {
    super(`TikTok rejected the WebSocket handshake: ${handshakeStatus} ${handshakeMessage}`.trim(), {
      ...options,
      code: 'TIKTOK_HANDSHAKE_REJECTED',
    });
    this.handshakeStatus = handshakeStatus;
    this.handshakeMessage = handshakeMessage;
  }
}
