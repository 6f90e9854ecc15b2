import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, VmscError } from '@vmsc/core';
import { closeAllFakes, startKickOAuthFake } from '@vmsc/testing';
import {
  createKickPkce,
  exchangeKickCode,
  kickAppToken,
  kickAuthorizeUrl,
  kickPkceChallenge,
  KickAuthError,
  KickRefreshTokenInvalidError,
  refreshKickToken,
  revokeKickToken,
} from '../src/index.js';
import { authorize, CLIENT, REDIRECT, SECRET, signIn } from './oauth-helpers.js';

afterEach(closeAllFakes);

describe('PKCE and the authorize URL', () => {
  it('matches the RFC 7636 appendix B test vector', () => {
    expect(kickPkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43–128 character verifier and its S256 challenge', () => {
    const a = createKickPkce();
    const b = createKickPkce();
    expect(a.method).toBe('S256');
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(a.codeChallenge).toBe(kickPkceChallenge(a.codeVerifier));
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
  });

  it('builds GET /oauth/authorize with every parameter, scopes space-separated', () => {
    const url = new URL(
      kickAuthorizeUrl({ clientId: 'cid', redirectUri: REDIRECT, scopes: ['user:read', 'chat:write'], state: 's t', codeChallenge: 'ch' }),
    );
    expect(url.origin + url.pathname).toBe('https://id.kick.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: REDIRECT,
      scope: 'user:read chat:write',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 's t',
    });
  });
});

describe('the code exchange, refresh and app token against the OAuth fake', () => {
  it('the authorize redirect carries state and a code; the code and verifier give user tokens with the scopes', async () => {
    const oauth = await startKickOAuthFake();
    const pkce = createKickPkce();
    const { status, location } = await authorize(oauth, pkce.codeChallenge, ['chat:write'], 'xyz');
    expect(status).toBe(302);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/.{10,}/);
    const before = Date.now();
    const tokens = await exchangeKickCode({
      clientId: CLIENT,
      clientSecret: SECRET,
      code,
      codeVerifier: pkce.codeVerifier,
      redirectUri: REDIRECT,
      baseUrl: oauth.url,
    });
    expect(tokens.scopes).toEqual(['chat:write']);
    expect(tokens.refreshToken).toBeDefined();
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(oauth.isValidAccessToken(tokens.accessToken.reveal(), 'chat:write')).toBe(true);
    // A code is single-use.
    const again = await exchangeKickCode({
      clientId: CLIENT,
      clientSecret: SECRET,
      code,
      codeVerifier: pkce.codeVerifier,
      redirectUri: REDIRECT,
      baseUrl: oauth.url,
    }).catch((e: unknown) => e);
    expect(again).toMatchObject({ oauthError: 'invalid_grant', status: 400 });
  });

  it('refuses a wrong verifier (invalid_grant) and wrong client credentials (invalid_client); errors are typed', async () => {
    const oauth = await startKickOAuthFake();
    const pkce = createKickPkce();
    const code = (await authorize(oauth, pkce.codeChallenge)).location.searchParams.get('code')!;
    const wrong = await exchangeKickCode({
      clientId: CLIENT,
      clientSecret: SECRET,
      code,
      codeVerifier: createKickPkce().codeVerifier,
      redirectUri: REDIRECT,
      baseUrl: oauth.url,
    }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(KickAuthError);
    expect(wrong).toBeInstanceOf(AuthError);
    expect(wrong).toBeInstanceOf(VmscError);
    expect(wrong).toMatchObject({ oauthError: 'invalid_grant', code: 'KICK_OAUTH_ERROR' });
    expect(wrong).not.toBeInstanceOf(KickRefreshTokenInvalidError);
    const badClient = await kickAppToken({ clientId: CLIENT, clientSecret: 'not-the-secret', baseUrl: oauth.url }).catch((e: unknown) => e);
    expect(badClient).toMatchObject({ oauthError: 'invalid_client', status: 401 });
  });

  it('a refresh rotates the refresh token: the old one is then invalid_grant, a KickRefreshTokenInvalidError saying to sign in again', async () => {
    const oauth = await startKickOAuthFake();
    const first = await signIn(oauth);
    const second = await refreshKickToken({
      clientId: CLIENT,
      clientSecret: SECRET,
      refreshToken: first.refreshToken!,
      baseUrl: oauth.url,
    });
    expect(second.refreshToken!.reveal()).not.toBe(first.refreshToken!.reveal());
    expect(second.accessToken.reveal()).not.toBe(first.accessToken.reveal());
    expect(second.scopes).toEqual(['user:read', 'chat:write']);
    expect(oauth.refreshCount).toBe(1);
    const reused = await refreshKickToken({
      clientId: CLIENT,
      clientSecret: SECRET,
      refreshToken: first.refreshToken!,
      baseUrl: oauth.url,
    }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(KickRefreshTokenInvalidError);
    expect(reused).toMatchObject({ oauthError: 'invalid_grant', code: 'KICK_REFRESH_TOKEN_INVALID' });
    expect((reused as Error).message).toMatch(/sign in to Kick again/i);
    // The new one still works.
    await expect(
      refreshKickToken({ clientId: CLIENT, clientSecret: SECRET, refreshToken: second.refreshToken!, baseUrl: oauth.url }),
    ).resolves.toMatchObject({ scopes: ['user:read', 'chat:write'] });
  });

  it('a revoked refresh token is a KickRefreshTokenInvalidError; revokeKickToken revokes an access token', async () => {
    const oauth = await startKickOAuthFake();
    const tokens = await signIn(oauth);
    await revokeKickToken({ token: tokens.refreshToken!, hint: 'refresh_token', baseUrl: oauth.url });
    await expect(
      refreshKickToken({ clientId: CLIENT, clientSecret: SECRET, refreshToken: tokens.refreshToken!, baseUrl: oauth.url }),
    ).rejects.toBeInstanceOf(KickRefreshTokenInvalidError);
    expect(oauth.isValidAccessToken(tokens.accessToken.reveal())).toBe(true);
    await revokeKickToken({ token: tokens.accessToken, baseUrl: oauth.url });
    expect(oauth.isValidAccessToken(tokens.accessToken.reveal())).toBe(false);
  });

  it('client credentials give an App Access Token without a refresh token', async () => {
    const oauth = await startKickOAuthFake({ tokenLifetimeSec: 120 });
    const app = await kickAppToken({ clientId: CLIENT, clientSecret: SECRET, baseUrl: oauth.url, now: () => 1_000 });
    expect(app.refreshToken).toBeUndefined();
    expect(app.expiresAt).toBe(1_000 + 120_000);
    expect(oauth.accessTokens.at(-1)).toMatchObject({ kind: 'app', token: app.accessToken.reveal() });
  });

  it('no token, code, verifier or client secret in errors, strings, JSON or inspect', async () => {
    const oauth = await startKickOAuthFake();
    const tokens = await signIn(oauth);
    const pkce = createKickPkce();
    const code = (await authorize(oauth, pkce.codeChallenge)).location.searchParams.get('code')!;
    const failures = [
      await exchangeKickCode({
        clientId: CLIENT,
        clientSecret: SECRET,
        code,
        codeVerifier: 'x'.repeat(43),
        redirectUri: REDIRECT,
        baseUrl: oauth.url,
      }).catch((e: unknown) => e),
      await refreshKickToken({
        clientId: CLIENT,
        clientSecret: 'wrong-secret-value',
        refreshToken: tokens.refreshToken!,
        baseUrl: oauth.url,
      }).catch((e: unknown) => e),
      await refreshKickToken({ clientId: CLIENT, clientSecret: SECRET, refreshToken: 'krt_made-up-refresh', baseUrl: oauth.url }).catch(
        (e: unknown) => e,
      ),
      // Nothing listens on port 9 of loopback: a network failure.
      await refreshKickToken({
        clientId: CLIENT,
        clientSecret: SECRET,
        refreshToken: tokens.refreshToken!,
        baseUrl: 'http://127.0.0.1:9',
      }).catch((e: unknown) => e),
    ];
    expect(failures.every((f) => f instanceof KickAuthError)).toBe(true);
    expect(failures[3]).toMatchObject({ oauthError: 'network' });
    const texts = [
      ...failures.flatMap((f) => [String(f), JSON.stringify(f), inspect(f), (f as Error).stack ?? '']),
      String(tokens.accessToken),
      JSON.stringify(tokens),
      inspect(tokens),
    ];
    for (const text of texts) {
      for (const secret of [
        SECRET,
        'wrong-secret-value',
        'krt_made-up-refresh',
        code,
        pkce.codeVerifier,
        tokens.accessToken.reveal(),
        tokens.refreshToken!.reveal(),
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
