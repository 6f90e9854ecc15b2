import { readJsonBody } from '../read-json.js';
import { redact, Secret, toSecret } from '@vmsc/core';
import { KICK_ID_URL } from './authorize-url.js';
import { KickAuthError, KickRefreshTokenInvalidError } from './errors.js';

/**
 * Tokens from Kick's `POST /oauth/token`. `accessToken` and `refreshToken` are core `Secret`s: they
 * print as `[redacted]` in logs, JSON and `toString()`; `.reveal()` gives the value (to persist it).
 */
export interface KickTokenSet {
  /** The bearer token for api.kick.com. */
  accessToken: Secret;
  /** The refresh token (none for an App Access Token). It rotates: each refresh returns a new one. */
  refreshToken?: Secret;
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  /** The scopes granted. */
  scopes: string[];
}

/** What every token request needs. */
export interface KickClientOptions {
  /** The app's client id. */
  clientId: string;
  /** The app's client secret (a string or a core `Secret`; never logged). */
  clientSecret: string | Secret;
  /** Default {@link KICK_ID_URL}; a test server in tests. */
  baseUrl?: string;
  /** The clock `expiresAt` is computed with. Default `Date.now`. */
  now?: () => number;
  /** Abort after this many ms. Default 10,000. */
  timeoutMs?: number;
}

/** Options of {@link exchangeKickCode}. */
export interface KickCodeExchangeOptions extends KickClientOptions {
  /** The `code` from the redirect. */
  code: string;
  /** The verifier of the PKCE pair whose challenge was in the authorize URL. */
  codeVerifier: string;
  /** The same redirect URI as in the authorize URL. */
  redirectUri: string;
}

/** Options of {@link refreshKickToken}. */
export interface KickRefreshOptions extends KickClientOptions {
  /** The current refresh token (it becomes invalid once used). */
  refreshToken: string | Secret;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
}

/** `POST {baseUrl}/oauth/token` with a form body; a token set or a {@link KickAuthError}. */
async function requestToken(
  options: KickClientOptions,
  form: Record<string, string>,
  secrets: ReadonlyArray<string | Secret | undefined>,
  grant: 'refresh_token' | 'other',
): Promise<KickTokenSet> {
  const hide = (text: string) => redact(text, [options.clientSecret, ...secrets]);
  const url = new URL('/oauth/token', options.baseUrl ?? KICK_ID_URL).toString();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        ...form,
        client_id: options.clientId,
        client_secret: toSecret(options.clientSecret).reveal(),
      }).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new KickAuthError(`Kick POST /oauth/token failed: ${hide((error as Error).message)}`, 'network', undefined, {
      code: 'KICK_OAUTH_NETWORK',
    });
  }
  const { json } = await readJsonBody(response);
  if (!response.ok) {
    const body = (json ?? {}) as { error?: unknown; error_description?: unknown; message?: unknown };
    const code = typeof body.error === 'string' ? body.error : response.status >= 500 ? 'server_error' : 'invalid_response';
    const described =
      typeof body.error_description === 'string' ? body.error_description : typeof body.message === 'string' ? body.message : '';
    const description = hide(described);
    if (grant === 'refresh_token' && code === 'invalid_grant') throw new KickRefreshTokenInvalidError(description, response.status);
    throw new KickAuthError(
      `Kick refused the token request (HTTP ${response.status}, ${code}${description ? `: ${description}` : ''})`,
      code,
      response.status,
    );
  }
  const body = (json ?? {}) as TokenResponse;
  if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
    throw new KickAuthError('Kick answered the token request without an access_token', 'invalid_response', response.status);
  }
  const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  const set: KickTokenSet = {
    accessToken: new Secret(body.access_token),
    expiresAt: (options.now ?? Date.now)() + expiresIn * 1000,
    scopes: typeof body.scope === 'string' ? body.scope.split(/\s+/).filter((s) => s.length > 0) : [],
  };
  if (typeof body.refresh_token === 'string' && body.refresh_token.length > 0) set.refreshToken = new Secret(body.refresh_token);
  return set;
}

/**
 * Exchanges the redirect's `code` (with the PKCE verifier) for user tokens:
 * `grant_type=authorization_code`. Rejects with {@link KickAuthError} (`invalid_grant` for a wrong
 * verifier, a used or expired code, another redirect URI; `invalid_client` for wrong app credentials).
 */
export function exchangeKickCode(options: KickCodeExchangeOptions): Promise<KickTokenSet> {
  return requestToken(
    options,
    { grant_type: 'authorization_code', code: options.code, redirect_uri: options.redirectUri, code_verifier: options.codeVerifier },
    [options.code, options.codeVerifier],
    'other',
  );
}

/**
 * Trades the refresh token for a new token set (`grant_type=refresh_token`). The old refresh token
 * is invalid afterwards: persist the new one. Rejects with {@link KickRefreshTokenInvalidError} when
 * Kick answers `invalid_grant` (sign in again), {@link KickAuthError} otherwise.
 */
export function refreshKickToken(options: KickRefreshOptions): Promise<KickTokenSet> {
  const refreshToken = toSecret(options.refreshToken);
  return requestToken(options, { grant_type: 'refresh_token', refresh_token: refreshToken.reveal() }, [refreshToken], 'refresh_token');
}

/** An App Access Token (`grant_type=client_credentials`): no user, no refresh token; for public reads, not for chat. */
export function kickAppToken(options: KickClientOptions): Promise<KickTokenSet> {
  return requestToken(options, { grant_type: 'client_credentials' }, [], 'other');
}

/** Options of {@link revokeKickToken}. */
export interface KickRevokeOptions {
  /** The access or refresh token to revoke. */
  token: string | Secret;
  /** Which kind it is (`token_hint_type`). Default `access_token`. */
  hint?: 'access_token' | 'refresh_token';
  /** Default {@link KICK_ID_URL}. */
  baseUrl?: string;
  /** Abort after this many ms. Default 10,000. */
  timeoutMs?: number;
}

/** Revokes a token at `POST {baseUrl}/oauth/revoke` (sign out). Rejects with {@link KickAuthError} when Kick refuses. */
export async function revokeKickToken(options: KickRevokeOptions): Promise<void> {
  const token = toSecret(options.token);
  const url = new URL('/oauth/revoke', options.baseUrl ?? KICK_ID_URL);
  url.search = new URLSearchParams({ token: token.reveal(), token_hint_type: options.hint ?? 'access_token' }).toString();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new KickAuthError(`Kick POST /oauth/revoke failed: ${redact((error as Error).message, [token])}`, 'network', undefined, {
      code: 'KICK_OAUTH_NETWORK',
    });
  }
  await response.text().catch(() => '');
  if (!response.ok) throw new KickAuthError(`Kick refused to revoke the token (HTTP ${response.status})`, 'revoke_failed', response.status);
}
