import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, ManualClock, startTwitchOAuthFake, waitUntil } from '@vmsc/testing';
import { LoginExpiredError, OAuthRequestError } from '../src/auth/errors.js';
import { RefreshingLogin } from '../src/auth/refreshing-login.js';
import { TokenStore } from '../src/auth/token-store.js';
import { pollTwitchDeviceToken, refreshTwitchLogin, requestTwitchDeviceCode, validateTwitchToken } from '../src/auth/twitch.js';

afterEach(() => closeAllFakes());

const HOUR = 3_600_000;

async function tempStore(): Promise<TokenStore> {
  const dir = await mkdtemp(join(tmpdir(), 'vmsc-auth-'));
  return TokenStore.open(join(dir, '.vmsc-auth.json'));
}

/** Waits (real time) until the clock has a timer pending: the poller answered and sleeps again. */
const armed = (clock: ManualClock, count = 1) => waitUntil(() => clock.pending >= count, 'the poller to sleep again');

async function signIn(clock: ManualClock, fake: Awaited<ReturnType<typeof startTwitchOAuthFake>>) {
  const options = { clientId: fake.clientId, baseUrl: fake.url, clock };
  const device = await requestTwitchDeviceCode(options, ['user:read:chat']);
  const done = pollTwitchDeviceToken(options, device, ['user:read:chat']);
  await armed(clock);
  fake.approve();
  await clock.advance(device.interval * 1000);
  return done;
}

describe('Twitch device code flow (RFC 8628) against the fake', () => {
  it('authorization_pending waits an interval, slow_down adds 5 s to it, then the token comes', async () => {
    const clock = new ManualClock(1_000_000);
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const options = { clientId: fake.clientId, baseUrl: fake.url, clock };
    const device = await requestTwitchDeviceCode(options, ['user:read:chat', 'moderator:read:followers']);
    expect(device.interval).toBe(5);
    expect(device.verificationUri).toContain(device.userCode);
    const done = pollTwitchDeviceToken(options, device, ['user:read:chat', 'moderator:read:followers']);
    await armed(clock);
    await clock.advance(5_000); // poll 1: pending
    await waitUntil(() => fake.polls.length === 1, 'poll 1');
    await armed(clock);
    fake.answerNextPoll('slow_down');
    await clock.advance(5_000); // poll 2: slow_down → interval 10 s
    await waitUntil(() => fake.polls.length === 2, 'poll 2');
    await armed(clock);
    fake.approve();
    await clock.advance(9_999);
    expect(fake.polls.length).toBe(2); // not polled again before 10 s
    await clock.advance(1); // poll 3: ok
    const login = await done;
    expect(fake.polls.map((p) => [p.at - 1_000_000, p.answer])).toEqual([
      [5_000, 'authorization_pending'],
      [10_000, 'slow_down'],
      [20_000, 'ok'],
    ]);
    expect(login.scopes).toEqual(['user:read:chat', 'moderator:read:followers']);
    expect(login.expiresAt).toBe(clock.now() + 4 * HOUR);
    expect(fake.isValidAccessToken(login.accessToken.reveal())).toBe(true);
  });

  it('a client polling faster than asked keeps getting slow_down; cancelling ends the wait', async () => {
    const clock = new ManualClock();
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const options = { clientId: fake.clientId, baseUrl: fake.url, clock };
    const device = await requestTwitchDeviceCode(options, []);
    const abort = new AbortController();
    // Every second where 5 s were asked: each slow_down adds 5 s on both sides, it never catches up.
    const failed = pollTwitchDeviceToken(options, { ...device, interval: 1 }, [], abort.signal).catch((error: unknown) => error);
    await armed(clock);
    await clock.advance(1_000);
    await waitUntil(() => fake.polls.length === 1, 'poll 1');
    await armed(clock);
    await clock.advance(6_000);
    await waitUntil(() => fake.polls.length === 2, 'poll 2');
    expect(fake.polls.map((p) => p.answer)).toEqual(['slow_down', 'slow_down']);
    await armed(clock);
    abort.abort();
    expect(((await failed) as OAuthRequestError).oauthError).toBe('cancelled');
  });

  it('a denied sign-in is a typed error (access_denied)', async () => {
    const clock = new ManualClock();
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const options = { clientId: fake.clientId, baseUrl: fake.url, clock };
    const device = await requestTwitchDeviceCode(options, []);
    const failed = pollTwitchDeviceToken(options, device, []).catch((error: unknown) => error);
    await armed(clock);
    fake.deny();
    await clock.advance(5_000);
    const error = await failed;
    expect(error).toBeInstanceOf(OAuthRequestError);
    expect((error as OAuthRequestError).oauthError).toBe('access_denied');
  });
});

describe('a stored Twitch login that lasts a stream', () => {
  it('refreshes before expiry: a 4-hour token does not end an 8-hour stream, one refresh per expiry, rotation saved', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const store = await tempStore();
    await store.set('twitch', await signIn(clock, fake));
    const firstRefresh = store.get('twitch')!.refreshToken!.reveal();
    const errors: Error[] = [];
    const login = RefreshingLogin.fromStore({
      platform: 'twitch',
      store,
      clock,
      refresh: (l) => refreshTwitchLogin({ clientId: fake.clientId, baseUrl: fake.url, clock }, l),
      onError: (e) => errors.push(e),
    });
    login.start();
    for (let minute = 0; minute <= 8 * 60; minute += 10) {
      const token = await login.getAccessToken();
      const validation = await validateTwitchToken(token, fake.url);
      expect(validation, `minute ${minute}`).toBeDefined();
      await clock.advance(10 * 60_000);
      await waitUntil(() => login.refreshCount === fake.refreshCount, 'the refresh to finish');
    }
    login.stop();
    // Expiries at 4 h and 8 h (after the first refresh at 3 h 55): refreshed 5 minutes before each.
    expect(fake.refreshCount).toBe(2);
    expect(login.refreshCount).toBe(2);
    expect(errors).toEqual([]);
    const reopened = await TokenStore.open(store.file);
    expect(reopened.get('twitch')!.refreshToken!.reveal()).not.toBe(firstRefresh);
    expect(reopened.get('twitch')!.accessToken.reveal()).toBe(login.login.accessToken.reveal());
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
  });

  it('concurrent 401s make one refresh; every caller gets the new token', async () => {
    const clock = new ManualClock();
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const store = await tempStore();
    await store.set('twitch', await signIn(clock, fake));
    const login = RefreshingLogin.fromStore({
      platform: 'twitch',
      store,
      clock,
      refresh: (l) => refreshTwitchLogin({ clientId: fake.clientId, baseUrl: fake.url, clock }, l),
    });
    const old = (await login.getAccessToken()).reveal();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => login.refreshAccessToken()));
    expect(fake.refreshCount).toBe(1);
    expect(new Set(tokens.map((t) => t.reveal())).size).toBe(1);
    expect(tokens[0]!.reveal()).not.toBe(old);
    // A 401 arriving right after is answered with that refresh, not another.
    await login.refreshAccessToken();
    expect(fake.refreshCount).toBe(1);
  });

  it('a revoked refresh token ends in LoginExpiredError: "run `vmsc auth twitch` again"', async () => {
    const clock = new ManualClock();
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const store = await tempStore();
    await store.set('twitch', await signIn(clock, fake));
    const login = RefreshingLogin.fromStore({
      platform: 'twitch',
      store,
      clock,
      refresh: (l) => refreshTwitchLogin({ clientId: fake.clientId, baseUrl: fake.url, clock }, l),
    });
    fake.revokeAll();
    const error = await login.refreshAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginExpiredError);
    expect((error as Error).message).toContain('run `vmsc auth twitch` again');
    expect((error as Error).message).not.toContain(store.get('twitch')!.refreshToken!.reveal());
    const empty = await tempStore();
    expect(() => RefreshingLogin.fromStore({ platform: 'twitch', store: empty, refresh: () => Promise.reject(new Error('no')) })).toThrow(
      LoginExpiredError,
    );
  });

  it('the store file is owner-only (even when it existed as 0644) and no token shows in any print of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-auth-'));
    const file = join(dir, '.vmsc-auth.json');
    await writeFile(file, '{"logins":{}}', { mode: 0o644 });
    const store = await TokenStore.open(file);
    const clock = new ManualClock();
    const fake = await startTwitchOAuthFake({ now: () => clock.now() });
    const signedIn = await signIn(clock, fake);
    await store.set('twitch', signedIn);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const login = RefreshingLogin.fromStore({ platform: 'twitch', store, refresh: () => Promise.reject(new Error('unused')) });
    const printed = [
      String(store),
      JSON.stringify(store),
      inspect(store),
      String(login),
      JSON.stringify(login),
      inspect(login),
      inspect(signedIn),
      JSON.stringify(signedIn),
    ].join('\n');
    expect(printed).not.toContain(signedIn.accessToken.reveal());
    expect(printed).not.toContain(signedIn.refreshToken!.reveal());
  });
});
