import { describe, expect, it } from 'vitest';
import { anonymousUser, isEvent, parseEvent, type StreamEvent } from '@vmsc/core';
import { kickEventFrames, type KickFixtureName } from '@vmsc/testing';
import { decodeFrameText, normalizeKickFrame } from '../src/index.js';
import { parseInnerData, stripEventPrefix } from '../src/normalize/decode.js';
import { KickDeduper } from '../src/normalize/dedupe.js';
import { parseEmotes } from '../src/normalize/emotes.js';
import { parseKickTimestamp } from '../src/normalize/timestamp.js';

const expectedType: Record<KickFixtureName, string> = {
  ChannelSubscriptionEvent: 'subscribe',
  'ChatMessageEvent-2023': 'chat',
  'ChatMessageEvent-badges-nometadata': 'chat',
  'ChatMessageEvent-celebration': 'chat',
  'ChatMessageEvent-emote-inline': 'chat',
  'ChatMessageEvent-reply': 'chat',
  ChatMessageEvent: 'chat',
  'ChatMessageSentEvent-subscribe': 'subscribe',
  ChatMoveToSupportedChannelEvent: 'host_out',
  ChatSettingsChanged: 'chat_settings',
  ChatroomUpdatedEvent: 'chat_settings',
  FollowersUpdated: 'follow',
  'GiftedSubscriptionsEvent-legacy-app-prefixed': 'gifted_sub',
  GiftedSubscriptionsEvent: 'gifted_sub',
  'GoalProgressUpdateEvent-followers': 'goal_progress',
  'KicksGifted-basic-nomessage': 'kicks_gift',
  KicksGifted: 'kicks_gift',
  LuckyUsersWhoGotGiftSubscriptionsEvent: 'gifted_sub',
  MessageDeletedEvent: 'message_deleted',
  NewActivityFeedEvent: 'subscribe',
  NewSubscriberUpdatedEvent: 'subscribe',
  PinnedMessageDeletedEvent: 'message_unpinned',
  PollUpdateEvent: 'poll_update',
  RewardRedeemedEvent: 'reward_redeem',
  StopStreamBroadcast: 'stream_offline',
  StreamHostEvent: 'host',
  StreamHostedEvent: 'host',
  StreamerIsLive: 'stream_online',
  SubscriptionEvent: 'subscribe',
  'UserBannedEvent-permanent': 'ban',
  'UserBannedEvent-timeout': 'ban',
  UserUnbannedEvent: 'unban',
};

function normalized(name: KickFixtureName): StreamEvent {
  return normalizeKickFrame(decodeFrameText(kickEventFrames[name]), { channel: 'xqc' }).event;
}

describe('normalizeKickFrame on every captured frame', () => {
  for (const name of Object.keys(kickEventFrames) as KickFixtureName[]) {
    it(`${name} → ${expectedType[name]}, a valid StreamEvent`, () => {
      const result = normalizeKickFrame(decodeFrameText(kickEventFrames[name]), { channel: 'xqc' });
      expect(result.problem).toBeUndefined();
      expect(result.event.type).toBe(expectedType[name]);
      expect(result.event.source).toBe('kick');
      expect(result.event.meta?.channel).toBe('xqc');
      const parsed = parseEvent(JSON.parse(JSON.stringify(result.event)));
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
    });
  }
  it('covers every fixture with an expectation', () => {
    expect(Object.keys(expectedType).sort()).toEqual(Object.keys(kickEventFrames).sort());
  });
});

describe('field mapping', () => {
  it('chat: emotes as ids + details, badges, user, ISO timestamp, message id', () => {
    const event = normalized('ChatMessageEvent');
    if (!isEvent(event, 'kick', 'chat')) throw new Error(event.type);
    expect(event.data.message).toBe('[emote:37232:PeepoClap][emote:37232:PeepoClap][emote:37232:PeepoClap]');
    expect(event.data.emotes).toEqual(['37232']);
    expect(event.data.emoteDetails).toEqual([{ id: '37232', name: 'PeepoClap' }]);
    expect(event.data.chatId).toBe('da2b034a-7042-4c7c-a3d4-a4288184ffc0');
    expect(event.user).toMatchObject({ id: '79274493', username: 'utamaro1', nickname: 'UTAMARO1' });
    expect(event.timestamp).toBe(Date.UTC(2026, 8, 27, 16, 11, 55));
    expect(event.meta?.platformMessageId).toBe('da2b034a-7042-4c7c-a3d4-a4288184ffc0');
  });

  it('chat: badges set moderator/subscriber flags; replies and celebrations are kept', () => {
    const badges = normalized('ChatMessageEvent-badges-nometadata');
    expect(badges.user).toMatchObject({ isModerator: true, isSubscriber: true });
    const reply = normalized('ChatMessageEvent-reply');
    if (!isEvent(reply, 'kick', 'chat')) throw new Error(reply.type);
    expect(reply.data.replyTo).toEqual({
      messageId: '08ee7ab6-cf63-49ac-badf-38bc8e3e0cd3',
      message: 'Steelers are cooked',
      user: { id: '130541567', username: 'b58y0', nickname: 'b58y0' },
    });
    const celebration = normalized('ChatMessageEvent-celebration');
    if (!isEvent(celebration, 'kick', 'chat')) throw new Error(celebration.type);
    expect(celebration.data.celebration).toEqual({ type: 'subscription_renewed', totalMonths: 13 });
  });

  it('subscribe signals carry months when Kick sends them, names otherwise', () => {
    const sub = normalized('SubscriptionEvent');
    expect(sub.data).toEqual({ months: 2 });
    expect(sub.user).toMatchObject({ id: 'name:demontears', nickname: 'DemonTears' });
    expect(normalized('ChannelSubscriptionEvent').user.id).toBe('75609757');
    const info = normalized('ChatMessageSentEvent-subscribe');
    expect(info.data).toEqual({ months: 2 });
    expect(info.timestamp).toBe(1790526444 * 1000);
    expect(normalized('NewActivityFeedEvent').timestamp).toBe(1790526444521);
  });

  it('gifted subs: 002 and 003 names, recipients, gifter total', () => {
    const gift = normalized('GiftedSubscriptionsEvent');
    expect(gift.data).toEqual({
      giftCount: 1,
      giftedCount: 1,
      gifterUsername: 'Kl_Vava',
      recipients: ['ebii03'],
      recipientUser: { id: 'name:ebii03', username: 'ebii03', nickname: 'ebii03' },
      gifterTotal: 9,
    });
    expect(normalized('LuckyUsersWhoGotGiftSubscriptionsEvent').data).toMatchObject({ giftCount: 5, gifterUsername: 'Jana_ai' });
  });

  it('Kicks gifts, bans, deletions, polls, live/offline', () => {
    expect(normalized('KicksGifted').data).toEqual({
      giftId: 'rage_quit',
      giftName: 'Rage Quit',
      amount: 500,
      giftType: 'LEVEL_UP',
      tier: 'MID',
      message: '🔝',
      transactionId: 'b922fca5-73b3-45d2-a28e-135553dd8a06',
      expiresAt: Date.parse('2026-09-27T16:22:16.212Z'),
    });
    expect(normalized('KicksGifted-basic-nomessage').data).not.toHaveProperty('message');
    const timeout = normalized('UserBannedEvent-timeout');
    expect(timeout.user.username).toBe('rittikj');
    expect(timeout.data).toEqual({
      moderator: { id: 'name:botrix', username: 'botrix', nickname: 'BotRix' },
      isPermanent: false,
      durationMinutes: 1,
      expiresAt: Date.parse('2026-09-27T16:13:31Z'),
    });
    expect(normalized('MessageDeletedEvent').data).toEqual({
      messageId: '7ba14761-bbc7-44a9-a2d7-5c22b1407226',
      aiModerated: true,
      violatedRules: ['is_spam-TRUE'],
    });
    const poll = normalized('PollUpdateEvent');
    expect(poll.data).toMatchObject({ title: 'لو بيتر نزل على فيكو مين يفوز', durationSeconds: 30, remainingSeconds: 30 });
    const live = normalized('StreamerIsLive');
    expect(live.data).toMatchObject({ startedAt: Date.parse('2025-09-14T23:18:20Z'), livestreamId: '74331109' });
    expect(normalized('StopStreamBroadcast').data).toEqual({ reason: 'StopStreamBroadcast' });
  });

  it('follows: the legacy frame is anonymous (Kick sends username null)', () => {
    const follow = normalized('FollowersUpdated');
    expect(follow.user).toEqual(anonymousUser()); // a viewer, not the system placeholder
    expect(follow.data).toEqual({ followersCount: 348, anonymous: true });
    expect(follow.timestamp).toBe(1678084970 * 1000);
  });
});

describe('frame decoding', () => {
  it('strips App\\Events\\ and accepts data as a string, an object or an array', () => {
    expect(stripEventPrefix('App\\Events\\ChatMessageEvent')).toBe('ChatMessageEvent');
    expect(stripEventPrefix('KicksGifted')).toBe('KicksGifted');
    expect(parseInnerData('{"a":1}')).toEqual({ a: 1 });
    expect(parseInnerData('[]')).toEqual([]);
    expect(parseInnerData({ a: 1 })).toEqual({ a: 1 });
    expect(parseInnerData('plain text')).toBe('plain text');
    const objectData = decodeFrameText(
      JSON.stringify({ event: 'App\\Events\\SubscriptionEvent', data: { username: 'a', months: 3 }, channel: 'c' }),
    );
    expect(normalizeKickFrame(objectData).event.data).toEqual({ months: 3 });
  });

  it('rejects non-JSON frames with a ProtocolError', () => {
    expect(() => decodeFrameText('nope')).toThrow(/not JSON/);
    expect(() => decodeFrameText('{"data":1}')).toThrow(/without an event name/);
  });

  it('surfaces unknown events as `unknown`, and malformed known events as `unknown` with a problem', () => {
    const unknown = normalizeKickFrame(decodeFrameText('{"event":"App\\\\Events\\\\BrandNewEvent","data":"{\\"x\\":1}","channel":"c"}'));
    expect(unknown.event.type).toBe('unknown');
    expect(unknown.event.data).toEqual({ kind: 'BrandNewEvent', payload: { x: 1 } });
    const leaderboard = normalizeKickFrame(decodeFrameText('{"event":"KicksLeaderboardUpdated","data":"{}","channel":"c"}'));
    expect(leaderboard.event.data).toMatchObject({ kind: 'KicksLeaderboardUpdated', reason: expect.stringContaining('leaderboard') });
    const broken = normalizeKickFrame(
      decodeFrameText('{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"x\\"}","channel":"c"}'),
    );
    expect(broken.event.type).toBe('unknown');
    expect(broken.problem).toMatch(/ChatMessageEvent on c lacks content/);
    const stringPayload = normalizeKickFrame(decodeFrameText('{"event":"App\\\\Events\\\\UserBannedEvent","data":"oops","channel":"c"}'));
    expect(stringPayload.problem).toMatch(/object payload/);
  });
});

describe('helpers', () => {
  it('parses [emote:ID:name] markup, adjacent and glued to text', () => {
    expect(parseEmotes('a[emote:1:x][emote:2:y]b [emote:1:x]')).toEqual([
      { id: '1', name: 'x' },
      { id: '2', name: 'y' },
    ]);
    expect(parseEmotes('no emotes [emote:abc:x]')).toEqual([]);
  });

  it('reads timestamps in all three forms', () => {
    expect(parseKickTimestamp('2026-09-27T16:11:55+00:00')).toBe(Date.UTC(2026, 8, 27, 16, 11, 55));
    expect(parseKickTimestamp('2026-09-27T16:12:18.812917279Z')).toBe(Date.UTC(2026, 8, 27, 16, 12, 18, 812));
    expect(parseKickTimestamp('2025-09-14 23:18:20')).toBe(Date.UTC(2025, 8, 14, 23, 18, 20));
    expect(parseKickTimestamp(1790526444)).toBe(1790526444000);
    expect(parseKickTimestamp(1790526444521)).toBe(1790526444521);
    expect(parseKickTimestamp('1790526444')).toBe(1790526444000);
    expect(parseKickTimestamp('garbage')).toBeUndefined();
    expect(parseKickTimestamp(null)).toBeUndefined();
  });

  it('the deduper folds keys within its window only', () => {
    let now = 0;
    const deduper = new KickDeduper(1_000, () => now);
    expect(deduper.admit(['sub:a'])).toBe(true);
    expect(deduper.admit(['sub:a'])).toBe(false);
    now = 2_000;
    expect(deduper.admit(['sub:a'])).toBe(true);
    expect(deduper.size).toBe(1);
  });
});
