import { afterEach, describe, expect, it } from 'vitest';
import { isEvent, parseEvent, type BusNotice, type StatusChange, type StreamEvent } from '@vmsc/core';
import {
  closeAllFakes,
  TIKTOK_FAKE_TTWID,
  tiktokBatchBasics,
  tiktokBatchExtras,
  tiktokBatchGiftStreak,
  tiktokChatMessage,
  tiktokControlMessage,
  tiktokHistoryMessages,
  tiktokStreamEndMessage,
  waitUntil,
} from '@vmsc/testing';
import {
  HandshakeRejectedError,
  SignApiKeyError,
  SignApiPaidFeatureError,
  SignApiRateLimitError,
  TikTokBlockedError,
  TikTokRoomNotFoundError,
  TikTokUserOfflineError,
} from '../src/index.js';
import { API_KEY, setup } from './helpers.js';

afterEach(async () => {
  await closeAllFakes();
});

const valid = (event: StreamEvent) => {
  const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
  return parsed.ok ? 'valid' : parsed.error.message;
};

describe('TikTokConnector: connection sequence', () => {
  it('signs with key, client, cursor, user agent; opens the socket with the signed cookies/UA and parameters; enters the room', async () => {
    const { fake, connector } = await setup({}, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) VMSC-Test/1.0' });
    await connector.connect();
    await fake.waitForEnter();
    expect(fake.lookups['room-info']).toBe(1);
    const sign = fake.signRequests[0]!;
    expect(sign.path).toBe(`/webcast/rooms/${fake.roomId}/connect`);
    expect(sign.headers['x-api-key']).toBe(API_KEY);
    expect(sign.query.get('client')).toBe('vmsc');
    expect(sign.query.get('cursor')).toBe('');
    expect(sign.query.get('client_enter')).toBe('true');
    expect(sign.query.get('platform')).toBe('web');
    expect(sign.query.get('user_agent')).toBe('Mozilla/5.0 (X11; Linux x86_64) VMSC-Test/1.0');
    const upgrade = fake.upgrades[0]!;
    expect(upgrade.headers['user-agent']).toBe('Mozilla/5.0 (X11; Linux x86_64) VMSC-Test/1.0');
    expect(upgrade.headers.cookie).toBe(TIKTOK_FAKE_TTWID);
    expect(upgrade.query.get('room_id')).toBe(fake.roomId);
    expect(upgrade.query.get('compress')).toBe('gzip');
    expect(upgrade.query.get('cursor')).toMatch(/_cursor$/);
    expect(upgrade.query.get('internal_ext')).toContain('internal_src:webcast');
    expect(upgrade.query.get('imprp')).toBe('fake-imprp-1');
    expect(upgrade.query.get('wrss')).toBe('fake-wrss-1');
    expect(upgrade.query.getAll('version_code')).toEqual(['180800', '270000']);
    expect(upgrade.rawQuery.endsWith('&version_code=270000')).toBe(true);
    expect(fake.enters[0]).toMatchObject({ roomId: fake.roomId, liveId: 12, identity: 'audience' });
    expect(BigInt(fake.enters[0]!.enterUniqueId) > 0n).toBe(true);
    expect(String(connector)).not.toContain(API_KEY);
  });

  it('supports the legacy /webcast/fetch route', async () => {
    const { fake, connector } = await setup({}, { signApi: { url: '', apiKey: API_KEY, legacyPath: true } });
    // url '' would be wrong: rebuild with the fake's URL
    await connector.disconnect();
    const { TikTokConnector } = await import('../src/index.js');
    const { EventBus } = await import('@vmsc/core');
    const legacy = new TikTokConnector({
      bus: new EventBus(),
      roomId: fake.roomId,
      signApi: { url: fake.url, apiKey: API_KEY, legacyPath: true },
      webcastBaseUrl: fake.url,
    });
    await legacy.connect();
    expect(fake.signRequests[0]!.path).toBe('/webcast/fetch');
    expect(fake.signRequests[0]!.query.get('room_id')).toBe(fake.roomId);
    await legacy.disconnect();
  });

  it('resolves a uniqueId from the live page (SIGI_STATE), normalising @ and URLs', async () => {
    const { fake, connector } = await setup({}, { uniqueId: 'https://www.tiktok.com/@fake_creator/live' });
    await connector.connect();
    expect(connector.roomId).toBe(fake.roomId);
    expect(fake.lookups['live-page']).toBe(1);
    expect(fake.lookups['api-live']).toBe(0);
    expect(fake.lookups['room-info']).toBe(0);
  });

  it('falls back to api-live then the Sign API anchors route when the page is a block page; blocked everywhere → TikTokBlockedError', async () => {
    const { fake, connector } = await setup({}, { uniqueId: '@fake_creator' });
    fake.setLookupMode('blocked');
    // api-live answers 403 when blocked, so the anchors route is what finds the room
    await connector.connect();
    expect(fake.lookups).toMatchObject({ 'live-page': 1, 'api-live': 1, anchors: 1 });
    await connector.disconnect();

    const blocked = await setup({ apiKey: 'another-key' }, { uniqueId: 'fake_creator' });
    blocked.fake.setLookupMode('blocked');
    await expect(blocked.connector.connect()).rejects.toBeInstanceOf(TikTokBlockedError);
    expect(blocked.connector.status).toBe('error');
    expect(blocked.connector.lastError?.message).toMatch(/pass roomId/);
  });

  it('unknown user → TikTokRoomNotFoundError (terminal, no sign call)', async () => {
    const { fake, connector } = await setup({}, { uniqueId: 'nobody_here' });
    await expect(connector.connect()).rejects.toBeInstanceOf(TikTokRoomNotFoundError);
    expect(fake.signRequests).toHaveLength(0);
    expect(connector.status).toBe('error');
  });

  it('offline user → TikTokUserOfflineError; with waitUntilLive it polls (not the Sign API) and connects once live', async () => {
    const offline = await setup({ live: false }, { uniqueId: 'fake_creator' });
    await expect(offline.connector.connect()).rejects.toBeInstanceOf(TikTokUserOfflineError);
    expect(offline.fake.signRequests).toHaveLength(0);

    const waiting = await setup({ live: false }, { uniqueId: 'fake_creator', waitUntilLive: { pollIntervalMs: 30 } });
    const connected = waiting.connector.connect();
    await waitUntil(() => waiting.fake.lookups['live-page']! >= 3, 'three live polls');
    expect(waiting.connector.status).toBe('reconnecting');
    expect(waiting.connector.lastError).toBeInstanceOf(TikTokUserOfflineError);
    expect(waiting.fake.signRequests).toHaveLength(0);
    waiting.fake.setLive(true);
    await connected;
    expect(waiting.connector.status).toBe('connected');
    expect(waiting.fake.signRequests).toHaveLength(1);
  });

  it('a room-info failure never counts as offline (18+ rooms)', async () => {
    const { fake, connector } = await setup({}, { webcastBaseUrl: 'http://127.0.0.1:9' });
    await connector.connect();
    expect(fake.signRequests).toHaveLength(1);
  });
});

describe('TikTokConnector: Sign API and handshake errors', () => {
  it('429 → SignApiRateLimitError with retryAfterMs; waits that long, then re-signs and connects', async () => {
    const { fake, connector } = await setup();
    fake.failSign({ kind: 'rate-limit', retryAfterSeconds: 0.3, limitLabel: 'free' });
    const errors: unknown[] = [];
    connector.on('status', (change) => void (change.error && errors.push(change.error)));
    const started = Date.now();
    await connector.connect();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const error = errors[0] as SignApiRateLimitError;
    expect(error).toBeInstanceOf(SignApiRateLimitError);
    expect(error.retryAfterMs).toBe(300);
    expect(error.limitLabel).toBe('free');
    expect(error.message).toMatch(/\(free\)/);
    expect(error.message.match(/too many connections started/gi)).toHaveLength(1);
    expect(fake.signRequests).toHaveLength(2);
  });

  it('wrong key → SignApiKeyError; 402 → SignApiPaidFeatureError (terminal, key never in the message)', async () => {
    const bad = await setup({}, { signApi: undefined });
    const { TikTokConnector } = await import('../src/index.js');
    const { EventBus } = await import('@vmsc/core');
    const wrong = new TikTokConnector({
      bus: new EventBus(),
      roomId: bad.fake.roomId,
      signApi: { url: bad.fake.url, apiKey: 'wrong-key-9876' },
      webcastBaseUrl: bad.fake.url,
    });
    const error = await wrong.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignApiKeyError);
    expect(String((error as Error).message)).not.toContain('wrong-key-9876');

    const paid = await setup();
    paid.fake.failSign({ kind: 'status', status: 402, message: 'This feature requires a paid plan' });
    await expect(paid.connector.connect()).rejects.toBeInstanceOf(SignApiPaidFeatureError);
  });

  it('5xx, missing cookies, empty body and a missing cursor are retried with a new sign call', async () => {
    const { fake, connector } = await setup();
    fake.failSign({ kind: 'status', status: 503 });
    fake.failSign({ kind: 'no-cookies' });
    fake.failSign({ kind: 'empty-body' });
    fake.failSign({ kind: 'no-cursor' });
    const reasons: string[] = [];
    connector.on('status', (change) => void (change.error && reasons.push(change.error.message)));
    await connector.connect();
    expect(fake.signRequests).toHaveLength(5);
    // status stays "reconnecting" between the failed attempts, so only the first change carries an error
    expect(reasons[0]).toMatch(/HTTP 503/);
    expect(connector.status).toBe('connected');
  });

  it('an upgrade answered with HTTP 200 + handshake headers → HandshakeRejectedError (terminal)', async () => {
    const { fake, connector } = await setup();
    fake.rejectHandshake({ status: '415', message: 'DEVICE_BLOCKED' });
    const error = (await connector.connect().catch((e: unknown) => e)) as HandshakeRejectedError;
    expect(error).toBeInstanceOf(HandshakeRejectedError);
    expect(error.handshakeStatus).toBe('415');
    expect(error.handshakeMessage).toBe('DEVICE_BLOCKED');
    expect(connector.status).toBe('error');
    expect(fake.upgrades[0]!.rejected).toBe(true);
  });
});

describe('TikTokConnector: events', () => {
  it('maps every message of the scripted batches, acks each batch, counts unknown methods, reports corrupt ones', async () => {
    const { fake, bus, connector, events } = await setup();
    const notices: BusNotice[] = [];
    bus.onNotice((notice) => void notices.push(notice));
    await connector.connect();
    await fake.waitForEnter();
    const b1 = fake.sendBatch(tiktokBatchBasics());
    const b2 = fake.sendBatch(tiktokBatchGiftStreak(), { gzip: false });
    const b3 = fake.sendBatch(tiktokBatchExtras(), { gzip: true, gzipHeader: false });
    await waitUntil(() => events.length >= 14, '14 events');
    expect(events.map((event) => event.type)).toEqual([
      'join',
      'chat',
      'like',
      'follow',
      'share',
      'viewer_count',
      'gift',
      'gift',
      'gift',
      'gift',
      'emote',
      'envelope',
      'subscribe',
      'unknown',
    ]);
    for (const event of events) expect(valid(event)).toBe('valid');
    for (const batch of [b1, b2, b3]) expect((await fake.waitForAck(batch.logId)).payload).toBe(batch.internalExt);

    const chat = events[1]!;
    expect(isEvent(chat, 'tiktok', 'chat') && chat.data).toEqual({
      message: 'hello [wave]',
      emotes: ['7258946584013573894'],
      language: 'en',
    });
    expect(chat.user).toMatchObject({
      id: '6812345678901234567',
      username: 'mod_anna',
      nickname: 'Anna (mod)',
      isModerator: true,
      followRole: 2,
    });
    expect(chat.user.profilePictureUrl).toMatch(/^https:/);
    expect(chat.meta?.platformMessageId).toMatch(/^\d+$/);
    expect(chat.meta?.channel).toBe(fake.roomId);
    const like = events[2]!;
    expect(like.data).toEqual({ likeCount: 15, totalLikes: 1500 });
    expect(events[5]!.data).toEqual({ viewerCount: 321, totalViewers: 5000 });
    expect(events[5]!.user.id).toBe('system');

    const gifts = events.filter((event) => event.type === 'gift').map((event) => event.data as Record<string, unknown>);
    expect(gifts.map((gift) => [gift.giftName, gift.repeatCount, gift.repeatEnd])).toEqual([
      ['Rose', 1, false],
      ['Rose', 2, false],
      ['Rose', 3, true],
      ['Corgi', 1, true],
    ]);
    expect(gifts.filter((gift) => gift.repeatEnd === true)).toHaveLength(2);
    expect(gifts[0]).toMatchObject({ giftId: 5655, diamondCount: 1, streakId: '1700000000123', giftType: 1, streakable: true });
    expect(gifts[3]).toMatchObject({ giftId: 6267, diamondCount: 500, streakable: false, giftType: 2 });

    expect(events[10]!.data).toMatchObject({ emoteId: '7101010101010101010' });
    expect(events[10]!.user.isSubscriber).toBe(true);
    expect(events[11]!.data).toMatchObject({ envelopeId: '7301962345897160491', coins: 100 });
    expect(events[11]!.user.id).toBe('7034582914412233733');
    expect(events[12]!.data).toEqual({ subMonth: 3 });
    expect(events[12]!.user.isSubscriber).toBe(true);
    expect(events[13]!.data).toMatchObject({ kind: 'WebcastFooMessage', reason: 'method not mapped' });

    expect(connector.stats.unknownMethods.get('WebcastFooMessage')).toBe(1);
    expect(connector.stats.decodeFailures).toBe(1);
    expect(connector.stats.acksSent).toBe(3);
    const errorNotices = notices.filter((notice) => notice.kind === 'error');
    expect(errorNotices).toHaveLength(1);
    expect(errorNotices[0]!.kind === 'error' && errorNotices[0]!.error.code).toBe('TIKTOK_BAD_MESSAGE');
    expect(connector.status).toBe('connected');
  });

  it('drops duplicates by message id, skips acks when not asked, survives corrupt frames and gzip', async () => {
    const { fake, connector, events } = await setup();
    await connector.connect();
    await fake.waitForEnter();
    const chat = tiktokChatMessage({ content: 'once' });
    fake.sendBatch([chat], { needAck: false });
    fake.sendBatch([chat, tiktokChatMessage({ content: 'twice' })], { needAck: false });
    fake.sendRaw(Uint8Array.of(0x0a, 0xff, 0xff));
    fake.sendRaw(Buffer.concat([Buffer.from([0x3a, 0x03]), Buffer.from('msg'), Buffer.from([0x42, 0x04, 0x1f, 0x8b, 0x08, 0x00])]));
    fake.sendBatch([tiktokChatMessage({ content: 'after' })], { needAck: false });
    await waitUntil(() => events.length >= 3, 'three chats');
    expect(events.map((event) => event.data)).toEqual([
      { message: 'once', language: 'en' },
      { message: 'twice', language: 'en' },
      { message: 'after', language: 'en' },
    ]);
    expect(connector.stats.duplicates).toBe(1);
    expect(connector.stats.decodeFailures).toBe(2);
    expect(fake.acks).toHaveLength(0);
    expect(connector.status).toBe('connected');
  });

  it('keeps the history batch off the bus by default; history: "publish" tags it meta.history', async () => {
    const skip = await setup({ history: tiktokHistoryMessages() });
    await skip.connector.connect();
    await skip.fake.waitForEnter();
    skip.fake.sendBatch([tiktokChatMessage({ content: 'live' })]);
    await waitUntil(() => skip.events.length >= 1, 'a live event');
    expect(skip.events.map((event) => event.data)).toEqual([{ message: 'live', language: 'en' }]);
    expect(skip.connector.stats.historySkipped).toBe(2);

    const publish = await setup({ history: tiktokHistoryMessages() }, { history: 'publish' });
    await publish.connector.connect();
    expect(publish.events.map((event) => [event.type, event.meta?.history])).toEqual([
      ['chat', true],
      ['like', true],
    ]);
  });

  it('pause/resume are surfaced; control action 3 emits stream_offline and disconnects cleanly', async () => {
    const { fake, connector, events } = await setup();
    await connector.connect();
    await fake.waitForEnter();
    fake.sendBatch([tiktokControlMessage({ action: 1 }), tiktokControlMessage({ action: 2 })]);
    fake.sendBatch([tiktokStreamEndMessage(3), tiktokChatMessage({ content: 'after the end' })]);
    await waitUntil(() => connector.status === 'disconnected', 'disconnected');
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['stream_pause', { reason: 'control:1' }],
      ['stream_resume', { reason: 'control:2' }],
      ['stream_offline', { reason: 'control:3' }],
    ]);
    await waitUntil(() => fake.openCount() === 0, 'socket closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.signRequests).toHaveLength(1);
  });

  it('a clean stream end replaces an older decode error in health.lastError and is the reason of the disconnected status', async () => {
    const { fake, connector } = await setup();
    const changes: StatusChange[] = [];
    connector.on('status', (change) => void changes.push(change));
    await connector.connect();
    await fake.waitForEnter();
    fake.sendRaw(new Uint8Array([0xff, 0xff, 0xff]));
    await waitUntil(() => connector.stats.decodeFailures === 1, 'a decode failure');
    fake.sendBatch([tiktokStreamEndMessage(3)]);
    await waitUntil(() => connector.status === 'disconnected', 'disconnected');
    expect(connector.health.lastError).toBeInstanceOf(TikTokUserOfflineError);
    expect(connector.health.lastError?.message).toContain('stream ended');
    const last = changes.at(-1)!;
    expect(last.status).toBe('disconnected');
    expect(last.error).toBeInstanceOf(TikTokUserOfflineError);
  });

  it('control action 4 (suspended) with waitUntilLive waits for the next stream', async () => {
    const { fake, connector, events } = await setup({}, { uniqueId: 'fake_creator', waitUntilLive: { pollIntervalMs: 30 } });
    await connector.connect();
    await fake.waitForEnter();
    fake.setLive(false);
    fake.sendBatch([tiktokStreamEndMessage(4)]);
    await waitUntil(() => connector.status === 'reconnecting', 'waiting for the next stream');
    expect(events.at(-1)).toMatchObject({ type: 'stream_offline', data: { reason: 'control:4' } });
    fake.setLive(true);
    await waitUntil(() => connector.status === 'connected', 'connected to the next stream');
    expect(fake.signRequests).toHaveLength(2);
  });

  it('a drop mid-stream reconnects with a NEW sign call, reports a gap, and events flow again', async () => {
    const { fake, connector, events } = await setup();
    const gaps: unknown[] = [];
    connector.on('gap', (gap) => void gaps.push(gap));
    await connector.connect();
    await fake.waitForEnter();
    fake.sendBatch([tiktokChatMessage({ content: 'before' })]);
    await waitUntil(() => events.length === 1, 'first event');
    fake.dropAll();
    await waitUntil(() => fake.enters.length === 2, 'second enter');
    expect(fake.signRequests).toHaveLength(2);
    expect(fake.upgrades[1]!.query.get('imprp')).toBe('fake-imprp-2');
    expect(gaps).toHaveLength(1);
    fake.sendBatch([tiktokChatMessage({ content: 'after' })]);
    await waitUntil(() => events.length === 2, 'event after reconnect');
  });
});
