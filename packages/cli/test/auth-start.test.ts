import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, ManualClock, startTwitchFake, startTwitchOAuthFake, waitUntil } from '@vmsc/testing';
import { runCli } from '../src/cli.js';
import { authCommand } from '../src/commands/auth.js';
import { startCommand } from '../src/commands/start.js';
import { captureIo } from './io.js';

afterEach(() => closeAllFakes());

async function configDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vmsc-auth-start-'));
  await writeFile(
    join(dir, 'vmsc.config.json'),
    JSON.stringify({
      server: { enabled: false },
      journal: { enabled: false },
      connectors: [{ type: 'twitch', broadcaster: 'cool_user', clientIdEnv: 'TW_ID', events: ['chat'] }],
    }),
  );
  return dir;
}

describe('vmsc auth twitch, then vmsc start with the saved login', () => {
  it('signs in with the device code, saves the login owner-only, and the hub connects and refreshes it before expiry', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const twitch = await startTwitchFake({ pingIntervalMs: 0 });
    const oauth = await startTwitchOAuthFake({ twitch, now: () => clock.now() });
    const dir = await configDir();
    const env = { TW_ID: twitch.clientId };

    const authIo = captureIo(dir, env);
    const signingIn = authCommand('twitch', { oauthUrl: oauth.url, clock }, authIo);
    await waitUntil(() => authIo.out().includes('enter the code'), 'the code to be printed');
    const code = /enter the code (\w+)/.exec(authIo.out())![1]!;
    expect(authIo.out()).toContain(`https://www.twitch.tv/activate?public=true&device-code=${code}`);
    await waitUntil(() => clock.pending > 0, 'the first poll to wait');
    oauth.approve();
    await clock.advance(5_000);
    expect(await signingIn).toBe(0);
    expect(authIo.out()).toMatch(
      /signed in to Twitch as cool_user \(scopes: user:read:chat .*\); the login is saved to .*\.vmsc-auth\.json \(owner-only\)/,
    );
    const file = join(dir, '.vmsc-auth.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const first = JSON.parse(await readFile(file, 'utf8')) as { logins: { twitch: { accessToken: string; refreshToken: string } } };
    expect(authIo.out() + authIo.err()).not.toContain(first.logins.twitch.accessToken);
    expect(authIo.out() + authIo.err()).not.toContain(first.logins.twitch.refreshToken);

    const io = captureIo(dir, env);
    const abort = new AbortController();
    const running = startCommand(
      {
        config: 'vmsc.config.json',
        signal: abort.signal,
        overrides: { twitch: { urls: { eventsub: twitch.eventsubUrl, helix: twitch.helixUrl, auth: twitch.authUrl } } },
        logins: { twitchOAuthUrl: oauth.url, clock },
      },
      io,
    );
    await twitch.waitForSubscriptions(1);
    // Four hours later (5 minutes before the expiry) the hub has refreshed, once, and saved the rotated refresh token.
    await clock.advance(4 * 3_600_000 - 300_000);
    await waitUntil(() => oauth.refreshCount === 1, 'the refresh');
    await waitUntil(() => JSON.parse(readNow(file)).logins.twitch.refreshToken !== first.logins.twitch.refreshToken, 'the save');
    await clock.advance(60_000);
    expect(oauth.refreshCount).toBe(1);
    abort.abort();
    expect(await running).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { logins: { twitch: { accessToken: string; refreshToken: string } } };
    for (const token of [first.logins.twitch.accessToken, saved.logins.twitch.accessToken, saved.logins.twitch.refreshToken])
      expect(io.out() + io.err()).not.toContain(token);
  });

  it('without a saved login, vmsc start says to run vmsc auth twitch', async () => {
    const dir = await configDir();
    const io = captureIo(dir, { TW_ID: 'x' });
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toContain('connectors.0.tokenEnv: no twitch login saved: run `vmsc auth twitch` (or set tokenEnv)');
  });

  it('vmsc auth names the missing client id variable and refuses unknown platforms', async () => {
    const dir = await configDir();
    const io = captureIo(dir, {});
    expect(await runCli(['auth', 'twitch'], io)).toBe(1);
    expect(io.err()).toContain('set the environment variable TW_ID');
    expect(await runCli(['auth', 'myspace'], io)).toBe(2);
  });
});

function readNow(file: string): string {
  return readFileSync(file, 'utf8');
}
