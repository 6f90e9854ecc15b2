import { ValidationError } from '@vmsc/core';
import { collectEvents, waitUntil } from '@vmsc/testing';
import { describe, expect, it } from 'vitest';
import { rigPerTest, type Rig } from './helpers.js';

const setup = rigPerTest();

const cheerPosts = (r: Rig) =>
  r.fake.requests.filter(
    (q) => q.method === 'POST' && q.path === '/helix/eventsub/subscriptions' && (q.body as { type?: string }).type === 'channel.cheer',
  );
const byType = (r: Rig) => Object.fromEntries(r.connector.health.subscriptions.map((s) => [s.type, [s.status, s.reason]]));

describe('TwitchConnector: revoked subscriptions stay revoked until resubscribe()', () => {
  for (const reason of ['authorization_revoked', 'user_removed', 'version_removed']) {
    it(`revocation "${reason}" then a reconnect: not created again, health shows it revoked with the reason`, async () => {
      const r = await setup({ connector: { events: ['cheer', 'chat'] } });
      await r.connector.connect();
      r.fake.revoke('channel.cheer', reason);
      await waitUntil(() => r.connector.health.subscriptions.some((s) => s.status === 'revoked'), 'revoked');
      r.fake.closeSession(4000);
      await waitUntil(() => r.fake.sessions.length === 2 && r.connector.status === 'connected', 'reconnected');
      await waitUntil(() => r.fake.enabledSubscriptions().length === 1, 'chat resubscribed');
      expect(r.fake.enabledSubscriptions().map((s) => s.type)).toEqual(['channel.chat.message']);
      expect(cheerPosts(r)).toHaveLength(1);
      expect(byType(r)).toEqual({ 'channel.cheer': ['revoked', reason], 'channel.chat.message': ['enabled', 'enabled'] });
    });
  }

  it('revoked across disconnect() and connect(); resubscribe() asks again and events flow', async () => {
    const r = await setup({ connector: { events: ['cheer', 'chat'] } });
    await r.connector.connect();
    r.fake.revoke('channel.cheer', 'authorization_revoked');
    await waitUntil(() => r.connector.health.subscriptions.some((s) => s.status === 'revoked'), 'revoked');
    await r.connector.disconnect();
    await r.connector.connect();
    await waitUntil(() => r.fake.enabledSubscriptions().length === 1, 'chat only');
    expect(byType(r)['channel.cheer']).toEqual(['revoked', 'authorization_revoked']);

    const [cheer, ...rest] = await r.connector.resubscribe('cheer');
    expect(rest).toEqual([]);
    expect(cheer).toMatchObject({ type: 'channel.cheer', status: 'enabled' });
    expect(cheerPosts(r)).toHaveLength(2);
    const events = collectEvents(r.bus);
    r.fake.notify('channel.cheer');
    await waitUntil(() => events.events.length === 1, 'a cheer after resubscribe()');
    expect(events.events[0]!.type).toBe('cheer');
    // Nothing else revoked: a second call asks for nothing.
    expect(await r.connector.resubscribe()).toEqual([]);
  });

  it('every subscription revoked: the next reconnect stops in error pointing at resubscribe(); resubscribe() + connect() recovers', async () => {
    const r = await setup({ connector: { events: ['cheer'] } });
    await r.connector.connect();
    r.fake.revoke('channel.cheer', 'user_removed');
    await waitUntil(() => r.connector.health.subscriptions[0]!.status === 'revoked', 'revoked');
    r.fake.closeSession(4006);
    await waitUntil(() => r.connector.status === 'error', 'error');
    expect(r.connector.lastError?.message).toContain('resubscribe()');
    expect(cheerPosts(r)).toHaveLength(1);
    expect(await r.connector.resubscribe('channel.cheer')).toMatchObject([{ status: 'pending' }]);
    await r.connector.connect();
    expect(r.fake.enabledSubscriptions().map((s) => s.type)).toEqual(['channel.cheer']);
  });

  it('resubscribe() with a name that is not wanted is a ValidationError naming the wanted ones', async () => {
    const r = await setup({ connector: { events: ['cheer', 'chat'] } });
    const error = await r.connector.resubscribe('channel.follow').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('TWITCH_NOT_SUBSCRIBED');
    expect((error as Error).message).toContain('channel.chat.message, channel.cheer');
  });
});
