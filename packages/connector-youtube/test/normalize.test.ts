import { describe, expect, it } from 'vitest';
import { parseEvent, parseTimestamp } from '@vmsc/core';
import { youtubeListPage1Fixture, youtubeListChatEndedFixture, youtubeGiftEvent, youtubeMessage, youtubeTextMessage } from '@vmsc/testing';
import { nextPacificMidnight } from '../src/quota.js';
import { ChatPipeline, normalizeMessage, type RawListResponse, type RawLiveChatMessage } from '../src/index.js';

const page1 = youtubeListPage1Fixture as unknown as RawListResponse;
const items = page1.items as RawLiveChatMessage[];
const byId = (suffix: string) => items.find((item) => item.id!.endsWith(suffix))!;

describe('normalizeMessage: every fixture type', () => {
  it('maps every item of the fixture page to a valid event of the right type', () => {
    const types = items.map((item) => {
      const event = normalizeMessage(item, { liveChatId: 'chat' });
      const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
      return event.type;
    });
    expect(types).toEqual([
      'chat',
      'chat',
      'super_chat',
      'super_sticker',
      'new_subscriber',
      'member_milestone',
      'membership_gift',
      'gift_membership_received',
      'message_deleted',
      'user_banned',
      'user_banned',
      'members_only_mode',
      'poll_begin',
      'message_deleted',
    ]);
  });

  it('chat: text, author as user (handle without @), YouTube id in meta and data, publishedAt as timestamp', () => {
    const event = normalizeMessage(byId('01-textMessageEvent'), { liveChatId: 'chat' });
    expect(event.type).toBe('chat');
    expect(event.data).toEqual({ message: 'hello chat!', messageId: 'LCC.fixture-01-textMessageEvent' });
    expect(event.user).toMatchObject({
      id: 'UCa1b2c3d4e5f6g7h8i9j0kA',
      username: 'pixelfan',
      nickname: '@pixelfan',
      isModerator: false,
      isSubscriber: false,
    });
    expect(event.meta).toEqual({ platformMessageId: 'LCC.fixture-01-textMessageEvent', channel: items[0]!.snippet!.liveChatId });
    expect(event.timestamp).toBe(Date.parse('2024-05-04T18:01:02.123Z'));
    expect(normalizeMessage(byId('02-textMessageEvent')).user.isModerator).toBe(true);
  });

  it('chat: the channel owner is flagged in data.isChatOwner (user.isModerator covers owner and moderators)', () => {
    const item = byId('02-textMessageEvent');
    const owner = normalizeMessage({ ...item, authorDetails: { ...item.authorDetails!, isChatOwner: true, isChatModerator: false } });
    expect(owner.data).toMatchObject({ isChatOwner: true });
    expect(owner.user.isModerator).toBe(true);
    expect(parseEvent(JSON.parse(JSON.stringify(owner))).ok).toBe(true);
    expect(normalizeMessage(item).data).not.toHaveProperty('isChatOwner');
  });

  it('super chat and super sticker keep amountMicros exactly and derive the amount with integer maths', () => {
    const superChat = normalizeMessage(byId('03-superChatEvent'));
    expect(superChat.data).toEqual({
      amount: 5,
      currency: 'USD',
      amountMicros: '5000000',
      amountString: '5',
      amountDisplayString: '$5.00',
      message: 'great stream!',
      tier: 2,
      messageId: 'LCC.fixture-03-superChatEvent',
    });
    const sticker = normalizeMessage(byId('04-superStickerEvent'));
    expect(sticker.data).toMatchObject({
      amount: 2,
      currency: 'EUR',
      amountMicros: '2000000',
      stickerId: 'youtube_gaming_cheer_wave',
      altTextLanguage: 'en',
    });
  });

  it('amounts that a float would get wrong stay exact', () => {
    const huge = youtubeMessage('superChatEvent', {
      superChatDetails: { amountMicros: '9007199254740993000001', currency: 'IDR', tier: 7 },
    });
    const event = normalizeMessage(huge as RawLiveChatMessage);
    expect(event.type === 'super_chat' && event.data.amountString).toBe('9007199254740993.000001');
    expect(event.type === 'super_chat' && event.data.amountMicros).toBe('9007199254740993000001');
    const small = normalizeMessage(
      youtubeMessage('superChatEvent', { superChatDetails: { amountMicros: '1750000', currency: 'USD' } }) as RawLiveChatMessage,
    );
    expect(small.type === 'super_chat' && small.data.amount).toBe(1.75);
  });

  it('memberships: new member, milestone, gifting and each received gift linked to the purchase', () => {
    expect(normalizeMessage(byId('05-newSponsorEvent')).data).toEqual({ tier: 'Gold', isUpgrade: false });
    expect(normalizeMessage(byId('06-memberMilestoneChatEvent')).data).toEqual({
      memberMonths: 12,
      message: 'a whole year!',
      tier: 'Gold',
    });
    expect(normalizeMessage(byId('07-membershipGiftingEvent')).data).toEqual({
      tier: 'Gold',
      giftCount: 5,
      messageId: 'LCC.fixture-07-membershipGiftingEvent',
    });
    const received = normalizeMessage(byId('08-giftMembershipReceivedEvent'));
    expect(received.user.id).toBe('UCreceiverXreceiverXrecA');
    expect(received.data).toEqual({
      tier: 'Gold',
      gifterChannelId: 'UCgifterXgifterXgifterXA',
      giftMessageId: 'LCC.fixture-07-membershipGiftingEvent',
    });
  });

  it('deletions name the removed message; bans carry the banned user, the moderator and an exact duration', () => {
    const deleted = normalizeMessage(byId('09-messageDeletedEvent'));
    expect(deleted.data).toEqual({ messageId: 'LCC.fixture-01-textMessageEvent', via: 'messageDeletedEvent' });
    expect(deleted.user.id).toBe('UCmodmodmodmodmodmodmodA');
    const timeout = normalizeMessage(byId('10-userBannedEvent'));
    expect(timeout.user).toMatchObject({ id: 'UCspamXspamXspamXspamXsA', username: 'spam_bot' });
    expect(timeout.data).toEqual({
      moderator: { id: 'UCmodmodmodmodmodmodmodA', username: 'helpful_mod', nickname: '@helpful_mod' },
      banType: 'temporary',
      isPermanent: false,
      banDurationSeconds: '300',
      endsAt: Date.parse('2024-05-04T18:02:05Z') + 300_000,
    });
    expect(normalizeMessage(byId('11-userBannedEvent')).data).toMatchObject({ banType: 'permanent', isPermanent: true });
    expect(normalizeMessage(byId('11-userBannedEvent')).data).not.toHaveProperty('banDurationSeconds');
    const tombstone = normalizeMessage(byId('14-tombstone'));
    expect(tombstone.data).toEqual({ messageId: 'LCC.fixture-14-tombstone', via: 'tombstone' });
    expect(tombstone.user.id).toBe('UCa1b2c3d4e5f6g7h8i9j0kA');
    const retracted = normalizeMessage(
      youtubeMessage('messageRetractedEvent', { messageRetractedDetails: { retractedMessageId: 'LCC.x' } }) as RawLiveChatMessage,
    );
    expect(retracted).toMatchObject({ type: 'message_retracted', data: { messageId: 'LCC.x' } });
  });

  it('polls keep tallies as strings and sum them exactly; Jewels gifts and members-only mode', () => {
    expect(normalizeMessage(byId('13-pollEvent')).data).toEqual({
      pollId: 'LCC.fixture-13-pollEvent',
      title: 'Which map next?',
      status: 'active',
      choices: [
        { title: 'Forest', tally: '42' },
        { title: 'Desert', tally: '17' },
      ],
      totalTally: '59',
    });
    const gift = normalizeMessage(youtubeGiftEvent(3, { id: 'LCC.gift' }) as RawLiveChatMessage);
    expect(gift).toMatchObject({
      type: 'jewels_gift',
      data: { giftName: 'Heart', jewelsAmount: 10, comboCount: 3, messageId: 'LCC.gift' },
    });
    expect(normalizeMessage(byId('12-sponsorOnlyModeStartedEvent')).data).toEqual({ enabled: true });
    expect(normalizeMessage(youtubeMessage('sponsorOnlyModeEndedEvent') as RawLiveChatMessage).data).toEqual({ enabled: false });
  });

  it('chatEndedEvent is stream_offline with the system user', () => {
    const event = normalizeMessage(youtubeListChatEndedFixture.items[0] as RawLiveChatMessage);
    expect(event).toMatchObject({ type: 'stream_offline', data: { reason: 'chatEndedEvent' }, user: { id: 'system' } });
  });

  it('malformed and unmapped items become unknown events with a reason, never a throw', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ id: 'a' }, /snippet.type/],
      [youtubeMessage('superChatEvent', { superChatDetails: { amountMicros: 1.5, currency: 'USD' } }), /amountMicros/],
      [youtubeMessage('superChatEvent', {}), /superChatDetails/],
      [
        youtubeMessage('userBannedEvent', { userBannedDetails: { bannedUserDetails: { channelId: 'x' }, banDurationSeconds: '3e2' } }),
        /banDurationSeconds/,
      ],
      [youtubeMessage('invalidType'), /no mapping/],
      [youtubeMessage('textMessageEvent', {}, {}), /messageText/],
      [null, /not an object/],
    ];
    for (const [item, reason] of cases) {
      const event = normalizeMessage(item as RawLiveChatMessage);
      expect(event.type).toBe('unknown');
      expect(event.type === 'unknown' && event.data.reason).toMatch(reason);
      expect(event.type === 'unknown' && event.data.payload).toBe(item);
    }
  });
});

describe('ChatPipeline', () => {
  it('dedupes by id, but lets a giftEvent through again with a growing comboCount', () => {
    const pipeline = new ChatPipeline();
    const text = youtubeTextMessage('hi') as RawLiveChatMessage;
    const gift1 = youtubeGiftEvent(1, { id: 'LCC.combo' }) as RawLiveChatMessage;
    const gift2 = youtubeGiftEvent(2, { id: 'LCC.combo' }) as RawLiveChatMessage;
    const first = pipeline.process({ items: [text, gift1] });
    const second = pipeline.process({ items: [text, gift1, gift2] });
    expect(first.events.map((e) => e.type)).toEqual(['chat', 'jewels_gift']);
    expect(second.events.map((e) => e.type === 'jewels_gift' && e.data.comboCount)).toEqual([2]);
    expect(second.duplicates).toBe(2);
  });

  it('announces each removed message once, whether by messageDeletedEvent or tombstone', () => {
    const pipeline = new ChatPipeline();
    const removed = youtubeTextMessage('bad words', { id: 'LCC.bad' }) as RawLiveChatMessage;
    const deleted = youtubeMessage('messageDeletedEvent', { messageDeletedDetails: { deletedMessageId: 'LCC.bad' } }) as RawLiveChatMessage;
    const tombstone = { id: 'LCC.bad', snippet: { type: 'tombstone', authorChannelId: 'UCx', publishedAt: removed.snippet!.publishedAt } };
    const result = pipeline.process({ items: [removed, deleted, tombstone] });
    expect(result.events.map((e) => e.type)).toEqual(['chat', 'message_deleted']);
  });

  it('turns poll snapshots into begin, progress (on tally change only) and end', () => {
    const pipeline = new ChatPipeline();
    const poll = (tallies: string[], status = 'active') =>
      youtubeMessage(
        'pollEvent',
        { pollDetails: { metadata: { questionText: 'Q?', options: tallies.map((tally, i) => ({ optionText: `o${i}`, tally })) }, status } },
        { id: 'LCC.poll' },
      ) as RawLiveChatMessage;
    const types = [
      pipeline.process({ items: [poll(['0', '0'])] }),
      pipeline.process({ items: [], activePollItem: poll(['0', '0']) }),
      pipeline.process({ items: [], activePollItem: poll(['3', '1']) }),
      pipeline.process({ items: [poll(['5', '1'], 'closed')] }),
      pipeline.process({ items: [poll(['5', '1'], 'closed')] }),
    ].map((result) => result.events.map((e) => e.type));
    expect(types).toEqual([['poll_begin'], [], ['poll_progress'], ['poll_end'], []]);
  });

  it('pairs a poll_end that YouTube gave a new message id with its poll_begin (same chat, question and options)', () => {
    const pipeline = new ChatPipeline({ liveChatId: 'chat' });
    const begun = page1.activePollItem!;
    const ended = structuredClone(begun);
    ended.id = 'LCC.fixture-13-pollEvent-ended';
    ended.snippet!.pollDetails = { ...ended.snippet!.pollDetails!, status: 'closed' };
    ended.snippet!.pollDetails.metadata!.options![0]!.tally = '50';
    const begin = pipeline.process({ items: [], activePollItem: begun }).events;
    const end = pipeline.process({ items: [ended] }).events;
    expect(begin.map((e) => [e.type, e.data])).toEqual([['poll_begin', expect.objectContaining({ pollId: begun.id })]]);
    expect(end.map((e) => e.type)).toEqual(['poll_end']);
    expect(end[0]!.data).toMatchObject({ pollId: begun.id, status: 'closed', totalTally: '67' });
    expect(end[0]!.meta?.platformMessageId).toBe('LCC.fixture-13-pollEvent-ended');
    // the ended poll seen again, under either id, is nothing new
    expect(pipeline.process({ items: [ended], activePollItem: { ...ended, id: 'LCC.third-id' } }).events).toEqual([]);
  });

  it('does not pair polls of another question, or an ended poll asked again, and keeps each poll its own id', () => {
    const pipeline = new ChatPipeline({ liveChatId: 'chat' });
    const poll = (id: string, question: string, status = 'active') =>
      youtubeMessage(
        'pollEvent',
        { pollDetails: { metadata: { questionText: question, options: [{ optionText: 'a', tally: '0' }] }, status } },
        { id },
      ) as RawLiveChatMessage;
    const seen = (raw: RawLiveChatMessage) =>
      pipeline.process({ items: [raw] }).events.map((e) => `${e.type}:${(e.data as { pollId: string }).pollId}`);
    expect(seen(poll('LCC.1', 'Q1?'))).toEqual(['poll_begin:LCC.1']);
    expect(seen(poll('LCC.2', 'Q2?', 'closed'))).toEqual(['poll_end:LCC.2']);
    expect(seen(poll('LCC.3', 'Q1?', 'closed'))).toEqual(['poll_end:LCC.1']);
    expect(seen(poll('LCC.4', 'Q1?'))).toEqual(['poll_begin:LCC.4']);
    expect(seen(poll('LCC.5', 'Q1?', 'closed'))).toEqual(['poll_end:LCC.4']);
  });

  it('ends on chatEndedEvent or offlineAt, with one stream_offline last', () => {
    const ended = new ChatPipeline().process(youtubeListChatEndedFixture as unknown as RawListResponse);
    expect(ended.ended).toBe(true);
    expect(ended.events.map((e) => e.type)).toEqual(['stream_offline']);
    expect(ended.events[0]!.data).toEqual({ reason: 'chatEndedEvent', offlineAt: Date.parse('2024-05-04T20:00:00Z') });
    const pipeline = new ChatPipeline();
    const offline = pipeline.process({
      items: [youtubeTextMessage('bye') as RawLiveChatMessage],
      offlineAt: '2024-05-04T20:00:00.000000+00:00',
    });
    expect(offline.events.map((e) => e.type)).toEqual(['chat', 'stream_offline']);
    expect(offline.events[1]!.data).toMatchObject({ reason: 'offlineAt' });
    expect(pipeline.process({ items: [], offlineAt: '2024-05-04T20:00:00Z' }).events).toEqual([]);
  });

  it('tags history pages', () => {
    const result = new ChatPipeline().process(page1, true);
    expect(result.events.every((event) => event.meta?.history === true)).toBe(true);
  });
});

describe('nextPacificMidnight', () => {
  it('is 07:00 UTC in summer (PDT) and 08:00 UTC in winter (PST)', () => {
    expect(new Date(nextPacificMidnight(Date.parse('2024-07-01T12:00:00Z'))).toISOString()).toBe('2024-07-02T07:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2024-01-15T07:59:00Z'))).toISOString()).toBe('2024-01-15T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2024-01-15T08:00:00Z'))).toISOString()).toBe('2024-01-16T08:00:00.000Z');
    // the night DST starts (2024-03-10): the next midnight after the 9th is still PST
    expect(new Date(nextPacificMidnight(Date.parse('2024-03-09T20:00:00Z'))).toISOString()).toBe('2024-03-10T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2024-03-10T20:00:00Z'))).toISOString()).toBe('2024-03-11T07:00:00.000Z');
  });
});

describe('publishedAt (read with core parseTimestamp)', () => {
  it('agrees with Date.parse on YouTube timestamps and falls back for other forms', () => {
    for (const text of [
      '2024-05-04T18:01:02.123456+00:00',
      '2024-05-04T18:01:02.999999+00:00',
      '2024-05-04T18:01:02+00:00',
      '2024-05-04T18:01:02Z',
      '2024-05-04T18:01:02.5Z',
      '2024-12-31T23:59:59.000001-08:00',
      '2024-02-29T00:00:00.000000+05:30',
      'Sat, 04 May 2024 18:01:02 GMT',
    ]) {
      expect(parseTimestamp(text), text).toBe(Date.parse(text));
    }
    expect(parseTimestamp('not a date')).toBeUndefined();
    expect(parseTimestamp('2024-0X-04T18:01:02.123456+00:00')).toBeUndefined();
  });
});
