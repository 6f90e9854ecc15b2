import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

/** Realistic samples of every StreamElements event type (fresh ids and timestamps each call). */
export function streamelementsSamples(): StreamEvent[] {
  return [
    createEvent({
      source: 'streamelements',
      type: 'tip',
      user: viewer('5f1b4e2c9d3a', 'generous_one', 'Generous_One'),
      data: { amount: 10, currency: 'EUR', message: 'great stream' },
    }),
    createEvent({ source: 'streamelements', type: 'follow', user: viewer('76543', 'se_follower', 'SE_Follower'), data: {} }),
    createEvent({
      source: 'streamelements',
      type: 'subscriber',
      user: viewer('76543', 'se_sub', 'SE_Sub'),
      data: { tier: '1000', months: 6, streak: 6, message: 'half a year' },
      meta: { platform: 'twitch' },
    }),
    createEvent({
      source: 'streamelements',
      type: 'cheer',
      user: viewer('76543', 'se_cheer', 'SE_Cheer'),
      data: { amount: 100, message: 'cheer100' },
    }),
    createEvent({ source: 'streamelements', type: 'raid', user: viewer('raider', 'raider', 'Raider'), data: { viewerCount: 30 } }),
    createEvent({ source: 'streamelements', type: 'host', user: viewer('host', 'hoster', 'Hoster'), data: { viewerCount: 12 } }),
    createEvent({
      source: 'streamelements',
      type: 'merch',
      user: viewer('buyer', 'buyer', 'Buyer'),
      data: { product: 'Mug', items: [{ name: 'Mug', price: 15, quantity: 1 }] },
    }),
    createEvent({
      source: 'streamelements',
      type: 'redemption',
      user: viewer('loyal', 'loyal_viewer', 'Loyal_Viewer'),
      data: { itemName: 'Play a sound', itemCost: 500 },
    }),
    createEvent({
      source: 'streamelements',
      type: 'superchat',
      user: viewer('UCsc', 'superfan', 'SuperFan'),
      data: { amount: 20, currency: 'USD', message: 'hi from YouTube' },
    }),
    createEvent({
      source: 'streamelements',
      type: 'community_gift',
      user: viewer('giver', 'giver', 'Giver'),
      data: { giftCount: 10, tier: '1000' },
    }),
    createEvent({ source: 'streamelements', type: 'unknown', data: { kind: 'purchase', payload: {} } }),
  ];
}
