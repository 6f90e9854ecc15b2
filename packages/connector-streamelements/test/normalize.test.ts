import { describe, expect, it } from 'vitest';
import { parseEvent } from '@vmsc/core';
import {
  astroChannelActivitiesFixture,
  streamelementsActivityFixtures,
  streamelementsSessionUpdateFixture,
  streamelementsTestFixtures,
} from '@vmsc/testing';
import { normalizeActivity, type StreamElementsEvent } from '../src/index.js';
import { normalizeOtherMessage, normalizeTestEvent } from '../src/normalize/realtime-messages.js';

const valid = (event: StreamElementsEvent) => {
  const parsed = parseEvent(JSON.parse(JSON.stringify({ ...event, raw: undefined })));
  expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
};
const fixtures = streamelementsActivityFixtures;

describe('normalizeActivity: the ten activity types', () => {
  it('maps every fixture to its catalogue type with provider, user id and channel', () => {
    const expected: Record<keyof typeof fixtures, string> = {
      'event-cheer': 'cheer',
      'event-communityGiftPurchase': 'community_gift',
      'event-follower': 'follow',
      'event-merch': 'merch',
      'event-raid': 'raid',
      'event-redemption': 'redemption',
      'event-subscriber-gifted': 'subscriber',
      'event-subscriber': 'subscriber',
      'event-superchat': 'superchat',
      'event-tip': 'tip',
    };
    for (const [name, type] of Object.entries(expected) as Array<[keyof typeof fixtures, string]>) {
      const result = normalizeActivity(fixtures[name]);
      expect(result.problem, name).toBeUndefined();
      expect(result.event.type, name).toBe(type);
      expect(result.event.meta?.platform, name).toBe(fixtures[name].provider);
      expect(result.event.meta?.platformMessageId, name).toBe(fixtures[name]._id);
      expect(result.event.meta?.channel, name).toBe(fixtures[name].channel);
      expect(result.dedupeKey).toBe(fixtures[name]._id);
      valid(result.event);
    }
  });

  it("the timestamp is the activity's createdAt, ms exact; receive time only when it is missing or not a date", () => {
    const receivedAt = Date.UTC(2030, 0, 1);
    for (const [name, fixture] of Object.entries(fixtures)) {
      expect(normalizeActivity(fixture, { receivedAt }).event.timestamp, name).toBe(Date.parse(fixture.createdAt));
    }
    expect(normalizeActivity(fixtures['event-tip'], { receivedAt }).event.timestamp).toBe(Date.UTC(2019, 9, 3, 22, 42, 33, 23));
    const tip = fixtures['event-tip'];
    expect(normalizeActivity({ ...tip, createdAt: '2024-02-29T23:59:59.999+01:00' }, { receivedAt }).event.timestamp).toBe(
      Date.UTC(2024, 1, 29, 22, 59, 59, 999),
    );
    for (const createdAt of [undefined, '', 'yesterday', 1_700_000_000_000, null]) {
      expect(normalizeActivity({ ...tip, createdAt }, { receivedAt }).event.timestamp, String(createdAt)).toBe(receivedAt);
    }
    // Unknown and malformed activities keep their createdAt too.
    expect(normalizeActivity({ ...tip, type: 'brandNew' }, { receivedAt }).event.timestamp).toBe(Date.parse(tip.createdAt));
    expect(normalizeActivity({ ...tip, data: {} }, { receivedAt }).event.timestamp).toBe(Date.parse(tip.createdAt));
    // Test events and other realtime messages carry no createdAt: the receive time.
    expect(normalizeTestEvent(streamelementsTestFixtures['event-test-tip-latest'], receivedAt)[0]!.event.timestamp).toBe(receivedAt);
    expect(normalizeOtherMessage('event:update', [streamelementsSessionUpdateFixture], receivedAt).event.timestamp).toBe(receivedAt);
  });

  it('data of each type', () => {
    const data = (name: keyof typeof fixtures) => normalizeActivity(fixtures[name]).event;
    expect(data('event-tip')).toMatchObject({
      user: { id: 'qwe', username: 'qwe' },
      data: { amount: 12, currency: 'RUB', message: 'saaaaaaa' },
    });
    expect(data('event-follower')).toMatchObject({
      user: { id: '14027', username: 'jtv', nickname: 'jtv', profilePictureUrl: expect.stringContaining('https://') },
      data: {},
    });
    expect(data('event-subscriber')).toMatchObject({
      user: { id: '123456' },
      data: { tier: '1000', months: 7, streak: 3, message: '7 months!' },
    });
    expect(data('event-subscriber-gifted')).toMatchObject({
      user: { username: 'recipient1' },
      data: { months: 1, isGift: true, gifterName: 'generous_viewer' },
    });
    expect(data('event-cheer')).toMatchObject({ data: { amount: 500, message: 'Cheer500 gg' } });
    expect(data('event-raid')).toMatchObject({ user: { username: 'raider' }, data: { viewerCount: 42 } });
    expect(data('event-merch')).toMatchObject({
      data: { product: 'Example Hoodie', items: [{ name: 'Example Hoodie', price: 39.99, quantity: 1 }] },
    });
    expect(data('event-redemption')).toMatchObject({ data: { itemName: 'Hydrate', itemCost: 500 } });
    expect(data('event-superchat')).toMatchObject({
      user: { id: 'UCxxxxxxxxxxxxxxxxxxxxxx' },
      data: { amount: 5, currency: 'USD', message: 'Great stream!' },
      meta: { platform: 'youtube' },
    });
    expect(data('event-communityGiftPurchase')).toMatchObject({
      user: { username: 'generous_viewer' },
      data: { giftCount: 5, tier: '1000' },
    });
    const host = normalizeActivity({ ...fixtures['event-raid'], type: 'host', _id: 'h1' }).event;
    expect(host).toMatchObject({ type: 'host', data: { viewerCount: 42 } });
    valid(host);
  });

  it('the Astro channel.activities payload is the same activity object', () => {
    const { event } = normalizeActivity(astroChannelActivitiesFixture.data);
    expect(event).toMatchObject({ type: 'follow', user: { id: '14027', username: 'jtv' }, meta: { platform: 'twitch' } });
  });

  it('isMock activities are flagged as tests', () => {
    const result = normalizeActivity({ ...fixtures['event-tip'], isMock: true });
    expect(result.test).toBe(true);
    expect(result.event.meta?.test).toBe(true);
  });

  it('unknown types → unknown events; malformed known types → unknown events with a problem', () => {
    const purchase = normalizeActivity({ _id: 'p1', type: 'purchase', provider: 'twitch', data: { username: 'x' } });
    expect(purchase.problem).toBeUndefined();
    expect(purchase.event).toMatchObject({
      type: 'unknown',
      data: { kind: 'purchase', reason: 'no mapping for StreamElements activity type "purchase"' },
      meta: { platform: 'twitch' },
    });
    valid(purchase.event);
    const badTip = normalizeActivity({ _id: 't1', type: 'tip', provider: 'twitch', data: { username: 'x', amount: 'lots' } });
    expect(badTip.event.type).toBe('unknown');
    expect(badTip.problem).toMatch(/tip activity without a numeric amount/);
    for (const junk of [null, 3, 'x', [], { data: {} }, { type: 'follower' }]) {
      const result = normalizeActivity(junk);
      expect(result.event.type).toBe('unknown');
      expect(result.problem).toBeTruthy();
    }
  });
});

describe('event:test, event:update, event:reset', () => {
  it('test events map through the same mapping, flagged as tests', () => {
    const [tip] = normalizeTestEvent(streamelementsTestFixtures['event-test-tip-latest']);
    expect(tip!.event).toMatchObject({
      type: 'tip',
      user: { username: 'Test_User', id: 'test_user' },
      data: { amount: 13.37, currency: '', message: 'Test tip message' },
      meta: { test: true, platform: 'streamelements' },
    });
    const [sub] = normalizeTestEvent(streamelementsTestFixtures['event-test-subscriber-latest']);
    expect(sub!.event).toMatchObject({ type: 'subscriber', data: { months: 3, tier: '1000', message: 'Test sub' }, meta: { test: true } });
    valid(tip!.event);
    valid(sub!.event);
    const many = normalizeTestEvent({ listener: 'follower-latest', event: [{ type: 'follower', name: 'a' }, { name: 'b' }] });
    expect(many.map((result) => [result.event.type, result.event.user.username])).toEqual([
      ['follow', 'a'],
      ['follow', 'b'],
    ]);
  });

  it('non-event test listeners and session messages are surfaced as unknown events', () => {
    const [goal] = normalizeTestEvent({ listener: 'tip-goal', event: { amount: 50 } });
    expect(goal!.event).toMatchObject({ type: 'unknown', data: { kind: 'event:test:tip-goal' }, meta: { test: true } });
    const update = normalizeOtherMessage('event:update', [streamelementsSessionUpdateFixture]);
    expect(update.event).toMatchObject({
      type: 'unknown',
      data: { kind: 'event:update', payload: streamelementsSessionUpdateFixture, reason: expect.stringContaining('"tip-latest" updated') },
    });
    expect(normalizeOtherMessage('event:reset', [{}]).event.data).toMatchObject({
      kind: 'event:reset',
      reason: expect.stringContaining('session reset'),
    });
    valid(update.event);
  });
});
