import { describe, expect, it } from 'vitest';
import { createEvent, type StreamEvent } from '@vmsc/core';
import { sampleEvents } from '@vmsc/testing';
import { describeAlert, describeChat, OVERLAY_EVENT_TYPES, type AlertKind } from './describe-event.js';

/** Every event type that must alert, per platform and kind (all gift, follow, sub, tip and raid types). */
const EXPECTED: Record<string, AlertKind> = {
  'tiktok:gift': 'gift',
  'tiktok:envelope': 'gift',
  'kick:kicks_gift': 'gift',
  'youtube:jewels_gift': 'gift',
  'tiktok:follow': 'follow',
  'twitch:follow': 'follow',
  'kick:follow': 'follow',
  'streamlabs:follow': 'follow',
  'streamelements:follow': 'follow',
  'tiktok:subscribe': 'sub',
  'twitch:subscribe': 'sub',
  'twitch:subscription_gift': 'sub',
  'kick:subscribe': 'sub',
  'kick:gifted_sub': 'sub',
  'streamlabs:subscription': 'sub',
  'streamelements:subscriber': 'sub',
  'streamelements:community_gift': 'sub',
  'youtube:new_subscriber': 'sub',
  'youtube:member_milestone': 'sub',
  'youtube:membership_gift': 'sub',
  'streamlabs:donation': 'tip',
  'streamelements:tip': 'tip',
  'streamelements:superchat': 'tip',
  'youtube:super_chat': 'tip',
  'youtube:super_sticker': 'tip',
  'twitch:cheer': 'tip',
  'twitch:charity_donation': 'tip',
  'streamlabs:bits': 'tip',
  'streamelements:cheer': 'tip',
  'twitch:raid': 'raid',
  'streamlabs:raid': 'raid',
  'streamelements:raid': 'raid',
  'kick:host': 'raid',
  'streamlabs:host': 'raid',
  'streamelements:host': 'raid',
};

const key = (event: StreamEvent) => `${event.source}:${event.type}`;

describe('overlay event descriptions', () => {
  const samples = sampleEvents();

  it('alerts for every gift, follow, sub, tip and raid sample of every platform, and nothing else', () => {
    const seen = new Set<string>();
    for (const event of samples) {
      const alert = describeAlert(event);
      const expected = EXPECTED[key(event)];
      if (!expected) {
        expect(alert, key(event)).toBeUndefined();
        continue;
      }
      seen.add(key(event));
      expect(alert?.kind, key(event)).toBe(expected);
      expect(alert?.text, key(event)).toMatch(/\S/);
      expect(alert?.text, key(event)).not.toMatch(/undefined|NaN|\[object/);
      expect(alert?.detail ?? '', key(event)).not.toMatch(/undefined|NaN|\[object/);
    }
    expect([...seen].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('writes readable texts', () => {
    const find = (k: string, pick: (event: StreamEvent) => boolean = () => true) =>
      samples.find((event) => key(event) === k && pick(event))!;
    expect(describeAlert(find('tiktok:gift'))).toMatchObject({ title: 'Gift!', text: 'Rose Fan 🌹 sent 5 × Rose', platform: 'TikTok' });
    expect(describeAlert(find('streamlabs:donation'))?.text).toMatch(/ sent \$13\.37$/);
    expect(describeAlert(find('streamelements:tip'))?.text).toMatch(/ sent €10\.00$/);
    expect(describeAlert(find('twitch:cheer', (e) => (e.data as { isAnonymous: boolean }).isAnonymous))?.text).toBe(
      'Anonymous sent 500 bits',
    );
    expect(describeAlert(find('kick:follow'))?.text).toBe('Someone followed');
    expect(describeAlert(find('kick:gifted_sub'))?.text).toBe('cool_viewer gifted 3 subs');
    expect(describeAlert(find('twitch:subscribe', (e) => (e.data as { isResub?: boolean }).isResub === true))).toMatchObject({
      text: 'Cool_User subscribed for 15 months (Tier 1)',
      detail: 'Love the stream! FevziGG',
    });
    expect(describeAlert(find('streamlabs:raid'))?.text).toBe('Raider raided with 42 viewers');
  });

  it('alerts once per TikTok gift streak, at its end', () => {
    const gift = samples.find((event) => key(event) === 'tiktok:gift')!;
    const step = { ...gift, data: { ...gift.data, repeatCount: 2, repeatEnd: false } };
    expect(describeAlert(step)).toBeUndefined();
    expect(describeAlert({ ...gift, data: { ...gift.data, repeatCount: 3, repeatEnd: true } })?.text).toBe('Rose Fan 🌹 sent 3 × Rose');
  });

  it('names the relayed platform of aggregator events', () => {
    const superchat = samples.find((event) => key(event) === 'streamelements:superchat')!;
    const relayed = { ...superchat, meta: { ...superchat.meta, platform: 'youtube' } };
    expect(describeAlert(relayed)?.platform).toBe('YouTube');
  });

  it('turns chat of every platform into a line, keeps text as is, and accepts only hex colours', () => {
    const chats = samples.filter((event) => event.type === 'chat');
    expect(new Set(chats.map((event) => event.source))).toEqual(new Set(['tiktok', 'twitch', 'youtube', 'kick']));
    for (const chat of chats) expect(describeChat(chat)?.message, key(chat)).toMatch(/\S/);
    const hostile = createEvent({
      source: 'twitch',
      type: 'chat',
      user: { id: '1', username: 'm', nickname: '<b>M</b>' },
      data: { message: '<script>x</script>', color: 'red; background: url(x)' },
    });
    expect(describeChat(hostile)).toEqual({ platform: 'Twitch', name: '<b>M</b>', message: '<script>x</script>' });
    expect(describeChat(samples.find((event) => key(event) === 'tiktok:gift')!)).toBeUndefined();
  });

  it('subscribes to exactly the alerting types and chat', () => {
    expect(new Set(OVERLAY_EVENT_TYPES)).toEqual(new Set([...Object.keys(EXPECTED).map((k) => k.split(':')[1]), 'chat']));
  });
});
