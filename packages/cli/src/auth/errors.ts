import { AuthError, type VmscErrorOptions } from '@vmsc/core';

/** A platform's OAuth server refused a request or could not be reached. No token or secret is in it. */
export class OAuthRequestError extends AuthError {
  /** The OAuth error code (`invalid_client`, `access_denied`...; `network` / `invalid_response` when none was given). */
  readonly oauthError: string;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;

  constructor(message: string, oauthError: string, status?: number, options?: VmscErrorOptions & { code?: string }) {
    super(message, { ...options, code: options?.code ?? 'OAUTH_REQUEST_FAILED' });
    this.oauthError = oauthError;
    this.status = status;
  }
}

/**
 * The stored login no longer works (the refresh token was revoked, expired or already used, or there
 * is no stored login): the user must sign in again with `vmsc auth <platform>`.
 */
export class LoginExpiredError extends AuthError {
  /** The platform to sign in to again (`twitch`, `youtube`, `kick`). */
  readonly platform: string;

  constructor(platform: string, reason: string, options?: VmscErrorOptions) {
    super(`the ${platform} login is no longer valid (${reason}): run \`vmsc auth ${platform}\` again`, {
      ...options,
      code: 'LOGIN_EXPIRED',
    });
    this.platform = platform;
  }
}
