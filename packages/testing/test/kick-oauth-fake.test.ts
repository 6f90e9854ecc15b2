import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, startKickApiFake, startKickOAuthFake } from '@vmsc/testing';

afterEach(() => closeAllFakes());

const VERIFIER = 'v'.repeat(50);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const REDIRECT = 'http://127.0.0.1:1/cb';

async function token(url: string, form: Record<string, string>) {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'fake-client-id', client_secret: 'fake-client-secret', ...form }).toString(),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function code(url: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'fake-client-id',
    redirect_uri: REDIRECT,
    scope: 'chat:write',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    state: 's1',
    ...params,
  });
  const response = await fetch(`${url}/oauth/authorize?${query}`, { redirect: 'manual' });
  return new URL(response.headers.get('location')!);
}

describe('Kick OAuth fake', () => {
  it('authorize redirects with code and state; a bad method redirects with an OAuth error', async () => {
    const oauth = await startKickOAuthFake();
    const ok = await code(oauth.url);
    expect(ok.searchParams.get('state')).toBe('s1');
    expect(ok.searchParams.get('code')).toBeTruthy();
    const bad = await code(oauth.url, { code_challenge_method: 'plain' });
    expect(Object.fromEntries(bad.searchParams)).toMatchObject({ state: 's1', error: 'invalid_request' });
  });

  it('token: PKCE checked, Bearer answer with expires_in, rotation, client credentials, unknown grant', async () => {
    const oauth = await startKickOAuthFake({ tokenLifetimeSec: 30 });
    const c = (await code(oauth.url)).searchParams.get('code')!;
    expect(
      await token(oauth.url, { grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT, code_verifier: 'w'.repeat(50) }),
    ).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant' },
    });
    const c2 = (await code(oauth.url)).searchParams.get('code')!;
    const user = await token(oauth.url, { grant_type: 'authorization_code', code: c2, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(user).toMatchObject({
      status: 200,
      json: { token_type: 'Bearer', expires_in: 30, scope: 'chat:write', refresh_token: expect.any(String) },
    });
    const refreshed = await token(oauth.url, { grant_type: 'refresh_token', refresh_token: user.json.refresh_token as string });
    expect(refreshed.status).toBe(200);
    expect(await token(oauth.url, { grant_type: 'refresh_token', refresh_token: user.json.refresh_token as string })).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant' },
    });
    expect(oauth.refreshCount).toBe(1);
    expect((await token(oauth.url, { grant_type: 'client_credentials' })).json).not.toHaveProperty('refresh_token');
    expect(await token(oauth.url, { grant_type: 'password' })).toMatchObject({ status: 400, json: { error: 'unsupported_grant_type' } });
    expect(await token(oauth.url, { grant_type: 'client_credentials', client_secret: 'nope' })).toMatchObject({
      status: 401,
      json: { error: 'invalid_client' },
    });
  });

  it('the API fake chat accepts its valid tokens only: expired or revoked get 401; introspect says active', async () => {
    const oauth = await startKickOAuthFake();
    const api = await startKickApiFake();
    api.acceptChatToken((t) => oauth.isValidAccessToken(t, 'chat:write'));
    const c = (await code(oauth.url)).searchParams.get('code')!;
    const { json } = await token(oauth.url, { grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    const send = (bearer: string) =>
      fetch(`${api.url}/public/v1/chat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'hi', type: 'bot' }),
      }).then((r) => r.status);
    const access = json.access_token as string;
    expect(await send(access)).toBe(200);
    expect(await send('kick-test-token')).toBe(401);
    const introspect = await fetch(`${oauth.url}/oauth/token/introspect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access}` },
    });
    expect(await introspect.json()).toMatchObject({ data: { active: true, scope: 'chat:write' } });
    oauth.expireAccessTokens();
    expect(await send(access)).toBe(401);
    oauth.revoke();
    expect(oauth.isValidAccessToken(access)).toBe(false);
    expect(api.chatMessages).toHaveLength(1);
  });
});
