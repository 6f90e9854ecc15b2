import { randomBytes } from 'node:crypto';
import { createKickPkce } from '@vmsc/connector-kick';
import { Secret, systemClock, type Clock } from '@vmsc/core';
import { LoginExpiredError, OAuthRequestError } from './errors.js';
import { listenForRedirect } from './loopback-redirect.js';
import { oauthErrorCode, oauthErrorText, postForm, type OAuthAnswer } from './oauth-http.js';
import type { StoredLogin } from './token-store.js';

/** Google's OAuth endpoints (overridable for tests). */
export interface GoogleEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  tokenInfoUrl: string;
}

/** Google's real endpoints. */
export const GOOGLE_ENDPOINTS: GoogleEndpoints = {
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  tokenInfoUrl: 'https://oauth2.googleapis.com/tokeninfo',
};

/** The default YouTube scope: read chat and send it. */
export const YOUTUBE_DEFAULT_SCOPES: readonly string[] = ['https://www.googleapis.com/auth/youtube.force-ssl'];

/** Options of the Google OAuth functions. */
export interface GoogleOAuthOptions {
  clientId: string;
  /** Google gives installed apps a client secret (not confidential, but required by the token endpoint). */
  clientSecret: Secret;
  endpoints?: Partial<GoogleEndpoints>;
  clock?: Clock;
}

function endpoints(options: GoogleOAuthOptions): GoogleEndpoints {
  return { ...GOOGLE_ENDPOINTS, ...options.endpoints };
}

function loginFrom(answer: OAuthAnswer, options: GoogleOAuthOptions, fallback: readonly string[]): StoredLogin {
  const { access_token: access, refresh_token: refresh, expires_in: expiresIn, scope } = answer.body;
  if (typeof access !== 'string' || !access)
    throw new OAuthRequestError('Google answered without an access_token', 'invalid_response', answer.status);
  return {
    accessToken: new Secret(access),
    ...(typeof refresh === 'string' && refresh ? { refreshToken: new Secret(refresh) } : {}),
    expiresAt: (options.clock ?? systemClock).now() + (typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3600) * 1000,
    scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [...fallback],
    clientId: options.clientId,
  };
}

/**
 * Signs in with OAuth 2.0 for installed apps (RFC 8252): listens on 127.0.0.1 (any free port), calls
 * `show(url)` with the authorization URL to open in a browser (PKCE S256 challenge, a random `state`,
 * `access_type=offline` for a refresh token), waits for the redirect and exchanges the code with the
 * verifier. Rejects with {@link OAuthRequestError} on a refused sign-in or exchange.
 */
export async function googleLoopbackSignIn(
  options: GoogleOAuthOptions,
  scopes: readonly string[],
  show: (url: string) => void,
  signal?: AbortSignal,
): Promise<StoredLogin> {
  const urls = endpoints(options);
  const pkce = createKickPkce();
  const state = randomBytes(16).toString('base64url');
  const redirect = await listenForRedirect(state, 0, signal);
  try {
    const url = new URL(urls.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: options.clientId,
      redirect_uri: redirect.redirectUri,
      response_type: 'code',
      scope: scopes.join(' '),
      code_challenge: pkce.codeChallenge,
      code_challenge_method: 'S256',
      state,
      access_type: 'offline',
      prompt: 'consent',
    }).toString();
    show(url.toString());
    const code = await redirect.code;
    const answer = await postForm(
      urls.tokenUrl,
      {
        client_id: options.clientId,
        client_secret: options.clientSecret.reveal(),
        code,
        code_verifier: pkce.codeVerifier,
        grant_type: 'authorization_code',
        redirect_uri: redirect.redirectUri,
      },
      [options.clientSecret, code, pkce.codeVerifier],
    );
    if (answer.status !== 200)
      throw new OAuthRequestError(
        `Google refused the code exchange (HTTP ${answer.status}, ${oauthErrorCode(answer)}: ${oauthErrorText(answer, [code])})`,
        oauthErrorCode(answer),
        answer.status,
      );
    return loginFrom(answer, options, scopes);
  } finally {
    redirect.close();
  }
}

/** Refreshes a Google login (`grant_type=refresh_token`; Google keeps the refresh token). `invalid_grant` → {@link LoginExpiredError}. */
export async function refreshGoogleLogin(options: GoogleOAuthOptions, login: StoredLogin & { refreshToken: Secret }): Promise<StoredLogin> {
  const answer = await postForm(
    endpoints(options).tokenUrl,
    {
      client_id: options.clientId,
      client_secret: options.clientSecret.reveal(),
      grant_type: 'refresh_token',
      refresh_token: login.refreshToken.reveal(),
    },
    [options.clientSecret, login.refreshToken],
  );
  if (answer.status === 200) return loginFrom(answer, options, login.scopes);
  const code = oauthErrorCode(answer);
  if (code === 'invalid_grant')
    throw new LoginExpiredError('youtube', `Google refused the refresh token: ${oauthErrorText(answer, [login.refreshToken]) || code}`);
  throw new OAuthRequestError(`Google refused the refresh (HTTP ${answer.status}, ${code})`, code, answer.status);
}
