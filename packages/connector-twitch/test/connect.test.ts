import { AuthError, isEvent } from '@vmsc/core';
import { collectEvents, waitForEvent, waitUntil } from '@vmsc/testing';
import { describe, expect, it } from 'vitest';
import { TwitchMissingScopesError, TwitchTransportsLimitError } from '../src/index.js';
import { SUBSCRIPTION_SPECS } from '../src/subscriptions.js';
import { rigPerTest } from './helpers.js';

const setup = rigPerTest();

describe('TwitchConnector: connecting and subscribing', () => {
  it('validates the token, resolves the broadcaster and creates every subscription with the right type, version and condition', async () => {
    const { fake, connector } = await setup();
    await connector.connect();
    expect(connector.status).toBe('connected');
    const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths[0]).toBe('GET /oauth2/validate');
    expect(paths[1]).toBe('GET /helix/users');
    expect(fake.requests[1]!.query.get('login')).toBe('cool_user');
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/helix/eventsub/subscriptions');
    expect(posts).toHaveLength(SUBSCRIPTION_SPECS.length);
    const session = fake.sessions[0]!;
    const bodies = new Map(posts.map((p) => [(p.body as { type: string }).type, p.body as Record<string, unknown>]));
    expect(bodies.get('channel.follow')).toEqual({
      type: 'channel.follow',
      version: '2',
      condition: { broadcaster_user_id: '1337', moderator_user_id: '1337' },
      transport: { method: 'websocket', session_id: session.id },
    });
    expect(bodies.get('channel.chat.message')).toMatchObject({ version: '1', condition: { broadcaster_user_id: '1337', user_id: '1337' } });
    expect(bodies.get('channel.hype_train.begin')).toMatchObject({ version: '2', condition: { broadcaster_user_id: '1337' } });
    expect(bodies.get('channel.hype_train.end')).toMatchObject({ version: '2' });
    expect(bodies.get('channel.raid')).toMatchObject({ version: '1', condition: { to_broadcaster_user_id: '1337' } });
    expect(bodies.get('channel.shoutout.receive')).toMatchObject({ condition: { broadcaster_user_id: '1337', moderator_user_id: '1337' } });
    expect(bodies.has('channel.subscription.message')).toBe(true);
    for (const post of posts) expect(post.headers['client-id']).toBe(fake.clientId);
    expect(fake.enabledSubscriptions()).toHaveLength(SUBSCRIPTION_SPECS.length);
    expect(connector.health.subscriptions.every((s) => s.status === 'enabled' && s.id)).toBe(true);
    expect(connector.health.sessionId).toBe(session.id);
  });

  it('subscribes only to the chosen events, and asks for the keepalive timeout', async () => {
    const { fake, connector } = await setup({ connector: { events: ['chat', 'cheer'], keepaliveTimeoutSeconds: 30 } });
    await connector.connect();
    expect(fake.sessions[0]!.url).toBe('/ws?keepalive_timeout_seconds=30');
    expect(fake.sessions[0]!.keepaliveSeconds).toBe(30);
    expect(
      fake
        .enabledSubscriptions()
        .map((s) => s.type)
        .sort(),
    ).toEqual(['channel.chat.message', 'channel.cheer']);
  });

  it('resolves a numeric broadcaster id', async () => {
    const { fake, connector } = await setup({ connector: { broadcaster: '1337', events: ['cheer'] } });
    await connector.connect();
    const users = fake.requests.find((r) => r.path === '/helix/users')!;
    expect(users.query.get('id')).toBe('1337');
  });

  it('missing scopes end in ONE error listing them and the events they block, before any subscription', async () => {
    const { fake, connector } = await setup({
      fake: { tokens: { 'test-token': { userId: '1337', login: 'cool_user', scopes: ['user:read:chat', 'bits:read'] } } },
      connector: { events: ['chat', 'cheer', 'follow', 'subscribe', 'subscription_gift', 'raid'] },
    });
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwitchMissingScopesError);
    expect(error).toBeInstanceOf(AuthError);
    const missing = (error as TwitchMissingScopesError).missing;
    expect(missing.map((m) => m.anyOf)).toEqual([['moderator:read:followers'], ['channel:read:subscriptions']]);
    expect(missing[1]!.events).toEqual(['subscribe', 'subscription_gift']);
    expect((error as Error).message).toContain('channel:read:subscriptions (needed for subscribe, subscription_gift');
    expect(connector.status).toBe('error');
    expect(fake.sessions).toHaveLength(0);
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('an unknown broadcaster is a NotFoundError', async () => {
    const { connector } = await setup({ connector: { broadcaster: 'nobody_here' } });
    await expect(connector.connect()).rejects.toMatchObject({ code: 'TWITCH_USER_NOT_FOUND' });
    expect(connector.status).toBe('error');
  });

  it('a 401 refreshes the token through the provider once, then works', async () => {
    const { fake, connector } = await setup({
      connector: {
        events: ['cheer'],
        auth: { getAccessToken: async () => 'expired-token', refreshAccessToken: async () => 'test-token' },
      },
    });
    await connector.connect();
    expect(connector.status).toBe('connected');
    const validates = fake.requests.filter((r) => r.path === '/oauth2/validate').map((r) => r.status);
    expect(validates).toEqual([401, 200]);
  });

  it('a second 401 after the refresh is a typed AuthError; without a provider the first one is', async () => {
    let refreshes = 0;
    const { connector } = await setup({
      connector: {
        auth: {
          getAccessToken: async () => 'expired-token',
          refreshAccessToken: async () => {
            refreshes++;
            return 'still-bad-token';
          },
        },
      },
    });
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('TWITCH_TOKEN_INVALID');
    expect((error as Error).message).toContain('even after a refresh');
    expect((error as Error).message).not.toContain('still-bad-token');
    expect(refreshes).toBe(1);
    const plain = await setup({ connector: { auth: 'nope-token' } });
    await expect(plain.connector.connect()).rejects.toBeInstanceOf(AuthError);
  });

  it('a 401 while subscribing mid-session refreshes once and carries on', async () => {
    let refreshes = 0;
    const { fake, connector } = await setup({
      connector: {
        events: ['cheer', 'chat'],
        auth: {
          getAccessToken: async () => 'test-token',
          refreshAccessToken: async () => {
            refreshes++;
            return 'test-token';
          },
        },
      },
    });
    fake.failNext({
      method: 'POST',
      path: '/helix/eventsub/subscriptions',
      status: 401,
      body: { error: 'Unauthorized', status: 401, message: 'Invalid OAuth token' },
    });
    await connector.connect();
    expect(refreshes).toBe(1);
    expect(fake.enabledSubscriptions()).toHaveLength(2);
  });

  it('a token issued to another client id is refused up front', async () => {
    const { connector } = await setup({
      fake: { tokens: { 'test-token': { userId: '1337', login: 'cool_user', scopes: ['bits:read'], clientId: 'someone-else' } } },
      connector: { events: ['cheer'] },
    });
    await expect(connector.connect()).rejects.toMatchObject({ code: 'TWITCH_CLIENT_ID_MISMATCH' });
  });

  it('429 "websocket transports limit exceeded" is reported and not retried', async () => {
    const { fake, connector } = await setup({ fake: { maxTransports: 0 }, connector: { events: ['cheer'] } });
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwitchTransportsLimitError);
    expect((error as Error).message).toContain('number of websocket transports limit exceeded');
    expect(connector.status).toBe('error');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.sessions).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('publishes notifications as typed events; unknown message types surface as unknown events', async () => {
    const { fake, bus, connector } = await setup();
    await connector.connect();
    const cheer = waitForEvent(bus, 'cheer');
    fake.notify('channel.cheer');
    const event = await cheer;
    expect(isEvent(event, 'twitch', 'cheer') && event.data.bits).toBe(1000);
    const unknown = waitForEvent(bus, 'unknown');
    fake.sendFrame({
      metadata: { message_id: 'x-1', message_type: 'session_teleport', message_timestamp: new Date().toISOString() },
      payload: {},
    });
    const surfaced = await unknown;
    expect(surfaced.type === 'unknown' && surfaced.data.kind).toBe('message_type:session_teleport');
    const notFrame = new Promise<unknown>((resolve) => connector.on('error', resolve));
    fake.sendFrame('{not json');
    expect(await notFrame).toMatchObject({ code: 'PROTOCOL_ERROR' });
    expect(connector.status).toBe('connected');
  });

  it('drops redelivered message_ids and messages older than 10 minutes', async () => {
    const { fake, bus, connector } = await setup({ connector: { events: ['chat'] } });
    await connector.connect();
    const events = collectEvents(bus);
    const id = fake.notify('channel.chat.message');
    fake.notify('channel.chat.message', { messageId: id });
    const errors: unknown[] = [];
    connector.on('error', (e) => errors.push(e));
    fake.notify('channel.chat.message', { timestamp: new Date(Date.now() - 11 * 60_000).toISOString() });
    const last = fake.notify('channel.chat.message');
    await waitUntil(() => events.events.some((e) => e.meta?.platformMessageId === last), 'the last chat');
    expect(events.events.map((e) => e.meta?.platformMessageId)).toEqual([id, last]);
    expect(connector.health.duplicatesDropped).toBe(1);
    expect(connector.health.staleDropped).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ code: 'TWITCH_STALE_MESSAGE' })]);
  });

  it('a revocation is visible per subscription with Twitch’s reason', async () => {
    const { fake, connector, notices } = await setup({ connector: { events: ['cheer', 'chat'] } });
    await connector.connect();
    const changed = new Promise((resolve) => connector.onSubscriptionChange(resolve));
    fake.revoke('channel.cheer', 'authorization_revoked');
    expect(await changed).toMatchObject({ type: 'channel.cheer', status: 'revoked', reason: 'authorization_revoked' });
    const byType = Object.fromEntries(connector.health.subscriptions.map((s) => [s.type, s.status]));
    expect(byType).toEqual({ 'channel.cheer': 'revoked', 'channel.chat.message': 'enabled' });
    expect(notices.some((n) => n.kind === 'error' && n.error.code === 'TWITCH_SUBSCRIPTION_REVOKED')).toBe(true);
    expect(connector.status).toBe('connected');
  });

  it('a subscription that fails to create is shown as failing and retried; the rest work', async () => {
    const { fake, connector } = await setup({ connector: { events: ['cheer', 'chat'] } });
    fake.failNext({
      method: 'POST',
      path: '/helix/eventsub/subscriptions',
      status: 503,
      body: { error: 'Service Unavailable', status: 503, message: 'try later' },
    });
    await connector.connect();
    const failed = connector.health.subscriptions.filter((s) => s.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error?.message).toContain('HTTP 503 try later');
    await waitUntil(() => connector.health.subscriptions.every((s) => s.status === 'enabled'), 'the failed subscription retried');
    expect(fake.enabledSubscriptions()).toHaveLength(2);
  });

  it('a subscription Twitch refuses for good (403) fails visibly; connect() still resolves with the others', async () => {
    const { fake, connector } = await setup({ connector: { events: ['cheer', 'chat'] } });
    fake.failNext({
      method: 'POST',
      path: '/helix/eventsub/subscriptions',
      status: 403,
      body: { error: 'Forbidden', status: 403, message: 'subscription missing proper authorization' },
    });
    await connector.connect();
    const failed = connector.health.subscriptions.find((s) => s.status === 'failed')!;
    expect(failed.reason).toContain('subscription missing proper authorization');
    expect(fake.enabledSubscriptions()).toHaveLength(1);
  });
});
