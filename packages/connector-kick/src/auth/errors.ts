import { AuthError, type VmscErrorOptions } from '@vmsc/core';

/**
 * Kick's OAuth server refused a request (`{ error, error_description }`), or could not be reached.
 * `oauthError` is the OAuth error code (`invalid_grant`, `invalid_client`, `invalid_request`...;
 * `network` / `server_error` / `invalid_response` when Kick gave none). No token or secret is in it.
 */
export class KickAuthError extends AuthError {
  /** The OAuth `error` code. */
  readonly oauthError: string;
  /** The HTTP status, when Kick answered. */
  readonly status: number | undefined;

  constructor(message: string, oauthError: string, status?: number, options?: VmscErrorOptions & { code?: string }) {
    super(message, { ...options, code: options?.code ?? 'KICK_OAUTH_ERROR' });
    this.oauthError = oauthError;
    this.status = status;
  }
}

/**
 * The refresh token is no longer valid (Kick answered `invalid_grant`: revoked, expired, or already
 * used: refresh tokens rotate): the user must sign in again.
 */
export class KickRefreshTokenInvalidError extends KickAuthError {
  constructor(description: string, status?: number, options?: VmscErrorOptions) {
    super(
      `Kick refused the refresh token (invalid_grant${description ? `: ${description}` : ''}); it was revoked, expired or already used. ` +
        'Sign in to Kick again to get new tokens.',
      'invalid_grant',
      status,
      { ...options, code: 'KICK_REFRESH_TOKEN_INVALID' },
    );
  }
}
