import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// tiktok-live-connector (AGPL-3.0) is a devDependency used ONLY here, as an independent oracle.
import * as tlc from 'tiktok-live-connector';
import { tiktokBatchBasics, tiktokBatchExtras, tiktokBatchGiftStreak, encodeTikTokFetchResult, encodeTikTokPushFrame } from '@vmsc/testing';
import { decodeWebcastFrame, decodeWebcastMessage, isMappedMethod, normalizeWebcastMessage } from '../src/index.js';

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

/** A complete object for a ts-proto codec (no fromPartial): defaults from decoding nothing, then overrides. */
function make<T>(codec: Codec<T>, overrides: Partial<T>): T {
  return { ...codec.decode(new Uint8Array(0)), ...overrides };
}

const bytes = <T>(codec: Codec<T>, value: T) => codec.encode(value).finish();

function oracleFrame(messages: Array<{ method: string; payload: Uint8Array; msgId: string }>): Uint8Array {
  const result = bytes(
    tlc.ProtoMessageFetchResult as Codec<tlc.ProtoMessageFetchResult>,
    make(tlc.ProtoMessageFetchResult as Codec<tlc.ProtoMessageFetchResult>, {
      messages: messages.map((m) => make(tlc.BaseProtoMessage as Codec<tlc.BaseProtoMessage>, m as Partial<tlc.BaseProtoMessage>)),
      cursor: 'oracle-cursor',
      internalExt: 'oracle-ext',
      needAck: true,
    }),
  );
  return bytes(
    tlc.WebcastPushFrame as Codec<tlc.WebcastPushFrame>,
    make(tlc.WebcastPushFrame as Codec<tlc.WebcastPushFrame>, {
      logId: '99887766554433',
      payloadEncoding: 'pb',
      payloadType: 'msg',
      headers: [make(tlc.PushHeader as Codec<tlc.PushHeader>, { key: 'compress_type', value: 'gzip' })],
      payload: gzipSync(result),
    }),
  );
}

describe('our decoder on frames encoded by tiktok-live-connector (independent codecs)', () => {
  const user = make(tlc.User as Codec<tlc.User>, {
    id: '7034582914412233733',
    nickname: 'Oracle Fan',
    displayId: 'oracle.fan',
    avatarThumb: make(tlc.ImageModel as Codec<tlc.ImageModel>, { urlList: ['https://p16.tiktokcdn.com/a.webp'] }),
    followInfo: make(tlc.FollowInfo as Codec<tlc.FollowInfo>, { followStatus: '1', followerCount: '12' }),
  });
  const common = (method: string, msgId: string, key = '') =>
    make(tlc.CommonMessageData as Codec<tlc.CommonMessageData>, {
      method,
      msgId,
      roomId: '7301962345897160001',
      createTime: '1732300000123',
      displayText: key ? make(tlc.MessageCommonText as Codec<tlc.MessageCommonText>, { key }) : undefined,
    });

  it('decodes chat, gift, like, social, member, room user seq, control encoded by the oracle', () => {
    const chat = bytes(
      tlc.WebcastChatMessage as Codec<tlc.WebcastChatMessage>,
      make(tlc.WebcastChatMessage as Codec<tlc.WebcastChatMessage>, {
        common: common('WebcastChatMessage', '9000000000000000001'),
        user,
        content: 'hi from the oracle',
        emotes: [
          make(tlc.EmojiEmoteWithIndex as Codec<tlc.EmojiEmoteWithIndex>, {
            index: 3,
            emote: make(tlc.EmoteModel as Codec<tlc.EmoteModel>, { emoteId: '777' }),
          }),
        ],
        userIdentity: make(tlc.UserIdentity as Codec<tlc.UserIdentity>, { isModeratorOfAnchor: true, isSubscriberOfAnchor: true }),
      }),
    );
    const gift = bytes(
      tlc.WebcastGiftMessage as Codec<tlc.WebcastGiftMessage>,
      make(tlc.WebcastGiftMessage as Codec<tlc.WebcastGiftMessage>, {
        common: common('WebcastGiftMessage', '9000000000000000002'),
        giftId: '5655',
        repeatCount: 7,
        repeatEnd: 1,
        groupId: '1700000000123',
        user,
        gift: make(tlc.Gift as Codec<tlc.Gift>, { name: 'Rose', type: 1, diamondCount: 1, id: '5655' }),
      }),
    );
    const like = bytes(
      tlc.WebcastLikeMessage as Codec<tlc.WebcastLikeMessage>,
      make(tlc.WebcastLikeMessage as Codec<tlc.WebcastLikeMessage>, {
        common: common('WebcastLikeMessage', '9000000000000000003'),
        count: 15,
        total: '1500',
        user,
      }),
    );
    const follow = bytes(
      tlc.WebcastSocialMessage as Codec<tlc.WebcastSocialMessage>,
      make(tlc.WebcastSocialMessage as Codec<tlc.WebcastSocialMessage>, {
        common: common('WebcastSocialMessage', '9000000000000000004', 'pm_main_follow_message_viewer_2'),
        user,
        action: '1',
      }),
    );
    const seq = bytes(
      tlc.WebcastRoomUserSeqMessage as Codec<tlc.WebcastRoomUserSeqMessage>,
      make(tlc.WebcastRoomUserSeqMessage as Codec<tlc.WebcastRoomUserSeqMessage>, {
        common: common('WebcastRoomUserSeqMessage', '9000000000000000005'),
        total: '321',
        totalUser: '5000',
      }),
    );
    const control = bytes(
      tlc.WebcastControlMessage as Codec<tlc.WebcastControlMessage>,
      make(tlc.WebcastControlMessage as Codec<tlc.WebcastControlMessage>, {
        common: common('WebcastControlMessage', '9000000000000000006'),
        action: 3,
      }),
    );
    const frame = oracleFrame([
      { method: 'WebcastChatMessage', payload: chat, msgId: '9000000000000000001' },
      { method: 'WebcastGiftMessage', payload: gift, msgId: '9000000000000000002' },
      { method: 'WebcastLikeMessage', payload: like, msgId: '9000000000000000003' },
      { method: 'WebcastSocialMessage', payload: follow, msgId: '9000000000000000004' },
      { method: 'WebcastRoomUserSeqMessage', payload: seq, msgId: '9000000000000000005' },
      { method: 'WebcastControlMessage', payload: control, msgId: '9000000000000000006' },
    ]);
    const { frame: pushFrame, batch } = decodeWebcastFrame(frame);
    expect(pushFrame.logId).toBe('99887766554433');
    expect(batch).toMatchObject({ cursor: 'oracle-cursor', internalExt: 'oracle-ext', needAck: true });
    const events = batch!.messages.map((message) => {
      if (!isMappedMethod(message.method)) throw new Error(message.method);
      return normalizeWebcastMessage(decodeWebcastMessage(message.method, message.payload), { receivedAt: 0, msgId: message.msgId });
    });
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['chat', { message: 'hi from the oracle', emotes: ['777'] }],
      [
        'gift',
        {
          giftName: 'Rose',
          giftId: 5655,
          diamondCount: 1,
          repeatCount: 7,
          repeatEnd: true,
          streakId: '1700000000123',
          giftType: 1,
          streakable: true,
        },
      ],
      ['like', { likeCount: 15, totalLikes: 1500 }],
      ['follow', {}],
      ['viewer_count', { viewerCount: 321, totalViewers: 5000 }],
      ['stream_offline', { reason: 'control:3' }],
    ]);
    expect(events[0]!.user).toEqual({
      id: '7034582914412233733',
      username: 'oracle.fan',
      nickname: 'Oracle Fan',
      profilePictureUrl: 'https://p16.tiktokcdn.com/a.webp',
      followRole: 1,
      isModerator: true,
      isSubscriber: true,
    });
    expect(events[0]!.timestamp).toBe(1732300000123);
    expect(events[0]!.meta).toEqual({ platformMessageId: '9000000000000000001', channel: '7301962345897160001' });
  });
});

describe('the host flag (UserIdentity.isAnchor, field 6)', () => {
  it("marks the streamer's chat with data.isHost, as tiktok-live-connector encodes it, and nobody else's", () => {
    const chat = (isAnchor: boolean) =>
      bytes(
        tlc.WebcastChatMessage as Codec<tlc.WebcastChatMessage>,
        make(tlc.WebcastChatMessage as Codec<tlc.WebcastChatMessage>, {
          user: make(tlc.User as Codec<tlc.User>, { id: '1', nickname: 'Host', displayId: 'host' }),
          content: '!dice',
          userIdentity: make(tlc.UserIdentity as Codec<tlc.UserIdentity>, { isAnchor }),
        }),
      );
    const data = (isAnchor: boolean) =>
      normalizeWebcastMessage(decodeWebcastMessage('WebcastChatMessage', chat(isAnchor)), { receivedAt: 0, msgId: '1' }).data;
    expect(data(true)).toEqual({ message: '!dice', isHost: true });
    expect(data(false)).toEqual({ message: '!dice' });
  });
});

describe("the fake's frames decoded by tiktok-live-connector's deserializeWebSocketMessage", () => {
  it('agrees with our decoder on every scripted message', async () => {
    const messages = [...tiktokBatchBasics(), ...tiktokBatchGiftStreak(), ...tiktokBatchExtras().slice(0, 3)];
    const result = encodeTikTokFetchResult({ messages, cursor: 'c1', internalExt: 'ext1', needAck: true });
    const frame = encodeTikTokPushFrame({
      seqId: 1,
      logId: 4243,
      headers: { compress_type: 'gzip' },
      payloadType: 'msg',
      payload: gzipSync(result),
    });
    const theirs = await tlc.deserializeWebSocketMessage(frame);
    const ours = decodeWebcastFrame(frame);
    expect(theirs.logId).toBe(ours.frame.logId);
    expect(theirs.protoMessageFetchResult?.internalExt).toBe('ext1');
    expect(theirs.protoMessageFetchResult?.needAck).toBe(true);
    const decoded = theirs.protoMessageFetchResult!.messages;
    expect(decoded.map((m) => m.method)).toEqual(ours.batch!.messages.map((m) => m.method));
    for (const [index, message] of ours.batch!.messages.entries()) {
      const their = (decoded[index] as unknown as { decodedData?: { data: Record<string, unknown> }; decodeError?: unknown }).decodedData
        ?.data;
      expect(their, message.method).toBeDefined();
      if (!isMappedMethod(message.method)) continue;
      const mine = decodeWebcastMessage(message.method, message.payload).message as unknown as Record<string, unknown>;
      const theirCommon = their!.common as { msgId: string; createTime: string };
      expect(theirCommon.msgId).toBe((mine.common as { msgId: string }).msgId);
      expect(Number(theirCommon.createTime)).toBe((mine.common as { createTime: number }).createTime);
      const theirUser = their!.user as { id: string; displayId: string; nickname: string } | undefined;
      const myUser = mine.user as { id: string; displayId: string; nickname: string } | undefined;
      if (myUser)
        expect([theirUser?.id, theirUser?.displayId, theirUser?.nickname]).toEqual([myUser.id, myUser.displayId, myUser.nickname]);
    }
    const gift = decoded[6]!.decodedData!.data as {
      repeatCount: number;
      repeatEnd: number;
      groupId: string;
      gift: { type: number; name: string };
    };
    expect([gift.repeatCount, gift.repeatEnd, gift.groupId, gift.gift.type, gift.gift.name]).toEqual([1, 0, '1700000000123', 1, 'Rose']);
  });
});
