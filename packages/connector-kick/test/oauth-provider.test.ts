import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, EventBus, Secret } from '@vmsc/core';
import { closeAllFakes, startKickApiFake, startKickOAuthFake, type FakeKickOAuthServer } from '@vmsc/testing';
import { KickConnector, KickRefreshTokenInvalidError, KickTokenProvider, type KickTokenSet } from '../src/index.js';
import { IDS, ManualClock } from './helpers.js';
import { CLIENT, SECRET, signIn } from './oauth-helpers.js';

afterEach(closeAllFakes);

/** A provider signed in against a fake OAuth server sharing one manual clock. */
async function setup(lifetimeSec = 3600) {
  const clock = new ManualClock();
  const oauth = await startKickOAuthFake({ now: clock.now, tokenLifetimeSec: lifetimeSec });
  const tokens = await signIn(oauth, clock.now);
  const saved: KickTokenSet[] = [];
  const provider = new KickTokenProvider({
    clientId: CLIENT,
    clientSecret: SECRET,
    baseUrl: oauth.url,
    now: clock.now,
    tokens,
    onTokens: (set) => void saved.push(set),
  });
  return { clock, oauth, tokens, provider, saved };
}

/** A connector sending chat to the API fake, whose chat endpoint accepts what the OAuth fake issued. */
async function chatThrough(oauth: FakeKickOAuthServer, chatToken: ConstructorParameters<typeof KickConnector>[0]['chatToken']) {
  const api = await startKickApiFake();
  api.acceptChatToken((token) => oauth.isValidAccessToken(token, 'chat:write'));
  const connector = new KickConnector({ bus: new EventBus(), channel: { ...IDS, broadcasterUserId: 676 }, chatToken, apiUrl: api.url });
  return { api, connector };
}

describe('KickTokenProvider', () => {
  it('hands out the current token until 60 s before expiry, then refreshes (injected clock) and reports the rotated set', async () => {
    const { clock, oauth, tokens, provider, saved } = await setup(600);
    expect((await provider.accessToken()).reveal()).toBe(tokens.accessToken.reveal());
    clock.advance(539_000);
    expect((await provider.accessToken()).reveal()).toBe(tokens.accessToken.reveal());
    expect(oauth.refreshCount).toBe(0);
    clock.advance(1_000); // 60 s before expiry
    const fresh = await provider.accessToken();
    expect(fresh.reveal()).not.toBe(tokens.accessToken.reveal());
    expect(oauth.refreshCount).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.accessToken.reveal()).toBe(fresh.reveal());
    expect(saved[0]!.refreshToken!.reveal()).not.toBe(tokens.refreshToken!.reveal());
    expect(saved[0]!.expiresAt).toBe(clock.now() + 600_000);
    expect(provider.refreshCount).toBe(1);
  });

  it('concurrent callers share one refresh (single flight); a stale 401 does not refresh again', async () => {
    const { clock, oauth, tokens, provider, saved } = await setup(600);
    clock.advance(600_000);
    const all = await Promise.all(Array.from({ length: 8 }, () => provider.accessToken()));
    expect(new Set(all.map((t) => t.reveal())).size).toBe(1);
    expect(oauth.refreshCount).toBe(1);
    expect(saved).toHaveLength(1);
    // Several senders got a 401 with the old token at once: one refresh only.
    const after401 = await Promise.all([provider.refresh(tokens.accessToken), provider.refresh(tokens.accessToken)]);
    expect(after401[0]!.accessToken.reveal()).toBe(all[0]!.reveal());
    expect(oauth.refreshCount).toBe(1);
    await Promise.all([provider.refresh(all[0]), provider.refresh(all[0]), provider.refresh()]);
    expect(oauth.refreshCount).toBe(2);
  });

  it('a revoked refresh token is a KickRefreshTokenInvalidError; a throwing onTokens does not lose the rotated tokens', async () => {
    const { clock, oauth } = await setup(600);
    const tokens = await signIn(oauth, clock.now);
    const provider = new KickTokenProvider({
      clientId: CLIENT,
      clientSecret: SECRET,
      baseUrl: oauth.url,
      now: clock.now,
      tokens,
      onTokens: () => {
        throw new Error('disk full');
      },
    });
    const next = await provider.refresh();
    expect(provider.tokens).toBe(next);
    oauth.revoke(next.refreshToken!.reveal());
    await expect(provider.refresh()).rejects.toBeInstanceOf(KickRefreshTokenInvalidError);
  });

  it('prints no token or secret', async () => {
    const { provider, tokens } = await setup();
    for (const text of [String(provider), JSON.stringify(provider), inspect(provider, { depth: 5 })]) {
      for (const secret of [SECRET, tokens.accessToken.reveal(), tokens.refreshToken!.reveal()]) expect(text).not.toContain(secret);
    }
  });
});

describe('KickConnector with a token provider', () => {
  it('an expired token gets a 401, the provider refreshes once and the message is sent once', async () => {
    const { oauth, provider, saved } = await setup();
    const { api, connector } = await chatThrough(oauth, provider);
    await connector.sendChat('before');
    oauth.expireAccessTokens(); // the provider still thinks its token is good: Kick says 401
    await expect(connector.sendChat('after expiry')).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(oauth.refreshCount).toBe(1);
    expect(saved).toHaveLength(1);
    expect(api.chatMessages.map((m) => m.body.content)).toEqual(['before', 'after expiry']);
    expect(api.requests.filter((r) => r.path === '/public/v1/chat')).toHaveLength(3);
  });

  it('a 401 after the refresh too is an AuthError, retried only once; a revoked refresh token surfaces as KickRefreshTokenInvalidError', async () => {
    const { oauth, provider } = await setup();
    const { api, connector } = await chatThrough(oauth, provider);
    api.failNextChat({ status: 401, times: 2 });
    await expect(connector.sendChat('no')).rejects.toMatchObject({ code: 'KICK_CHAT_UNAUTHORIZED' });
    expect(api.requests.filter((r) => r.path === '/public/v1/chat')).toHaveLength(2);
    expect(oauth.refreshCount).toBe(1);
    oauth.revoke();
    const error = await connector.sendChat('revoked').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KickRefreshTokenInvalidError);
    expect(api.chatMessages).toHaveLength(0);
  });

  it('a function chatToken is asked again after a 401; a fixed token is not retried', async () => {
    const { oauth, tokens } = await setup();
    let current: string | Secret = 'stale-token-value';
    let calls = 0;
    const viaFunction = await chatThrough(oauth, () => {
      calls++;
      const value = current;
      current = tokens.accessToken;
      return Promise.resolve(value);
    });
    await expect(viaFunction.connector.sendChat('hi')).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(calls).toBe(2);
    expect(viaFunction.api.chatMessages).toHaveLength(1);
    const fixed = await chatThrough(oauth, 'stale-token-value');
    await expect(fixed.connector.sendChat('hi')).rejects.toBeInstanceOf(AuthError);
    expect(fixed.api.requests.filter((r) => r.path === '/public/v1/chat')).toHaveLength(1);
  });
});
