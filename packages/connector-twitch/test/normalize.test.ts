import { ANONYMOUS_USER_ID, parseEvent, type StreamEvent } from '@vmsc/core';
import { twitchNotificationFixtures, type TwitchNotificationFixtureName } from '@vmsc/testing';
import { describe, expect, it } from 'vitest';
import { normalizeNotification, type RawNotificationMessage } from '../src/index.js';

function frame(name: TwitchNotificationFixtureName, event: Record<string, unknown> = {}): RawNotificationMessage {
  const fixture = structuredClone(twitchNotificationFixtures[name]) as unknown as RawNotificationMessage;
  Object.assign(fixture.payload.event, event);
  return fixture;
}

function valid<E extends StreamEvent>(event: E): E {
  const parsed = parseEvent(JSON.parse(JSON.stringify({ ...event, raw: undefined })));
  expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
  return event;
}

const expectedTypes: Record<TwitchNotificationFixtureName, string> = {
  'channel.ad_break.begin': 'ad_break',
  'channel.ban': 'ban',
  'channel.channel_points_custom_reward_redemption.add': 'channel_point_redeem',
  'channel.charity_campaign.donate': 'charity_donation',
  'channel.chat.message': 'chat',
  'channel.chat.message.shared-chat': 'chat',
  'channel.chat.notification.resub': 'unknown',
  'channel.cheer': 'cheer',
  'channel.follow': 'follow',
  'channel.hype_train.begin': 'hype_train_begin',
  'channel.hype_train.end': 'hype_train_end',
  'channel.hype_train.progress': 'hype_train_progress',
  'channel.poll.begin': 'poll_begin',
  'channel.poll.end': 'poll_end',
  'channel.poll.progress': 'poll_progress',
  'channel.prediction.begin': 'prediction_begin',
  'channel.prediction.end': 'prediction_end',
  'channel.prediction.lock': 'prediction_lock',
  'channel.prediction.progress': 'prediction_progress',
  'channel.raid': 'raid',
  'channel.shoutout.create': 'shoutout_create',
  'channel.shoutout.receive': 'shoutout_receive',
  'channel.subscribe': 'subscribe',
  'channel.subscription.gift': 'subscription_gift',
  'channel.subscription.message': 'subscribe',
  'stream.offline': 'stream_offline',
  'stream.online': 'stream_online',
};

describe('normalizeNotification on Twitch’s documented payloads', () => {
  it.each(Object.keys(expectedTypes) as TwitchNotificationFixtureName[])('%s → a valid event of the right type', (name) => {
    const event = valid(normalizeNotification(frame(name)));
    expect(event.source).toBe('twitch');
    expect(event.type).toBe(expectedTypes[name]);
    expect(event.meta?.platformMessageId).toBe(twitchNotificationFixtures[name].metadata.message_id);
    expect(event.timestamp).toBe(Date.parse('2023-07-19T10:11:12.634Z'));
  });

  it('covers all 24 catalogue types', () => {
    const types = new Set(Object.values(expectedTypes).filter((type) => type !== 'unknown'));
    expect(types.size).toBe(24);
  });

  it('chat: text, badges, moderator/subscriber flags, message id', () => {
    const event = normalizeNotification(frame('channel.chat.message'));
    if (event.type !== 'chat' || event.source !== 'twitch') throw new Error(event.type);
    expect(event.user).toEqual({ id: '4145994', username: 'viewer32', nickname: 'viewer32', isModerator: true, isSubscriber: true });
    expect(event.data.message).toBe('Hi chat');
    expect(event.data.messageId).toBe('cc106a89-1814-919d-454c-f4f2f970aae7');
    expect(event.data.badges).toEqual([
      { setId: 'moderator', id: '1' },
      { setId: 'subscriber', id: '12', info: '16' },
      { setId: 'sub-gifter', id: '1' },
    ]);
    expect(event.data.sharedChat).toBeUndefined();
    expect(event.meta?.channel).toBe('streamer');
  });

  it('chat: emote fragments give emote ids and names', () => {
    const event = normalizeNotification(
      frame('channel.chat.message', {
        message: {
          text: 'Hi Kappa',
          fragments: [
            { type: 'text', text: 'Hi ', cheermote: null, emote: null, mention: null },
            { type: 'emote', text: 'Kappa', cheermote: null, emote: { id: '25', emote_set_id: '0' }, mention: null },
          ],
        },
        cheer: { bits: 100 },
      }),
    );
    if (event.type !== 'chat') throw new Error(event.type);
    expect(event.data.emotes).toEqual(['25']);
    expect(event.data.emoteDetails).toEqual([{ id: '25', name: 'Kappa' }]);
    expect(event.data.bits).toBe(100);
  });

  it('shared chat: marked with the source channel', () => {
    const event = valid(normalizeNotification(frame('channel.chat.message.shared-chat')));
    if (event.type !== 'chat' || event.source !== 'twitch') throw new Error(event.type);
    expect(event.data.sharedChat).toEqual({
      sourceChannel: { id: '112233', username: 'streamer33', nickname: 'streamer33' },
      sourceMessageId: 'e03f6d5d-8ec8-4c63-b473-9e5fe61e289b',
      isSourceOnly: true,
    });
  });

  it('anonymous cheer: null user fields → the anonymous user, flagged', () => {
    const event = valid(
      normalizeNotification(frame('channel.cheer', { is_anonymous: true, user_id: null, user_login: null, user_name: null })),
    );
    if (event.type !== 'cheer' || event.source !== 'twitch') throw new Error(event.type);
    expect(event.user.id).toBe(ANONYMOUS_USER_ID);
    expect(event.data).toEqual({ bits: 1000, message: 'pogchamp', isAnonymous: true });
  });

  it('anonymous gift: null user fields and null cumulative_total', () => {
    const event = valid(
      normalizeNotification(
        frame('channel.subscription.gift', {
          is_anonymous: true,
          user_id: null,
          user_login: null,
          user_name: null,
          cumulative_total: null,
        }),
      ),
    );
    if (event.type !== 'subscription_gift' || event.source !== 'twitch') throw new Error(event.type);
    expect(event.user.id).toBe(ANONYMOUS_USER_ID);
    expect(event.data).toEqual({ tier: '1000', totalGifts: 2, isAnonymous: true });
  });

  it('gift: totals and tier as Twitch gives it', () => {
    const event = normalizeNotification(frame('channel.subscription.gift', { tier: '3000' }));
    if (event.type !== 'subscription_gift' || event.source !== 'twitch') throw new Error(event.type);
    expect(event.user.username).toBe('cool_user');
    expect(event.data).toEqual({ tier: '3000', totalGifts: 2, isAnonymous: false, cumulativeTotal: 284 });
  });

  it('subscribe: tier string kept; subscription.message → subscribe with months and message', () => {
    const sub = normalizeNotification(frame('channel.subscribe', { tier: '2000' }));
    if (sub.type !== 'subscribe' || sub.source !== 'twitch') throw new Error(sub.type);
    expect(sub.data).toEqual({ tier: '2000', isGift: false });
    const resub = normalizeNotification(frame('channel.subscription.message'));
    if (resub.type !== 'subscribe' || resub.source !== 'twitch') throw new Error(resub.type);
    expect(resub.data).toEqual({
      tier: '1000',
      isGift: false,
      isResub: true,
      message: 'Love the stream! FevziGG',
      emotes: ['302976485'],
      cumulativeMonths: 15,
      streakMonths: 1,
      durationMonths: 6,
    });
    const noStreak = normalizeNotification(frame('channel.subscription.message', { streak_months: null }));
    expect(noStreak.type === 'subscribe' && noStreak.source === 'twitch' && noStreak.data.streakMonths).toBeUndefined();
  });

  it('charity: value / 10^decimal_places, both field-name variants', () => {
    const documented = normalizeNotification(frame('channel.charity_campaign.donate'));
    if (documented.type !== 'charity_donation' || documented.source !== 'twitch') throw new Error(documented.type);
    expect(documented.data).toMatchObject({ amount: 100, currency: 'USD', campaignId: '123-abc-456-def', value: 10000, decimalPlaces: 2 });
    expect(documented.meta?.channel).toBe('sunnysideup');
    const variant = structuredClone(twitchNotificationFixtures['channel.charity_campaign.donate']) as unknown as RawNotificationMessage;
    const event = variant.payload.event;
    for (const suffix of ['id', 'login', 'name']) {
      event[`broadcaster_${suffix}`] = event[`broadcaster_user_${suffix}`];
      delete event[`broadcaster_user_${suffix}`];
    }
    event.amount = { value: 550, decimal_places: 2, currency: 'EUR' };
    const other = valid(normalizeNotification(variant));
    if (other.type !== 'charity_donation' || other.source !== 'twitch') throw new Error(other.type);
    expect(other.data.amount).toBe(5.5);
    expect(other.data.currency).toBe('EUR');
    expect(other.meta?.channel).toBe('sunnysideup');
    expect(other.user.username).toBe('generoususer1');
  });

  it('raid, shoutouts, ban, redemption, ad break', () => {
    const raid = normalizeNotification(frame('channel.raid'));
    expect(raid.type === 'raid' && raid.data).toEqual({
      fromBroadcaster: { id: '1234', username: 'cool_user', nickname: 'Cool_User' },
      viewerCount: 9001,
    });
    const create = normalizeNotification(frame('channel.shoutout.create'));
    expect(create.type === 'shoutout_create' && create.data.targetUser.username).toBe('sandysanderman');
    expect(create.user.username).toBe('particularlyparticular123');
    const receive = normalizeNotification(frame('channel.shoutout.receive'));
    expect(receive.type === 'shoutout_receive' && receive.data).toEqual({
      fromBroadcaster: { id: '12345', username: 'simplysimple', nickname: 'SimplySimple' },
      viewerCount: 860,
    });
    const ban = normalizeNotification(frame('channel.ban'));
    expect(ban.type === 'ban' && ban.source === 'twitch' && ban.data).toEqual({
      reason: 'Offensive language',
      moderator: { id: '1339', username: 'mod_user', nickname: 'Mod_User' },
      isPermanent: false,
      endsAt: Date.parse('2020-07-15T18:16:11.171Z'),
    });
    const redeem = normalizeNotification(frame('channel.channel_points_custom_reward_redemption.add'));
    expect(redeem.type === 'channel_point_redeem' && redeem.data).toMatchObject({
      rewardId: '9001',
      rewardTitle: 'title',
      userInput: 'pogchamp',
      rewardCost: 100,
    });
    const ad = normalizeNotification(frame('channel.ad_break.begin'));
    expect(ad.type === 'ad_break' && ad.source === 'twitch' && ad.data).toEqual({
      durationSeconds: 60,
      isAutomatic: false,
      startedAt: Date.parse('2019-11-16T10:11:12.634Z'),
      endsAt: Date.parse('2019-11-16T10:12:12.634Z'),
    });
  });

  it('polls and predictions: winners', () => {
    const end = normalizeNotification(frame('channel.poll.end'));
    expect(end.type === 'poll_end' && end.data.winningChoice).toEqual({
      id: '124',
      title: 'Yellow',
      votes: 140,
      bitsVotes: 100,
      channelPointsVotes: 40,
    });
    const archived = normalizeNotification(frame('channel.poll.end', { status: 'archived' }));
    expect(archived.type === 'poll_end' && archived.data.winningChoice).toBeNull();
    const prediction = normalizeNotification(frame('channel.prediction.end'));
    if (prediction.type !== 'prediction_end' || prediction.source !== 'twitch') throw new Error(prediction.type);
    expect(prediction.data.winningOutcome?.id).toBe('12345');
    expect(prediction.data.winningOutcome?.topPredictors?.[0]).toEqual({
      id: '1234',
      username: 'cool_user',
      nickname: 'Cool_User',
      pointsUsed: 500,
      pointsWon: 10000,
    });
    const canceled = normalizeNotification(frame('channel.prediction.end', { winning_outcome_id: null, status: 'canceled' }));
    expect(canceled.type === 'prediction_end' && canceled.data.winningOutcome).toBeNull();
  });

  it('hype train v2 and stream online', () => {
    const begin = normalizeNotification(frame('channel.hype_train.begin'));
    expect(begin.type === 'hype_train_begin' && begin.source === 'twitch' && begin.data).toMatchObject({
      level: 1,
      total: 137,
      goal: 500,
      progress: 137,
      trainType: 'regular',
      isSharedTrain: false,
    });
    const end = normalizeNotification(frame('channel.hype_train.end'));
    expect(end.type === 'hype_train_end' && end.source === 'twitch' && end.data.cooldownEndsAt).toBe(
      Date.parse('2020-07-16T17:16:11.171Z'),
    );
    const online = normalizeNotification(frame('stream.online'));
    expect(online.type === 'stream_online' && online.source === 'twitch' && online.data).toEqual({
      startedAt: Date.parse('2020-10-11T10:11:12.123Z'),
      streamType: 'live',
      streamId: '9001',
    });
  });

  it('unmapped types and malformed events become unknown events with the payload and a reason', () => {
    const notice = valid(normalizeNotification(frame('channel.chat.notification.resub')));
    expect(notice.type === 'unknown' && notice.data.kind).toBe('channel.chat.notification');
    expect(notice.type === 'unknown' && notice.data.reason).toMatch(/no mapping/);
    const mangled = frame('channel.poll.begin');
    (mangled.payload.event as { choices: unknown }).choices = null;
    const event = valid(normalizeNotification(mangled));
    expect(event.type).toBe('unknown');
    expect(event.type === 'unknown' && event.data.reason).toMatch(/documented shape/);
  });

  it('a user field of the wrong type makes the event unknown, naming the field', () => {
    const chat = frame('channel.chat.message', { chatter_user_login: 42 });
    const fromChat = valid(normalizeNotification(chat));
    expect(fromChat.type).toBe('unknown');
    expect(fromChat.type === 'unknown' && fromChat.data.reason).toMatch(/user\.username/);
    const raid = frame('channel.raid', {
      from_broadcaster_user_id: 7,
      from_broadcaster_user_login: 'raider',
      from_broadcaster_user_name: 'Raider',
    });
    const fromRaid = valid(normalizeNotification(raid));
    expect(fromRaid.type).toBe('unknown');
    expect(fromRaid.type === 'unknown' && fromRaid.data.reason).toMatch(/user\.id/);
    // A frame without a user (Twitch's nulls) still gets the anonymous placeholder, not an unknown event.
    const follow = valid(normalizeNotification(frame('channel.follow', { user_id: null, user_login: null, user_name: null })));
    expect(follow.type === 'follow' && follow.user.id).toBe('anonymous');
  });
});
