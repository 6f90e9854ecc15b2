import { describe, expect, it } from 'vitest';
import { parseEvent } from '@vmsc/core';
import { streamlabsFixtures } from '@vmsc/testing';
import { normalizeStreamlabsEvent, type StreamlabsEvent } from '../src/index.js';

const one = (payload: unknown): StreamlabsEvent => {
  const alerts = normalizeStreamlabsEvent(payload);
  expect(alerts).toHaveLength(1);
  return alerts[0]!.event;
};

const valid = (event: StreamlabsEvent) => {
  const parsed = parseEvent(JSON.parse(JSON.stringify({ ...event, raw: undefined })));
  expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
};

describe('normalizeStreamlabsEvent: the fixtures', () => {
  it('donation: exact amount string, number, currency, message, platform streamlabs', () => {
    const event = one(streamlabsFixtures['event-donation']);
    expect(event).toMatchObject({
      source: 'streamlabs',
      type: 'donation',
      user: { id: 'test', username: 'test', nickname: 'test' },
      data: { amount: 13.37, amountString: '13.37', currency: 'USD', message: 'test donation', formattedAmount: '$13.37' },
      meta: { platform: 'streamlabs', platformMessageId: '0820c9d5bafd768c9843f5e35c885e71' },
    });
    expect(event.meta?.test).toBeUndefined();
    valid(event);
  });

  it('follow (Twitch) is flagged as a test alert when Streamlabs says isTest', () => {
    const [alert] = normalizeStreamlabsEvent(streamlabsFixtures['event-follow']);
    expect(alert!.test).toBe(true);
    expect(alert!.event).toMatchObject({
      type: 'follow',
      user: { username: 'tehkHOP', id: 'tehkhop' },
      meta: { platform: 'twitch', test: true },
    });
    expect(alert!.dedupeKey).toBe('1b937f94ced23282a8a53abe05f22a08');
  });

  it('accepts `message` as a bare object as well as an array', () => {
    const event = one(streamlabsFixtures['event-follow-message-object']);
    expect(event).toMatchObject({ type: 'follow', user: { username: 'tehkHOP' }, meta: { platform: 'twitch', test: true } });
  });

  it('YouTube follow (a YouTube subscriber) keeps the channel id as user id and platform youtube', () => {
    const event = one(streamlabsFixtures['event-youtube-follow']);
    expect(event).toMatchObject({
      type: 'follow',
      user: { id: 'UCxxxxxxxxxxxxxxxxxxxxxx', username: 'Some Viewer' },
      meta: { platform: 'youtube' },
    });
  });

  it("a Twitch follow with the user id in `id` (as YouTube has it) uses it for user.id; a donation's numeric `id` is not a user id", () => {
    const twitch = { type: 'follow', for: 'twitch_account', message: [{ name: 'CoolUser', id: '123456789', _id: 'f-1' }] };
    expect(one(twitch)).toMatchObject({ type: 'follow', user: { id: '123456789', username: 'CoolUser' }, meta: { platform: 'twitch' } });
    const numeric = { type: 'follow', for: 'twitch_account', message: [{ name: 'CoolUser', id: 42, _id: 'f-2' }] };
    expect(one(numeric)).toMatchObject({ user: { id: '42' } });
    const noId = { type: 'follow', for: 'twitch_account', message: [{ name: 'CoolUser', id: '', _id: 'f-3' }] };
    expect(one(noId)).toMatchObject({ user: { id: 'cooluser' } });
    expect(one(streamlabsFixtures['event-donation'])).toMatchObject({ user: { id: 'test' } });
  });

  it('subscription, resub and gift sub', () => {
    expect(one(streamlabsFixtures['event-subscription'])).toMatchObject({
      type: 'subscription',
      data: { tier: '1000', months: 7, message: 'sub message', subType: 'resub' },
      meta: { platform: 'twitch' },
    });
    expect(one(streamlabsFixtures['event-resub'])).toMatchObject({
      type: 'subscription',
      data: { tier: '1000', months: 8, subType: 'resub' },
    });
    const gift = one(streamlabsFixtures['event-subscription-gift']);
    expect(gift).toMatchObject({
      type: 'subscription',
      user: { username: 'recipient_user' },
      data: { tier: '1000', months: 1, subType: 'subgift', isGift: true, gifterName: 'Generous_Viewer' },
    });
    expect((gift.data as { message?: string }).message).toBeUndefined();
    valid(gift);
  });

  it('host (viewers as a string), bits (amount as a string), raid, merch', () => {
    expect(one(streamlabsFixtures['event-host'])).toMatchObject({
      type: 'host',
      user: { username: 'HostingChannel' },
      data: { viewerCount: 150 },
    });
    expect(one(streamlabsFixtures['event-bits'])).toMatchObject({
      type: 'bits',
      data: { amount: 100, message: 'cheer100 hype' },
      meta: { platform: 'twitch' },
    });
    expect(one(streamlabsFixtures['event-raid'])).toMatchObject({ type: 'raid', user: { username: 'surebert' }, data: { viewerCount: 3 } });
    expect(one(streamlabsFixtures['event-merch'])).toMatchObject({
      type: 'merch',
      user: { username: 'buyer_name' },
      data: { product: 'Example T-Shirt', message: 'love the shirt', imageUrl: 'https://example.com/merch.png' },
      meta: { platform: 'streamlabs' },
    });
  });

  it('YouTube Super Chat → donation, micros converted exactly', () => {
    const event = one(streamlabsFixtures['event-superchat']);
    expect(event).toMatchObject({
      type: 'donation',
      user: { id: 'UCxxxxxxxxxxxxxxxxxxxxxx', username: 'Some Viewer' },
      data: { amount: 5, amountString: '5', currency: 'USD', message: 'Great stream!', formattedAmount: '$5.00' },
      meta: { platform: 'youtube' },
    });
  });

  it('every fixture yields events that validate against the catalogue', () => {
    for (const [name, fixture] of Object.entries(streamlabsFixtures)) {
      const alerts = normalizeStreamlabsEvent(fixture);
      expect(alerts.length, name).toBeGreaterThan(0);
      for (const alert of alerts) {
        expect(alert.event.type, name).not.toBe('unknown');
        valid(alert.event);
      }
    }
  });
});

describe('normalizeStreamlabsEvent: every platform of `for`', () => {
  const platforms: Array<[string | undefined, string]> = [
    ['twitch_account', 'twitch'],
    ['youtube_account', 'youtube'],
    ['facebook_account', 'facebook'],
    ['trovo_account', 'trovo'],
    ['kick_account', 'kick'],
    ['streamlabs', 'streamlabs'],
    ['', 'streamlabs'],
    [undefined, 'streamlabs'],
  ];
  const items: Record<string, Record<string, unknown>> = {
    donation: { name: 'v', amount: '2.50', currency: 'EUR' },
    follow: { name: 'v' },
    subscription: { name: 'v', months: 2, sub_plan: '2000' },
    host: { name: 'v', viewers: '9' },
    bits: { name: 'v', amount: '250' },
    raid: { name: 'v', raiders: 12 },
    merch: { name: 'v', product: 'Mug' },
  };
  for (const [forField, platform] of platforms) {
    it(`for=${JSON.stringify(forField)} → meta.platform "${platform}" on all seven types`, () => {
      for (const [type, item] of Object.entries(items)) {
        const event = one({ type, for: forField, message: [{ ...item, _id: `${type}-${platform}` }] });
        expect(event.type).toBe(type);
        expect(event.meta?.platform).toBe(platform);
        valid(event);
      }
    });
  }
});

describe('normalizeStreamlabsEvent: amounts, unknowns, junk', () => {
  it('keeps amounts that a float cannot hold exactly', () => {
    const event = one({ type: 'donation', message: [{ name: 'w', amount: '1234567890123.4500', currency: 'USD', _id: 'big' }] });
    expect(event.data).toMatchObject({ amountString: '1234567890123.45', amount: 1234567890123.45 });
    expect(one({ type: 'donation', message: [{ name: 'w', amount: '0.10', currency: 'USD' }] }).data).toMatchObject({
      amountString: '0.1',
      amount: 0.1,
    });
    expect(
      one({ type: 'superchat', for: 'youtube_account', message: [{ name: 'y', amount: '1990000', currency: 'USD' }] }).data,
    ).toMatchObject({
      amountString: '1.99',
      amount: 1.99,
    });
    expect(one({ type: 'donation', message: [{ name: 'w', amount: 7, currency: 'JPY' }] }).data).toMatchObject({
      amountString: '7',
      amount: 7,
    });
  });

  it('a donation with an unparseable amount becomes an unknown event with a problem, not a wrong number', () => {
    const [alert] = normalizeStreamlabsEvent({ type: 'donation', message: [{ name: 'w', amount: '12,50', currency: 'EUR', _id: 'bad' }] });
    expect(alert!.event.type).toBe('unknown');
    expect(alert!.problem).toContain('donation');
    expect(alert!.event.data).toMatchObject({ kind: 'donation', reason: expect.stringContaining('amount') });
  });

  it('ignores non-alert types silently', () => {
    for (const type of ['alertPlaying', 'streamlabels', 'streamlabels.underlying', 'pauseQueue', 'skipAlert']) {
      expect(normalizeStreamlabsEvent({ type, message: { data: 1 } })).toEqual([]);
    }
  });

  it('surfaces unknown alert types as `unknown` events with their platform', () => {
    const payload = { type: 'loyalty_store_redemption', for: 'twitch_account', message: [{ name: 'x', _id: 'lsr1' }] };
    const [alert] = normalizeStreamlabsEvent(payload);
    expect(alert!.problem).toBeUndefined();
    expect(alert!.dedupeKey).toBe('lsr1');
    expect(alert!.event).toMatchObject({
      type: 'unknown',
      data: { kind: 'loyalty_store_redemption', payload, reason: 'no mapping for Streamlabs alert type "loyalty_store_redemption"' },
      meta: { platform: 'twitch' },
    });
    valid(alert!.event);
  });

  it('reports junk payloads instead of crashing', () => {
    for (const junk of [null, 'text', 42, [1, 2], {}, { type: 'donation' }, { type: 'follow', message: [null] }]) {
      const alerts = normalizeStreamlabsEvent(junk);
      expect(alerts.length).toBe(1);
      expect(alerts[0]!.event.type).toBe('unknown');
      expect(alerts[0]!.problem).toBeTruthy();
    }
  });

  it('one event per item when Streamlabs batches several in `message`', () => {
    const alerts = normalizeStreamlabsEvent({
      type: 'follow',
      for: 'twitch_account',
      event_id: 'evt_batch',
      message: [{ name: 'a' }, { name: 'b', _id: 'idb' }],
    });
    expect(alerts.map((alert) => [alert.event.user.username, alert.dedupeKey])).toEqual([
      ['a', 'evt_batch#0'],
      ['b', 'idb'],
    ]);
  });
});
