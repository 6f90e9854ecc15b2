import { collectEvents, ALL_FAKE_SCOPES, waitUntil } from '@vmsc/testing';
import { describe, expect, it } from 'vitest';
import { TokenSource } from '../src/auth.js';
import { SUBSCRIPTION_SPECS } from '../src/subscriptions.js';
import { rigPerTest } from './helpers.js';

const setup = rigPerTest();

const user = { userId: '1337', login: 'cool_user', scopes: [...ALL_FAKE_SCOPES] };

describe('TwitchConnector: token refresh is single-flight', () => {
  it('many concurrent 401s (the deletes and creates after a reconnect) call refreshAccessToken once; every request succeeds with the new token', async () => {
    let refreshes = 0;
    const r = await setup({
      fake: { tokens: { 'old-token': user, 'new-token': user } },
      connector: {
        auth: {
          getAccessToken: async () => 'old-token',
          // A single-use refresh token: a second refresh would fail.
          refreshAccessToken: async () => {
            refreshes++;
            if (refreshes > 1) throw new Error('invalid refresh token (already used)');
            await new Promise((resolve) => setTimeout(resolve, 20));
            return 'new-token';
          },
        },
      },
    });
    await r.connector.connect();
    expect(r.fake.enabledSubscriptions()).toHaveLength(SUBSCRIPTION_SPECS.length);
    const before = r.fake.requests.length;
    r.fake.revokeToken('old-token');
    r.fake.closeSession(4000);
    await waitUntil(
      () =>
        r.fake.sessions.length === 2 &&
        r.connector.status === 'connected' &&
        r.fake.enabledSubscriptions().length === SUBSCRIPTION_SPECS.length,
      'reconnected with every subscription',
    );
    expect(refreshes).toBe(1);
    const after = r.fake.requests.slice(before);
    const rejected = after.filter((q) => q.status === 401);
    expect(rejected.length).toBeGreaterThan(1);
    expect(rejected.every((q) => q.headers.authorization === 'Bearer old-token')).toBe(true);
    const accepted = after.filter((q) => q.status !== 401);
    expect(accepted.every((q) => q.headers.authorization === 'Bearer new-token')).toBe(true);
    expect(accepted.filter((q) => q.method === 'DELETE').map((q) => q.status)).toEqual(SUBSCRIPTION_SPECS.map(() => 204));
    expect(r.connector.health.subscriptions.every((s) => s.status === 'enabled')).toBe(true);
    const events = collectEvents(r.bus);
    r.fake.notify('channel.cheer');
    await waitUntil(() => events.events.length === 1, 'events flow with the new token');
  });

  it('TokenSource: concurrent first uses ask getAccessToken once, concurrent refreshes of the same token refresh once', async () => {
    let gets = 0;
    let refreshes = 0;
    const tokens = new TokenSource({
      getAccessToken: async () => `token-${++gets}`,
      refreshAccessToken: async () => `fresh-${++refreshes}`,
    });
    const first = await Promise.all([tokens.current(), tokens.current(), tokens.current()]);
    expect(gets).toBe(1);
    expect(new Set(first).size).toBe(1);
    const fresh = await Promise.all(first.map((token) => tokens.refresh(token)));
    expect(refreshes).toBe(1);
    expect(fresh.map((token) => token.reveal())).toEqual(['fresh-1', 'fresh-1', 'fresh-1']);
    // A late 401 for the old token does not refresh again; one for the new token does.
    expect((await tokens.refresh(first[0]!)).reveal()).toBe('fresh-1');
    expect((await tokens.refresh(fresh[0]!)).reveal()).toBe('fresh-2');
  });
});
