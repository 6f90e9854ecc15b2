import { afterEach, describe, expect, it } from 'vitest';
import { EventBus, canSendChat, parseEvent, type BusNotice } from '@vmsc/core';
import {
  closeAllFakes,
  collectEvents,
  kickEventFrames,
  startKickApiFake,
  startKickPusherFake,
  waitUntil,
  type KickFixtureName,
} from '@vmsc/testing';
import {
  KickAppKeyError,
  KickChannelNotFoundError,
  KickConnectionPool,
  KickConnectionRefusedError,
  KickConnector,
  KickLookupBlockedError,
} from '../src/index.js';
import { IDS, ManualClock, PRIMARY, setupKick } from './helpers.js';

const pools: KickConnectionPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.closeAll();
  await closeAllFakes();
});

async function connected(overrides: Parameters<typeof setupKick>[0] = {}) {
  const setup = await setupKick(overrides);
  pools.push(setup.pool);
  const events = collectEvents(setup.bus);
  const notices: BusNotice[] = [];
  setup.bus.onNotice((notice) => void notices.push(notice));
  await setup.connector.connect();
  return { ...setup, events, notices };
}

describe('KickConnector against the Pusher fake (real pusher-js over loopback)', () => {
  it('connects with protocol 7 and the app key, and subscribes the chatroom (current and legacy) and channel channels', async () => {
    const { pusher } = await connected();
    const url = new URL(pusher.requests[0]!.url!, 'http://x');
    expect(url.pathname).toBe('/app/32cbd69e4b950bf97679');
    expect(url.searchParams.get('protocol')).toBe('7');
    expect(pusher.subscriptions().sort()).toEqual(['channel.668', 'channel_668', 'chatroom_668', 'chatrooms.668', 'chatrooms.668.v2']);
  });

  it('publishes replayed captures from every channel, and one subscribe for the five frames of one subscription', async () => {
    const { pusher, events } = await connected();
    pusher.sendFixture('ChatMessageEvent', PRIMARY);
    pusher.sendFixture('KicksGifted', 'channel_668');
    pusher.sendFixture('SubscriptionEvent', PRIMARY);
    pusher.sendFixture('ChannelSubscriptionEvent', 'channel_668');
    pusher.sendFixture('NewSubscriberUpdatedEvent', 'channel_668');
    pusher.sendFixture('NewActivityFeedEvent', 'channel_668');
    pusher.sendFixture('ChatMessageSentEvent-subscribe', 'chatroom_668');
    pusher.sendFixture('StopStreamBroadcast', 'channel.668');
    await waitUntil(() => events.events.some((event) => event.type === 'stream_offline'), 'stream_offline');
    expect(events.events.map((event) => event.type)).toEqual(['chat', 'kicks_gift', 'subscribe', 'stream_offline']);
    expect(events.events[2]!.data).toEqual({ months: 2 });
    // SubscriptionEvent (first, name only) is folded with the later frames that carry the numeric id.
    expect(events.events[2]!.user).toMatchObject({ id: '75609757', username: 'demontears', nickname: 'DemonTears' });
  });

  it('a subscribe folded from a name-only frame and a later frame with the numeric id is published with the numeric id', async () => {
    const { pusher, events } = await connected();
    pusher.sendFixture('SubscriptionEvent', PRIMARY); // months, no id
    await new Promise((resolve) => setTimeout(resolve, 50));
    pusher.sendFixture('ChannelSubscriptionEvent', 'channel_668'); // user_ids, no months
    await waitUntil(() => events.events.length === 1, 'one subscribe');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.events.map((event) => [event.type, event.user.id, event.data])).toEqual([['subscribe', '75609757', { months: 2 }]]);
  });

  it('a name-only subscribe with no other frame is published after the hold, with the name id', async () => {
    const { pusher, events } = await connected({ secondaryHoldMs: 40 });
    pusher.sendFixture('SubscriptionEvent', PRIMARY);
    await waitUntil(() => events.events.length === 1, 'the held subscribe');
    expect(events.events[0]!.user.id).toBe('name:demontears');
    expect(events.events[0]!.data).toEqual({ months: 2 });
  });

  it('StreamHostedEvent arrives on the legacy chatrooms.{id} channel: one host for both host frames, with the numeric id', async () => {
    const { pusher, events } = await connected();
    pusher.sendEvent(PRIMARY, 'App\\Events\\StreamHostEvent', {
      chatroom_id: 668,
      optional_message: null,
      number_viewers: 8,
      host_username: 'ABC',
    });
    expect(pusher.sendFixture('StreamHostedEvent', 'chatrooms.668')).toBe(1);
    await waitUntil(() => events.events.length === 1, 'one host');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.events.map((event) => [event.type, event.user, event.data])).toEqual([
      ['host', { id: '2341810', username: 'abc', nickname: 'ABC' }, { viewerCount: 8 }],
    ]);
  });

  it('the same frame on chatrooms.{id} and chatrooms.{id}.v2 is one event; a different one on the legacy channel is its own', async () => {
    const { pusher, events } = await connected();
    expect(pusher.sendFixture('PollUpdateEvent', 'chatrooms.668')).toBe(1);
    pusher.sendFixture('PollUpdateEvent', PRIMARY);
    pusher.sendFixture('ChatroomUpdatedEvent', PRIMARY);
    pusher.sendFixture('ChatroomUpdatedEvent', 'chatrooms.668');
    const poll = JSON.parse(JSON.parse(kickEventFrames.PollUpdateEvent).data as string) as { poll: { remaining: number } };
    pusher.sendEvent('chatrooms.668', 'App\\Events\\PollUpdateEvent', { poll: { ...poll.poll, remaining: 29 } });
    pusher.sendFixture('StopStreamBroadcast', 'channel.668');
    await waitUntil(() => events.events.some((event) => event.type === 'stream_offline'), 'stream_offline');
    expect(events.events.map((event) => event.type)).toEqual(['poll_update', 'chat_settings', 'poll_update', 'stream_offline']);
    expect(events.events.map((event) => (event.data as { remainingSeconds?: number }).remainingSeconds)).toEqual([
      30,
      undefined,
      29,
      undefined,
    ]);
  });

  it('a duplicate-only signal waits for the full frame: secondaries first still give one subscribe with months', async () => {
    const { pusher, events } = await connected();
    pusher.sendFixture('ChannelSubscriptionEvent', 'channel_668');
    pusher.sendFixture('NewActivityFeedEvent', 'channel_668');
    pusher.sendFixture('SubscriptionEvent', PRIMARY);
    await waitUntil(() => events.events.length === 1, 'one subscribe');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.events.map((event) => [event.type, event.data])).toEqual([['subscribe', { months: 2 }]]);
  });

  it('a duplicate-only signal alone is published after the hold, once', async () => {
    const { pusher, events } = await connected({ secondaryHoldMs: 40 });
    pusher.sendFixture('ChannelSubscriptionEvent', 'channel_668');
    pusher.sendFixture('NewSubscriberUpdatedEvent', 'channel_668');
    await waitUntil(() => events.events.length === 1, 'the held subscribe');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.events.length).toBe(1);
    expect(events.events[0]!.user.id).toBe('75609757');
  });

  it('one gift announced on two channels is one gifted_sub', async () => {
    const { pusher, events } = await connected();
    pusher.sendEvent('chatroom_668', 'GiftedSubscriptionsEvent', {
      chatroom_id: 668,
      correlation_id: '700002820790407',
      gifted_usernames: ['ebii03', 'O7no'],
      gifter_username: 'Kl_Vava',
      gifted_total: 2,
      gifter_total: 9,
      chunk_details: null,
    });
    pusher.sendEvent('channel.668', 'App\\Events\\LuckyUsersWhoGotGiftSubscriptionsEvent', {
      usernames: ['O7no', 'ebii03'],
      gifter_username: 'Kl_Vava',
    });
    await waitUntil(() => events.events.length === 1, 'one gifted_sub');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.events.map((event) => event.type)).toEqual(['gifted_sub']);
    expect(events.events[0]!.data).toMatchObject({ giftCount: 2, gifterTotal: 9 });
  });

  it("uses Kick's message id (a UUID v4) as the event id, so a frame delivered twice is one event", async () => {
    const { pusher, events } = await connected();
    pusher.sendFixture('ChatMessageEvent', PRIMARY);
    pusher.sendFixture('ChatMessageEvent', PRIMARY);
    pusher.sendFixture('ChatMessageEvent-reply', PRIMARY);
    await waitUntil(() => events.events.length === 2, 'two chats');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.events.map((event) => event.id)).toEqual([
      'da2b034a-7042-4c7c-a3d4-a4288184ffc0',
      '5de74073-72ca-4dd5-8e6a-2ab74864f60c',
    ]);
  });

  it('replays every captured frame end to end: each becomes one valid event, duplicates folded', async () => {
    const { pusher, events } = await connected({ secondaryHoldMs: 20 });
    const target = (channel: string) =>
      /^chatrooms\.\d+$/.test(channel)
        ? 'chatrooms.668'
        : channel.startsWith('chatroom_')
          ? 'chatroom_668'
          : channel.startsWith('channel.')
            ? 'channel.668'
            : channel.startsWith('channel_')
              ? 'channel_668'
              : PRIMARY;
    const names = Object.keys(kickEventFrames) as KickFixtureName[];
    for (const name of names) {
      const channel = (JSON.parse(kickEventFrames[name]) as { channel: string }).channel;
      expect(pusher.sendFixture(name, target(channel))).toBe(1);
    }
    // 32 frames; the five frames of DemonTears's one subscription become one subscribe.
    await waitUntil(() => events.events.length === names.length - 4, `${names.length - 4} events`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.events.length).toBe(names.length - 4);
    expect(events.events.filter((event) => event.type === 'subscribe')).toHaveLength(1);
    expect(events.events.filter((event) => event.type === 'unknown')).toHaveLength(0);
    for (const event of events.events) {
      const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
    }
  });

  it('surfaces unknown events and reports malformed frames without dropping them', async () => {
    const { pusher, events, connector } = await connected();
    const errors: string[] = [];
    connector.on('error', (error) => void errors.push(error.message));
    pusher.sendEvent(PRIMARY, 'App\\Events\\SomethingNewEvent', { hello: 'world' });
    pusher.sendEvent(PRIMARY, 'App\\Events\\ChatMessageEvent', { id: 'x' });
    await waitUntil(() => events.events.length === 2, 'two unknown events');
    expect(events.events.map((event) => event.data)).toEqual([
      { kind: 'SomethingNewEvent', payload: { hello: 'world' } },
      expect.objectContaining({ kind: 'ChatMessageEvent', reason: expect.stringMatching(/malformed/) }),
    ]);
    expect(errors).toEqual([expect.stringMatching(/malformed Kick frame/)]);
  });

  it('reconnects after a drop mid-stream, reports the gap, and neither loses nor duplicates later events', async () => {
    const { pusher, events, connector, notices } = await connected();
    const seen: string[] = [];
    connector.on('status', (change) => void seen.push(change.status));
    pusher.sendFixture('ChatMessageEvent', PRIMARY);
    await waitUntil(() => events.events.length === 1, 'first chat');
    pusher.dropAll();
    await waitUntil(() => seen.includes('reconnecting'), 'status "reconnecting"');
    await waitUntil(() => connector.status === 'connected', 'connected again');
    expect(pusher.connectionsAccepted).toBe(2);
    pusher.sendFixture('ChatMessageEvent-reply', PRIMARY);
    pusher.sendFixture('ChatMessageEvent-emote-inline', PRIMARY);
    await waitUntil(() => events.events.length === 3, 'chats after the reconnect');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.events.length).toBe(3);
    expect(connector.health.lastGap?.reason).toMatch(/does not replay/);
    expect(notices.some((notice) => notice.kind === 'gap')).toBe(true);
  });

  it('connect() while the pool reconnects joins that reconnect instead of subscribing a second time', async () => {
    const { pusher, connector, pool } = await connected();
    pusher.dropAll();
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting');
    await connector.connect();
    expect(connector.status).toBe('connected');
    expect(pool.subscriptionCount).toBe(5);
    expect(pusher.connectionsAccepted).toBe(2);
    // One membership only: releasing it closes the socket.
    await connector.disconnect();
    await waitUntil(() => pusher.openConnections === 0 && pool.connectionCount === 0, 'socket closed when the connector leaves');
  });

  it('a refused chatroom subscription stops the connector with a typed error', async () => {
    const setup = await setupKick();
    pools.push(setup.pool);
    setup.pusher.refuseSubscription(PRIMARY);
    const error = await setup.connector.connect().catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('KICK_SUBSCRIPTION_FAILED');
    expect(setup.connector.status).toBe('error');
  });

  it('several connectors share one socket; releasing one keeps the other', async () => {
    const pusher = await startKickPusherFake();
    const pool = new KickConnectionPool({ backoff: { initialDelayMs: 20, jitterMs: 0 } });
    pools.push(pool);
    const bus = new EventBus();
    const events = collectEvents(bus);
    const base = { bus, pool, wsHost: pusher.host, wsPort: pusher.port, forceTLS: false, keyRefresh: false as const };
    const a = new KickConnector({ ...base, channel: { chatroomId: 1, channelId: 11, slug: 'a' } });
    const b = new KickConnector({ ...base, channel: { chatroomId: 2, slug: 'b' } });
    await Promise.all([a.connect(), b.connect()]);
    expect(pusher.openConnections).toBe(1);
    expect(pool.connectionCount).toBe(1);
    expect(pool.subscriptionCount).toBe(8);
    pusher.sendFixture('ChatMessageEvent', 'chatrooms.2.v2');
    await waitUntil(() => events.events.length === 1, 'chat for b');
    expect(events.events[0]!.meta?.channel).toBe('b');
    await a.disconnect();
    await waitUntil(() => !pusher.subscriptions().includes('chatrooms.1.v2'), 'a unsubscribed');
    expect(pusher.openConnections).toBe(1);
    expect(b.status).toBe('connected');
    await b.disconnect();
    await waitUntil(() => pusher.openConnections === 0, 'socket closed when empty');
    expect(pool.connectionCount).toBe(0);
  });

  it('opens another socket when one is full (maxSubscriptionsPerConnection)', async () => {
    const pusher = await startKickPusherFake();
    const pool = new KickConnectionPool({ maxSubscriptionsPerConnection: 6 });
    pools.push(pool);
    const bus = new EventBus();
    const base = { bus, pool, wsHost: pusher.host, wsPort: pusher.port, forceTLS: false };
    await Promise.all([1, 2, 3].map((id) => new KickConnector({ ...base, channel: { chatroomId: id } }).connect()));
    expect(pool.connectionCount).toBe(2);
    expect(pusher.openConnections).toBe(2);
  });
});

describe('channel resolution', () => {
  it('looks the slug up on /api/v2/channels/{slug} and subscribes the ids it returns', async () => {
    const api = await startKickApiFake({ channels: { sulaiman: { channelId: 5789932, chatroomId: 5755510 } } });
    const { connector, pusher } = await connected({ channel: 'sulaiman', lookup: { baseUrl: api.url } });
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/channels/sulaiman' });
    expect(connector.channelIds).toEqual({ chatroomId: 5755510, channelId: 5789932, broadcasterUserId: 5789932, slug: 'sulaiman' });
    expect(pusher.subscriptions()).toContain('chatrooms.5755510.v2');
    expect(pusher.subscriptions()).toContain('channel_5789932');
  });

  it('a Cloudflare 403 ends in an error that says exactly which ids to supply', async () => {
    const api = await startKickApiFake({ mode: 'cloudflare' });
    const setup = await setupKick({ channel: 'xqc', lookup: { baseUrl: api.url } });
    pools.push(setup.pool);
    const error = await setup.connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KickLookupBlockedError);
    expect((error as Error).message).toMatch(/HTTP 403/);
    expect((error as Error).message).toContain('channel: { slug: "xqc", chatroomId: <chatroom.id>, channelId: <id> }');
    expect(setup.connector.status).toBe('error');
    expect(setup.pusher.connectionsAccepted).toBe(0);
  });

  it('an unknown slug is a KickChannelNotFoundError; a 503 is retried with backoff', async () => {
    const api = await startKickApiFake({ mode: 'error' });
    const setup = await setupKick({ channel: 'nobody', lookup: { baseUrl: api.url }, backoff: { initialDelayMs: 10, jitterMs: 0 } });
    pools.push(setup.pool);
    const result = setup.connector.connect().catch((caught: unknown) => caught);
    await waitUntil(() => api.requests.length >= 2, 'a retried lookup');
    expect(setup.connector.status).toBe('reconnecting');
    api.setMode('ok');
    expect(await result).toBeInstanceOf(KickChannelNotFoundError);
  });

  it('a custom resolver replaces the lookup', async () => {
    const asked: string[] = [];
    const { pusher } = await connected({
      channel: 'custom',
      resolver: async (slug) => {
        asked.push(slug);
        return { chatroomId: 42, channelId: 43 };
      },
    });
    expect(asked).toEqual(['custom']);
    expect(pusher.subscriptions()).toContain('chatrooms.42.v2');
  });
});

describe('app key rotation (close code 4001)', () => {
  it('negotiates the new key with Kick and reconnects with it', async () => {
    const pusher = await startKickPusherFake();
    const api = await startKickApiFake({ appKey: () => pusher.appKey });
    const setup = await setupKick({ keyRefresh: { baseUrl: api.url } }, pusher);
    pools.push(setup.pool);
    const events = collectEvents(setup.bus);
    await setup.connector.connect();
    const seen: string[] = [];
    setup.connector.on('status', (change) => void seen.push(change.status));
    pusher.rotateKey('f00dcafe0123456789ab', { kick: true });
    await waitUntil(() => seen.includes('reconnecting'), 'status "reconnecting"');
    await waitUntil(() => setup.connector.status === 'connected', 'connected with the new key');
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/realtime/channels/668/chat/connection' });
    expect(JSON.parse(api.requests.at(-1)!.body)).toMatchObject({ capabilities: { accepted_providers: [{ provider: 'pusher' }] } });
    expect(new URL(pusher.requests.at(-1)!.url!, 'http://x').pathname).toBe('/app/f00dcafe0123456789ab');
    pusher.sendFixture('ChatMessageEvent', PRIMARY);
    await waitUntil(() => events.events.length === 1, 'a chat after rotation');
  });

  it('stops with KickAppKeyError when the negotiation hands back the rejected key', async () => {
    const pusher = await startKickPusherFake();
    const api = await startKickApiFake({ appKey: () => '32cbd69e4b950bf97679' });
    const setup = await setupKick({ keyRefresh: { baseUrl: api.url } }, pusher);
    pools.push(setup.pool);
    await setup.connector.connect();
    pusher.rotateKey('f00dcafe0123456789ab', { kick: true });
    await waitUntil(() => setup.connector.status === 'error', 'status error');
    expect(setup.connector.lastError).toBeInstanceOf(KickAppKeyError);
    expect(setup.connector.lastError!.message).toMatch(/returned the same key/);
  });

  it('stops with KickAppKeyError when the key is rejected and refresh is off', async () => {
    const pusher = await startKickPusherFake({ appKey: 'someotherkey00000000' });
    const setup = await setupKick({}, pusher);
    pools.push(setup.pool);
    const error = await setup.connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KickAppKeyError);
    expect((error as Error).message).toMatch(/32cbd69e4b950bf97679.*4001/);
    expect(setup.connector.status).toBe('error');
  });
});

describe('close codes and keepalive (injected clock)', () => {
  async function withClock() {
    const clock = new ManualClock();
    const pusher = await startKickPusherFake();
    const pool = new KickConnectionPool({
      clock,
      backoff: { random: () => 0 },
      keepalive: { pingIntervalMs: 20_000, pongTimeoutMs: 10_000 },
    });
    pools.push(pool);
    const bus = new EventBus();
    const connector = new KickConnector({
      bus,
      pool,
      channel: IDS,
      wsHost: pusher.host,
      wsPort: pusher.port,
      forceTLS: false,
      keyRefresh: false,
    });
    await connector.connect();
    return { clock, pusher, connector, bus };
  }

  it('4000–4099: stops and reports, no reconnect', async () => {
    const { pusher, connector, clock } = await withClock();
    pusher.errorAndClose(4009, 'Connection is unauthorized');
    await waitUntil(() => connector.status === 'error', 'status error');
    expect(connector.lastError).toBeInstanceOf(KickConnectionRefusedError);
    expect((connector.lastError as KickConnectionRefusedError).closeCode).toBe(4009);
    clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pusher.connectionsAccepted).toBe(1);
  });

  it('4100–4199: backs off 1 s (spec 003), then 2 s', async () => {
    const { pusher, connector, clock } = await withClock();
    pusher.refuseNext(4100, 1);
    pusher.errorAndClose(4100);
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting');
    clock.advance(999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pusher.requests.length).toBe(1);
    clock.advance(1);
    await waitUntil(() => pusher.requests.length === 2, 'first retry after 1 s (refused again: 4100)');
    await waitUntil(() => clock.pending > 0, 'second retry scheduled');
    clock.advance(1_999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pusher.requests.length).toBe(2);
    clock.advance(1);
    await waitUntil(() => connector.status === 'connected', 'connected after the second retry');
    expect(pusher.connectionsAccepted).toBe(2);
  });

  it('4200–4299: reconnects immediately', async () => {
    const { pusher, connector, clock } = await withClock();
    pusher.errorAndClose(4200);
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting');
    clock.advance(0);
    await waitUntil(() => connector.status === 'connected', 'connected again without waiting');
    expect(pusher.connectionsAccepted).toBe(2);
  });

  it('4200 during the handshake after an immediate retry falls back to backoff (no tight loop)', async () => {
    const { pusher, connector, clock } = await withClock();
    pusher.refuseNext(4200, 1);
    pusher.errorAndClose(4200);
    await waitUntil(() => connector.status === 'reconnecting', 'reconnecting');
    clock.advance(0);
    await waitUntil(() => pusher.requests.length === 2, 'the immediate retry (refused with 4200)');
    await waitUntil(() => clock.pending > 0, 'a backoff retry scheduled');
    clock.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pusher.requests.length).toBe(2);
    clock.advance(1_000);
    await waitUntil(() => connector.status === 'connected', 'connected after the backoff');
  });

  it('pings within the activity timeout and the watchdog reconnects a silent socket', async () => {
    const { pusher, connector, clock } = await withClock();
    clock.advance(20_000);
    await waitUntil(() => pusher.received.some((frame) => frame.event === 'pusher:ping'), 'a client ping');
    await new Promise((resolve) => setTimeout(resolve, 30));
    clock.advance(10_000);
    expect(connector.status).toBe('connected');
    pusher.setSilent(true);
    clock.advance(20_000);
    await waitUntil(() => pusher.received.filter((frame) => frame.event === 'pusher:ping').length === 2, 'a second ping');
    clock.advance(10_000);
    expect(connector.status).toBe('reconnecting');
    pusher.setSilent(false);
    clock.advance(0);
    await waitUntil(() => connector.status === 'connected', 'connected after the watchdog');
    expect(pusher.connectionsAccepted).toBe(2);
    expect(connector.health.lastGap?.reason).toMatch(/watchdog/);
  });
});

describe('types', () => {
  it('without a chatToken it cannot send (the public feed is read-only)', async () => {
    const connector = new KickConnector({ bus: new EventBus(), channel: IDS });
    expect(connector.capabilities).toEqual({ chat: { send: false, reply: false } });
    expect(canSendChat(connector)).toBe(false);
    await expect(connector.sendChat('hi')).rejects.toMatchObject({ name: 'ChatNotAllowedError', code: 'KICK_CHAT_NO_TOKEN' });
  });
});
