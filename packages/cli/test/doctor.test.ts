import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '@vmsc/core';
import { ALL_FAKE_SCOPES, closeAllFakes, startGoogleOAuthFake, startKickOAuthFake, startTwitchFake } from '@vmsc/testing';
import { kickAppToken } from '@vmsc/connector-kick';
import { googleLoopbackSignIn } from '../src/auth/google.js';
import { doctorCommand } from '../src/commands/doctor.js';
import { TokenStore } from '../src/auth/token-store.js';
import { captureIo } from './io.js';

afterEach(() => closeAllFakes());

async function dirWith(connectors: object[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vmsc-doctor-'));
  await writeFile(join(dir, 'vmsc.config.json'), JSON.stringify({ connectors }));
  return dir;
}

describe('vmsc doctor', () => {
  it('names the scope a Twitch token lacks and how to fix it; exit code 1', async () => {
    const twitch = await startTwitchFake({
      tokens: {
        'chat-only': { userId: '1337', login: 'cool_user', scopes: ['user:read:chat'] },
        'every-scope': { userId: '1337', login: 'cool_user', scopes: [...ALL_FAKE_SCOPES] },
      },
    });
    const dir = await dirWith([
      { type: 'twitch', broadcaster: 'cool_user', clientIdEnv: 'TW_ID', tokenEnv: 'TW_TOKEN', events: ['chat', 'follow'] },
    ]);
    const io = captureIo(dir, { TW_ID: twitch.clientId, TW_TOKEN: 'chat-only' });
    expect(await doctorCommand({ twitchOAuthUrl: twitch.authUrl }, io)).toBe(1);
    expect(io.out()).toContain('MISSING twitch: token lacks scope moderator:read:followers (for follow) — put a new token in TW_TOKEN');
    expect(io.out()).not.toContain('chat-only');

    const good = captureIo(dir, { TW_ID: twitch.clientId, TW_TOKEN: 'every-scope' });
    expect(await doctorCommand({ twitchOAuthUrl: twitch.authUrl }, good)).toBe(0);
    expect(good.out()).toMatch(/^ok {6}twitch: token of cool_user, every scope its events need/m);

    const otherApp = captureIo(dir, { TW_ID: 'another-client', TW_TOKEN: 'every-scope' });
    expect(await doctorCommand({ twitchOAuthUrl: twitch.authUrl }, otherApp)).toBe(1);
    expect(otherApp.out()).toContain('the token belongs to another app than TW_ID');
  });

  it('a revoked saved login and unset variables are reported with their fixes', async () => {
    const twitch = await startTwitchFake();
    const dir = await dirWith([
      { type: 'twitch', broadcaster: 'cool_user', clientIdEnv: 'TW_ID' },
      { type: 'streamlabs', socketTokenEnv: 'SL_TOKEN' },
    ]);
    const store = await TokenStore.open(join(dir, '.vmsc-auth.json'));
    await store.set('twitch', { accessToken: new Secret('revoked-token'), expiresAt: 0, scopes: [], clientId: twitch.clientId });
    const io = captureIo(dir, { TW_ID: twitch.clientId });
    expect(await doctorCommand({ twitchOAuthUrl: twitch.authUrl }, io)).toBe(1);
    expect(io.out()).toContain('MISSING twitch: the token is not valid (expired or revoked) — run `vmsc auth twitch`');
    expect(io.out()).toContain('MISSING streamlabs: set the environment variable SL_TOKEN');
    expect(io.out()).not.toContain('revoked-token');

    const none = await dirWith([{ type: 'twitch', broadcaster: 'cool_user', clientIdEnv: 'TW_ID' }]);
    const empty = captureIo(none, { TW_ID: twitch.clientId });
    expect(await doctorCommand({ twitchOAuthUrl: twitch.authUrl }, empty)).toBe(1);
    expect(empty.out()).toContain('MISSING twitch: no token (no saved login) — run `vmsc auth twitch`');
  });

  it('checks a saved YouTube login with tokeninfo and a Kick chat token with introspection', async () => {
    const google = await startGoogleOAuthFake();
    const kick = await startKickOAuthFake();
    const dir = await dirWith([
      { type: 'youtube', videoId: 'abc' },
      { type: 'kick', channel: 'xqc', chatTokenEnv: 'KICK_CHAT' },
    ]);
    const store = await TokenStore.open(join(dir, '.vmsc-auth.json'));
    const endpoints = { authorizeUrl: google.authorizeUrl, tokenUrl: google.tokenUrl, tokenInfoUrl: google.tokenInfoUrl };
    let opened: Promise<unknown> = Promise.resolve();
    const login = await googleLoopbackSignIn(
      { clientId: google.clientId, clientSecret: new Secret(google.clientSecret), endpoints },
      ['https://www.googleapis.com/auth/youtube.readonly'],
      (url) => {
        opened = fetch(url, { redirect: 'manual' })
          .then((consent) => fetch(consent.headers.get('location')!))
          .then((r) => r.text());
      },
    );
    await opened;
    await store.set('youtube', login);
    const [client] = kick.clients;
    const appToken = await kickAppToken({ clientId: client!.clientId, clientSecret: client!.clientSecret, baseUrl: kick.url });
    const io = captureIo(dir, { KICK_CHAT: appToken.accessToken.reveal() });
    expect(await doctorCommand({ googleTokenInfoUrl: google.tokenInfoUrl, kickOAuthUrl: kick.url }, io)).toBe(1);
    expect(io.out()).toContain('ok      youtube: the token is valid and has https://www.googleapis.com/auth/youtube.readonly');
    expect(io.out()).toContain('MISSING kick: token lacks scope chat:write — run `vmsc auth kick`');
    expect(io.out()).not.toContain(appToken.accessToken.reveal());
    expect(io.out()).not.toContain(login.accessToken.reveal());

    await store.set('youtube', { ...login, accessToken: new Secret('ya29.not-a-token') });
    const again = captureIo(dir, { KICK_CHAT: 'not-a-token' });
    expect(await doctorCommand({ googleTokenInfoUrl: google.tokenInfoUrl, kickOAuthUrl: kick.url }, again)).toBe(1);
    expect(again.out()).toContain('MISSING youtube: the youtube token is not valid (expired or revoked) — run `vmsc auth youtube`');
    expect(again.out()).toContain('MISSING kick: the kick token is not valid (expired or revoked) — run `vmsc auth kick`');
  });
});
