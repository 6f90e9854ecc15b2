import { randomBytes } from 'node:crypto';
import {
  createKickPkce,
  exchangeKickCode,
  kickAuthorizeUrl,
  KickRefreshTokenInvalidError,
  KickTokenProvider,
  type KickTokenSet,
} from '@vmsc/connector-kick';
import type { Clock, Secret } from '@vmsc/core';
import { LoginExpiredError } from './errors.js';
import { listenForRedirect } from './loopback-redirect.js';
import type { StoredLogin, TokenStore } from './token-store.js';

/** The port `vmsc auth kick` listens on by default: register `http://127.0.0.1:7896` as the app's redirect URL. */
export const KICK_REDIRECT_PORT = 7896;

/** The default Kick scopes: read the user, send chat. */
export const KICK_DEFAULT_SCOPES: readonly string[] = ['user:read', 'chat:write'];

/** Options of the Kick sign-in. */
export interface KickSignInOptions {
  clientId: string;
  clientSecret: Secret;
  /** Kick's OAuth server (default `https://id.kick.com`). */
  baseUrl?: string;
  /** The loopback port (Kick wants the exact redirect URL registered). Default {@link KICK_REDIRECT_PORT}. */
  port?: number;
  clock?: Clock;
}

function toLogin(tokens: KickTokenSet, clientId: string): StoredLogin {
  return {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    expiresAt: tokens.expiresAt,
    scopes: tokens.scopes,
    clientId,
  };
}

/**
 * Kick's OAuth 2.1 sign-in (authorization code + PKCE S256, `@vmsc/connector-kick`'s functions):
 * listens on 127.0.0.1, calls `show(url)`, waits for the redirect (state checked) and exchanges the code.
 */
export async function kickLoopbackSignIn(
  options: KickSignInOptions,
  scopes: readonly string[],
  show: (url: string) => void,
  signal?: AbortSignal,
): Promise<StoredLogin> {
  const pkce = createKickPkce();
  const state = randomBytes(16).toString('base64url');
  const redirect = await listenForRedirect(state, options.port ?? KICK_REDIRECT_PORT, signal);
  try {
    const base = options.baseUrl ? { baseUrl: options.baseUrl } : {};
    show(
      kickAuthorizeUrl({
        clientId: options.clientId,
        redirectUri: redirect.redirectUri,
        scopes,
        state,
        codeChallenge: pkce.codeChallenge,
        ...base,
      }),
    );
    const code = await redirect.code;
    const tokens = await exchangeKickCode({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      code,
      codeVerifier: pkce.codeVerifier,
      redirectUri: redirect.redirectUri,
      ...base,
      ...(options.clock ? { now: () => options.clock!.now() } : {}),
    });
    return toLogin(tokens, options.clientId);
  } finally {
    redirect.close();
  }
}

/**
 * The Kick connector's chat token from the saved login: `@vmsc/connector-kick`'s own
 * {@link KickTokenProvider} (refreshes before expiry and after a 401, single-flight), saving each
 * rotated token set to the store; a refused refresh token becomes {@link LoginExpiredError}.
 */
export function kickLoginProvider(
  store: TokenStore,
  options: Omit<KickSignInOptions, 'port'>,
  onError: (error: Error) => void,
): KickTokenProvider | undefined {
  const login = store.get('kick');
  if (!login) return undefined;
  class StoredKickLogin extends KickTokenProvider {
    override refresh(rejected?: Secret): Promise<KickTokenSet> {
      return super.refresh(rejected).catch((error: unknown) => {
        if (error instanceof KickRefreshTokenInvalidError)
          throw new LoginExpiredError('kick', 'Kick refused the refresh token', { cause: error });
        throw error;
      });
    }
  }
  return new StoredKickLogin({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.clock ? { now: () => options.clock!.now() } : {}),
    refreshMarginMs: 300_000,
    tokens: {
      accessToken: login.accessToken,
      ...(login.refreshToken ? { refreshToken: login.refreshToken } : {}),
      expiresAt: login.expiresAt,
      scopes: login.scopes,
    },
    onTokens: (tokens) => store.set('kick', toLogin(tokens, options.clientId)).catch((error: Error) => onError(error)),
  });
}
