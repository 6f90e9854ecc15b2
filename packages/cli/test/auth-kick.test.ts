import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, ManualClock, startKickOAuthFake, waitUntil } from '@vmsc/testing';
import { authCommand } from '../src/commands/auth.js';
import { openHubLogins } from '../src/auth/hub-logins.js';
import { LoginExpiredError } from '../src/auth/errors.js';
import { parseConfig } from '../src/config/load-config.js';
import { captureIo } from './io.js';

afterEach(() => closeAllFakes());

describe("vmsc auth kick (OAuth 2.1 + PKCE, loopback redirect) and the hub's Kick chat token", () => {
  it('signs in through the printed URL; the KickTokenProvider refreshes before expiry, saves the rotation, and a revoked login says to sign in again', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const oauth = await startKickOAuthFake({ now: () => clock.now() });
    const [client] = oauth.clients;
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-auth-kick-'));
    const config = { connectors: [{ type: 'kick', channel: 'xqc', clientIdEnv: 'K_ID', clientSecretEnv: 'K_SECRET' }] };
    await writeFile(join(dir, 'vmsc.config.json'), JSON.stringify(config));
    const env = { K_ID: client!.clientId, K_SECRET: client!.clientSecret };
    const io = captureIo(dir, env);
    const signingIn = authCommand('kick', { kickOAuthUrl: oauth.url, port: 0, clock }, io);
    await waitUntil(() => io.out().includes('/oauth/authorize?'), 'the URL to be printed');
    const url = /^(http:\S+\/oauth\/authorize\?\S+)$/m.exec(io.out())![1]!;
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    const consent = await fetch(url, { redirect: 'manual' });
    const back = await fetch(consent.headers.get('location')!);
    expect(back.status).toBe(200);
    await back.text();
    expect(await signingIn).toBe(0);
    const file = join(dir, '.vmsc-auth.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { logins: { kick: { accessToken: string; refreshToken: string } } };
    expect(io.out()).not.toContain(saved.logins.kick.accessToken);
    expect(oauth.isValidAccessToken(saved.logins.kick.accessToken, 'chat:write')).toBe(true);

    const errors: Error[] = [];
    const logins = await openHubLogins(parseConfig(config), dir, env, (_p, e) => errors.push(e), { kickOAuthUrl: oauth.url, clock });
    const provider = logins.kick!;
    expect((await provider.accessToken()).reveal()).toBe(saved.logins.kick.accessToken);
    await clock.advance(3_600_000 - 299_000); // within the 5-minute margin: the next use refreshes
    const fresh = await provider.accessToken();
    expect(oauth.refreshCount).toBe(1);
    expect(oauth.isValidAccessToken(fresh.reveal(), 'chat:write')).toBe(true);
    await waitUntil(() => JSON.parse(readFileSync(file, 'utf8')).logins.kick.accessToken === fresh.reveal(), 'the save');
    const rotated = JSON.parse(await readFile(file, 'utf8')) as { logins: { kick: { refreshToken: string } } };
    expect(rotated.logins.kick.refreshToken).not.toBe(saved.logins.kick.refreshToken);

    oauth.revoke();
    const error = await provider.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginExpiredError);
    expect((error as Error).message).toContain('run `vmsc auth kick` again');
    expect(errors).toEqual([]);
    logins.stop();
  });
});
