import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '@vmsc/core';
import { closeAllFakes, ManualClock, startGoogleOAuthFake, startYouTubeFake, waitUntil } from '@vmsc/testing';
import { authCommand } from '../src/commands/auth.js';
import { startCommand } from '../src/commands/start.js';
import { LoginExpiredError } from '../src/auth/errors.js';
import { refreshGoogleLogin } from '../src/auth/google.js';
import { TokenStore } from '../src/auth/token-store.js';
import { captureIo } from './io.js';

afterEach(() => closeAllFakes());

/** Plays the browser: opens the printed URL, follows the fake's redirect to the loopback listener. */
async function followPrintedUrl(output: string): Promise<number> {
  const url = /^(http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?\S+)$/m.exec(output)![1]!;
  const consent = await fetch(url, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = await fetch(consent.headers.get('location')!);
  await back.text();
  return back.status;
}

describe('vmsc auth youtube (installed app: loopback redirect + PKCE S256), then vmsc start', () => {
  it('signs in through the printed URL, saves the login owner-only; the hub reads chat with it and refreshes it', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const youtube = await startYouTubeFake();
    const google = await startGoogleOAuthFake({ now: () => clock.now(), onAccessToken: (token) => youtube.rotateAccessToken(token) });
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-auth-yt-'));
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({
        server: { enabled: false },
        journal: { enabled: false },
        connectors: [{ type: 'youtube', videoId: youtube.videoId, clientIdEnv: 'G_ID', clientSecretEnv: 'G_SECRET' }],
      }),
    );
    const env = { G_ID: google.clientId, G_SECRET: google.clientSecret };
    const endpoints = { authorizeUrl: google.authorizeUrl, tokenUrl: google.tokenUrl, tokenInfoUrl: google.tokenInfoUrl };
    const io = captureIo(dir, env);
    const signingIn = authCommand('youtube', { googleEndpoints: endpoints, clock }, io);
    await waitUntil(() => io.out().includes('/o/oauth2/v2/auth?'), 'the URL to be printed');
    const printed = new URL(/^(http:\S+)$/m.exec(io.out())![1]!);
    expect(printed.searchParams.get('code_challenge_method')).toBe('S256');
    expect(printed.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await followPrintedUrl(io.out())).toBe(200);
    expect(await signingIn).toBe(0);
    const file = join(dir, '.vmsc-auth.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { logins: { youtube: { accessToken: string; refreshToken: string } } };
    expect(io.out() + io.err()).not.toContain(saved.logins.youtube.accessToken);
    expect(io.out() + io.err()).not.toContain(saved.logins.youtube.refreshToken);

    const hubIo = captureIo(dir, env);
    const abort = new AbortController();
    const running = startCommand(
      {
        config: 'vmsc.config.json',
        signal: abort.signal,
        overrides: { youtube: { apiBaseUrl: youtube.url } },
        logins: { googleEndpoints: endpoints, clock },
      },
      hubIo,
    );
    await waitUntil(() => youtube.requests.some((r) => r.path.includes('liveChat/messages')), 'the connector to read chat');
    await clock.advance(3599_000 - 300_000); // 5 minutes before the hour: one refresh; Google keeps the refresh token
    await waitUntil(() => google.refreshCount === 1, 'the refresh');
    await waitUntil(
      () => (JSON.parse(readFileSync(file, 'utf8')) as typeof saved).logins.youtube.accessToken !== saved.logins.youtube.accessToken,
      'the refreshed login to be saved',
    );
    abort.abort();
    expect(await running).toBe(0);
    const after = JSON.parse(await readFile(file, 'utf8')) as { logins: { youtube: { accessToken: string; refreshToken: string } } };
    expect(after.logins.youtube.refreshToken).toBe(saved.logins.youtube.refreshToken);
    expect(after.logins.youtube.accessToken).not.toBe(saved.logins.youtube.accessToken);
    expect(hubIo.out() + hubIo.err()).not.toContain(after.logins.youtube.accessToken);

    google.revokeAll();
    const store = await TokenStore.open(file);
    const login = store.get('youtube')!;
    const error = await refreshGoogleLogin(
      { clientId: google.clientId, clientSecret: login.accessToken, endpoints },
      { ...login, refreshToken: login.refreshToken! },
    ).catch((e: unknown) => e);
    // (a wrong secret is invalid_client; with the right one a revoked token is LoginExpiredError)
    expect(error).not.toBeInstanceOf(LoginExpiredError);
    const expired = await refreshGoogleLogin(
      { clientId: google.clientId, clientSecret: new Secret(google.clientSecret), endpoints },
      { ...login, refreshToken: login.refreshToken! },
    ).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(LoginExpiredError);
    expect((expired as Error).message).toContain('run `vmsc auth youtube` again');
  });
});
