import { afterEach, describe, expect, it } from 'vitest';
// tiktok-live-connector (AGPL-3.0): devDependency, used only in tests as an independent client.
import { ControlEvent, SignConfig, TikTokLiveConnection, WebcastEvent } from 'tiktok-live-connector';
import {
  closeAllFakes,
  startTikTokFake,
  tiktokBatchBasics,
  tiktokBatchExtras,
  tiktokBatchGiftStreak,
  tiktokHistoryMessages,
  tiktokStreamEndMessage,
  waitUntil,
} from '@vmsc/testing';

afterEach(async () => {
  await closeAllFakes();
});

describe('the unmodified tiktok-live-connector 2.5 client against our fake (§10.3)', () => {
  it('signs, connects, enters, receives every mapped event, acks, and ends on control action 3', async () => {
    const fake = await startTikTokFake({ apiKey: 'oracle-key', history: tiktokHistoryMessages() });
    // Its Euler client reads the base URL once and caches the instance: point it at loopback first.
    SignConfig.basePath = fake.url;
    SignConfig.apiKey = 'oracle-key';
    SignConfig.cachedInstance = undefined;
    const client = new TikTokLiveConnection(fake.uniqueId, { signApiKey: 'oracle-key', fetchRoomInfoOnConnect: false });
    const seen: string[] = [];
    const names = {
      chat: WebcastEvent.CHAT,
      gift: WebcastEvent.GIFT,
      like: WebcastEvent.LIKE,
      member: WebcastEvent.MEMBER,
      follow: WebcastEvent.FOLLOW,
      share: WebcastEvent.SHARE,
      roomUser: WebcastEvent.ROOM_USER,
      envelope: WebcastEvent.ENVELOPE,
      emote: WebcastEvent.EMOTE,
      subNotify: WebcastEvent.SUB_NOTIFY,
      streamEnd: WebcastEvent.STREAM_END,
    } as const;
    for (const [name, event] of Object.entries(names)) client.on(event, () => void seen.push(name));
    let decodeErrors = 0;
    client.on(ControlEvent.ERROR, () => void decodeErrors++);
    let disconnected = false;
    client.on(ControlEvent.DISCONNECTED, () => void (disconnected = true));
    // connect(roomId) skips every tiktok.com lookup; only the sign API and the WebSocket are used.
    await client.connect(fake.roomId);
    await fake.waitForEnter();
    expect(fake.signRequests[0]!.path).toBe(`/webcast/rooms/${fake.roomId}/connect`);
    expect(fake.signRequests[0]!.headers['x-api-key']).toBe('oracle-key');
    expect(fake.upgrades[0]!.query.getAll('version_code')).toEqual(['180800', '270000']);
    expect(fake.upgrades[0]!.headers.cookie).toContain('ttwid=');
    expect(fake.enters[0]).toMatchObject({ roomId: fake.roomId, liveId: 12, identity: 'audience' });
    expect(seen.filter((name) => name === 'chat')).toHaveLength(1); // the history chat (processInitialData)

    const batch = fake.sendBatch([...tiktokBatchBasics(), ...tiktokBatchGiftStreak(), ...tiktokBatchExtras().slice(0, 3)]);
    const ack = await fake.waitForAck(batch.logId);
    expect(ack.payload).toBe(batch.internalExt);
    await waitUntil(() => seen.length >= 15, 'the oracle client saw every event');
    expect(seen.slice(2)).toEqual([
      'member',
      'chat',
      'like',
      'follow',
      'share',
      'roomUser',
      'gift',
      'gift',
      'gift',
      'gift',
      'emote',
      'envelope',
      'subNotify',
    ]);
    fake.sendBatch([tiktokStreamEndMessage(3)]);
    await waitUntil(() => disconnected, 'the oracle client disconnected on stream end');
    expect(seen.at(-1)).toBe('streamEnd');
    expect(decodeErrors).toBe(0);
    expect(fake.badClientFrames).toBe(0);
  });
});
