import type { FakeKickOAuthServer } from '@vmsc/testing';
import { createKickPkce, exchangeKickCode, kickAuthorizeUrl, type KickTokenSet } from '../src/index.js';

export const REDIRECT = 'http://127.0.0.1:53682/callback';
export const SECRET = 'fake-client-secret';
export const CLIENT = 'fake-client-id';

/** Opens the authorize URL as a browser would (no redirect following); the redirect's URL. */
export async function authorize(oauth: FakeKickOAuthServer, codeChallenge: string, scopes = ['user:read', 'chat:write'], state = 'st-123') {
  const response = await fetch(
    kickAuthorizeUrl({ clientId: CLIENT, redirectUri: REDIRECT, scopes, state, codeChallenge, baseUrl: oauth.url }),
    {
      redirect: 'manual',
    },
  );
  return { status: response.status, location: new URL(response.headers.get('location') ?? 'http://invalid/') };
}

/** The whole sign-in against the fake: tokens with the given scopes. */
export async function signIn(oauth: FakeKickOAuthServer, now?: () => number): Promise<KickTokenSet> {
  const pkce = createKickPkce();
  const { location } = await authorize(oauth, pkce.codeChallenge);
  return exchangeKickCode({
    clientId: CLIENT,
    clientSecret: SECRET,
    code: location.searchParams.get('code')!,
    codeVerifier: pkce.codeVerifier,
    redirectUri: REDIRECT,
    baseUrl: oauth.url,
    ...(now ? { now } : {}),
  });
}
