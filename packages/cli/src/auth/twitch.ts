import { Secret, systemClock, type Clock } from '@vmsc/core';
import { LoginExpiredError, OAuthRequestError } from './errors.js';
import { oauthErrorCode, oauthErrorText, postForm, type OAuthAnswer } from './oauth-http.js';
import type { StoredLogin } from './token-store.js';

/** Twitch's OAuth server. */
export const TWITCH_OAUTH_URL = 'https://id.twitch.tv/oauth2';

/** What Twitch's device endpoint answered: show `userCode` and `verificationUri` to the user. */
export interface TwitchDeviceCode {
  deviceCode: Secret;
  userCode: string;
  verificationUri: string;
  /** Seconds between polls. */
  interval: number;
  /** Seconds the code stays valid. */
  expiresIn: number;
}

/** Options of the Twitch OAuth functions. */
export interface TwitchOAuthOptions {
  clientId: string;
  /** Only for a confidential app; a public app (device flow) has none. */
  clientSecret?: Secret;
  /** Default {@link TWITCH_OAUTH_URL}; a fake in tests. */
  baseUrl?: string;
  clock?: Clock;
}

function loginFrom(answer: OAuthAnswer, clientId: string, clock: Clock, fallbackScopes: readonly string[]): StoredLogin {
  const { access_token: access, refresh_token: refresh, expires_in: expiresIn, scope } = answer.body;
  if (typeof access !== 'string' || access.length === 0)
    throw new OAuthRequestError('Twitch answered without an access_token', 'invalid_response', answer.status);
  // Twitch gives `scope` as an array; RFC 6749 as a space-separated string.
  const scopes = Array.isArray(scope)
    ? scope.filter((s): s is string => typeof s === 'string')
    : typeof scope === 'string'
      ? scope.split(' ').filter(Boolean)
      : [...fallbackScopes];
  return {
    accessToken: new Secret(access),
    ...(typeof refresh === 'string' && refresh ? { refreshToken: new Secret(refresh) } : {}),
    expiresAt: clock.now() + (typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3600) * 1000,
    scopes,
    clientId,
  };
}

/** `POST {base}/device`: starts a device code sign-in for `scopes`. */
export async function requestTwitchDeviceCode(options: TwitchOAuthOptions, scopes: readonly string[]): Promise<TwitchDeviceCode> {
  const base = options.baseUrl ?? TWITCH_OAUTH_URL;
  const answer = await postForm(`${base}/device`, { client_id: options.clientId, scopes: scopes.join(' ') }, []);
  const b = answer.body;
  if (
    answer.status !== 200 ||
    typeof b.device_code !== 'string' ||
    typeof b.user_code !== 'string' ||
    typeof b.verification_uri !== 'string'
  ) {
    throw new OAuthRequestError(
      `Twitch refused the device code request (HTTP ${answer.status}: ${oauthErrorText(answer, [])})`,
      oauthErrorCode(answer),
      answer.status,
    );
  }
  return {
    deviceCode: new Secret(b.device_code),
    userCode: b.user_code,
    verificationUri: b.verification_uri,
    interval: typeof b.interval === 'number' && b.interval > 0 ? b.interval : 5,
    expiresIn: typeof b.expires_in === 'number' ? b.expires_in : 1800,
  };
}

/**
 * Polls `POST {base}/token` (`grant_type=urn:ietf:params:oauth:grant-type:device_code`) every
 * `interval` seconds until the user approves (RFC 8628 §3.5): `authorization_pending` waits another
 * interval, `slow_down` makes the interval 5 s longer for this and every later poll, `access_denied`
 * and `expired_token` (or the code's lifetime passing) end in an {@link OAuthRequestError}.
 */
export async function pollTwitchDeviceToken(
  options: TwitchOAuthOptions,
  device: TwitchDeviceCode,
  scopes: readonly string[],
  signal?: AbortSignal,
): Promise<StoredLogin> {
  const clock = options.clock ?? systemClock;
  const base = options.baseUrl ?? TWITCH_OAUTH_URL;
  const deadline = clock.now() + device.expiresIn * 1000;
  let interval = device.interval;
  for (;;) {
    await new Promise<void>((resolve, reject) => {
      const timer = clock.setTimeout(resolve, interval * 1000);
      signal?.addEventListener(
        'abort',
        () => {
          clock.clearTimeout(timer);
          reject(new OAuthRequestError('the sign-in was cancelled', 'cancelled'));
        },
        { once: true },
      );
    });
    const answer = await postForm(
      `${base}/token`,
      {
        client_id: options.clientId,
        ...(options.clientSecret ? { client_secret: options.clientSecret.reveal() } : {}),
        scopes: scopes.join(' '),
        device_code: device.deviceCode.reveal(),
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      },
      [device.deviceCode, options.clientSecret],
    );
    if (answer.status === 200) return loginFrom(answer, options.clientId, clock, scopes);
    const code = oauthErrorCode(answer);
    if (code === 'authorization_pending' && clock.now() < deadline) continue;
    if (code === 'slow_down' && clock.now() < deadline) {
      interval += 5;
      continue;
    }
    const why = code === 'authorization_pending' ? 'expired_token' : code;
    throw new OAuthRequestError(
      why === 'access_denied'
        ? 'the Twitch sign-in was denied'
        : why === 'expired_token'
          ? 'the Twitch device code expired before it was approved; run `vmsc auth twitch` again'
          : `Twitch refused the token request (HTTP ${answer.status}, ${why}: ${oauthErrorText(answer, [device.deviceCode])})`,
      why,
      answer.status,
    );
  }
}

/**
 * Refreshes a Twitch login (`grant_type=refresh_token`). A public app's refresh tokens are single-use:
 * the answer's new one must be saved. `invalid_grant` / "Invalid refresh token" → {@link LoginExpiredError}.
 */
export async function refreshTwitchLogin(options: TwitchOAuthOptions, login: StoredLogin & { refreshToken: Secret }): Promise<StoredLogin> {
  const clock = options.clock ?? systemClock;
  const answer = await postForm(
    `${options.baseUrl ?? TWITCH_OAUTH_URL}/token`,
    {
      client_id: options.clientId,
      ...(options.clientSecret ? { client_secret: options.clientSecret.reveal() } : {}),
      grant_type: 'refresh_token',
      refresh_token: login.refreshToken.reveal(),
    },
    [login.refreshToken, options.clientSecret],
  );
  if (answer.status === 200) return loginFrom(answer, options.clientId, clock, login.scopes);
  const code = oauthErrorCode(answer);
  if (code === 'invalid_grant' || (answer.status === 400 && code === 'invalid_response')) {
    throw new LoginExpiredError('twitch', `Twitch refused the refresh token: ${oauthErrorText(answer, [login.refreshToken]) || code}`);
  }
  throw new OAuthRequestError(`Twitch refused the refresh (HTTP ${answer.status}, ${code})`, code, answer.status);
}

/** What `GET /oauth2/validate` says about a token. */
export interface TwitchValidation {
  clientId: string;
  login: string;
  userId: string;
  scopes: string[];
  expiresIn: number;
}

/** `GET {base}/validate`: the token's user, scopes and remaining lifetime; `undefined` on 401 (invalid token). */
export async function validateTwitchToken(token: Secret, baseUrl = TWITCH_OAUTH_URL): Promise<TwitchValidation | undefined> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/validate`, {
      headers: { authorization: `OAuth ${token.reveal()}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new OAuthRequestError(
      `GET ${baseUrl}/validate failed: ${(error as Error).message.split(token.reveal()).join('[redacted]')}`,
      'network',
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401) return undefined;
  if (response.status !== 200)
    throw new OAuthRequestError(`Twitch /oauth2/validate answered HTTP ${response.status}`, 'server_error', response.status);
  return {
    clientId: String(body.client_id ?? ''),
    login: String(body.login ?? ''),
    userId: String(body.user_id ?? ''),
    scopes: Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : [],
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 0,
  };
}
