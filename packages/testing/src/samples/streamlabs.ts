import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

/** Realistic samples of every Streamlabs event type (fresh ids and timestamps each call). */
export function streamlabsSamples(): StreamEvent[] {
  return [
    createEvent({
      source: 'streamlabs',
      type: 'donation',
      user: viewer('jane_doe', 'jane_doe', 'Jane Doe'),
      data: { amount: 13.37, currency: 'USD', message: 'for the stream!', amountString: '13.37', formattedAmount: '$13.37' },
      meta: { platform: 'streamlabs' },
    }),
    createEvent({
      source: 'streamlabs',
      type: 'follow',
      user: viewer('newfollower', 'newfollower', 'NewFollower'),
      data: {},
      meta: { platform: 'twitch' },
    }),
    createEvent({
      source: 'streamlabs',
      type: 'subscription',
      user: viewer('38291', 'subber', 'Subber'),
      data: { tier: '1000', months: 4, subType: 'resub', message: 'four months!' },
      meta: { platform: 'twitch' },
    }),
    createEvent({ source: 'streamlabs', type: 'host', user: viewer('host', 'hoster', 'Hoster'), data: { viewerCount: 25 } }),
    createEvent({
      source: 'streamlabs',
      type: 'bits',
      user: viewer('bitsy', 'bitsy', 'Bitsy'),
      data: { amount: 500, message: 'cheer500' },
    }),
    createEvent({ source: 'streamlabs', type: 'raid', user: viewer('raider', 'raider', 'Raider'), data: { viewerCount: 42 } }),
    createEvent({
      source: 'streamlabs',
      type: 'merch',
      user: viewer('buyer', 'buyer', 'Buyer'),
      data: { product: 'Logo Hoodie', message: 'love it' },
    }),
    createEvent({ source: 'streamlabs', type: 'unknown', data: { kind: 'loyalty_store_redemption', payload: {} } }),
  ];
}
