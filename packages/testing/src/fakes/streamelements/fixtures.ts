/**
 * StreamElements payloads copied from the shared fixtures: Realtime (Socket.IO) `event`/`event:test`/
 * `event:update` payloads, the `authenticate` exchange, and the Astro WebSocket messages. Kinds
 * (REAL/DOC/ASSEMBLED) are listed in the fixture README.
 *
 * @packageDocumentation
 */

/** `streamelements/astro-channel.activities.json` (see the fixture README for provenance). */
export const astroChannelActivities = {
  id: '01HPPM2TQ6CCMFQGHEN8MM1NN0',
  ts: '2024-02-15T14:52:42Z',
  type: 'message',
  topic: 'channel.activities',
  data: {
    type: 'follow',
    provider: 'twitch',
    channel: '6183c7d4ebc632abbf809890',
    data: {
      username: 'jtv',
      displayName: 'jtv',
      providerId: '14027',
      avatar: 'https://static-cdn.jtvnw.net/user-default-pictures-uv/13e5fa74-defa-11e9-809c-784f43822e80-profile_image-300x300.png',
    },
    _id: '65ce2539b1585c5f909a91e1',
    createdAt: '2024-02-15T14:52:41.608Z',
    updatedAt: '2024-02-15T14:52:41.608Z',
    activityId: '65ce2539b1585c5f909a91e1',
    sessionEventsCount: 6,
  },
} as const;

/** `streamelements/astro-channel.tips.json` (see the fixture README for provenance). */
export const astroChannelTips = {
  id: '01JMFBZF7KSRDDXXV0EH7G8X6G',
  ts: '2025-02-19T15:07:17Z',
  type: 'message',
  topic: 'channel.tips',
  room: '5ad23dcc18fff500d78c5348',
  data: {
    donation: {
      user: {
        username: 'Styler',
        geo: 'ZZ',
        email: 'styler@streamelements.com',
        channel: '5ad23dcc18fff500d78c5348',
      },
      message: '',
      amount: 4.2,
      currency: 'USD',
      paymentMethod: 'scheme',
    },
    _id: '67b5f39d07ecd4c594e60f73',
    channel: '5ad23dcc18fff500d78c5348',
    provider: 'paypal',
    approved: 'allowed',
    status: 'success',
    createdAt: '2025-02-19T15:07:09.302Z',
    updatedAt: '2025-02-19T15:07:17.099Z',
    transactionId: '2YH79902JR1691017',
  },
} as const;

/** `streamelements/astro-error.response.json` (see the fixture README for provenance). */
export const astroErrorResponse = {
  id: '01HB0YE5Y88FXMXXCN4ME7M8A1',
  ts: '2023-09-20T16:43:21Z',
  type: 'response',
  nonce: '86ccb2b3-eb8d-4b3c-902d-509c3f5ca88c',
  error: 'err_unauthorized',
  data: {
    message: 'invalid token',
  },
} as const;

/** `streamelements/astro-notification.json` (see the fixture README for provenance). */
export const astroNotification = {
  id: '01HB0YF39XF16HMHCPDYZYJYFK',
  ts: '2023-09-23T12:06:25Z',
  type: 'message',
  topic: 'astro',
  data: {
    message: 'Hello world!',
  },
} as const;

/** `streamelements/astro-subscribe.client.json` (see the fixture README for provenance). */
export const astroSubscribeClient = {
  type: 'subscribe',
  nonce: '86ccb2b3-eb8d-4b3c-902d-509c3f5ca88c',
  data: {
    topic: 'channel.follow',
    room: 'channelId123',
    token: 'test_token',
    token_type: 'jwt',
  },
} as const;

/** `streamelements/astro-subscribe.response.json` (see the fixture README for provenance). */
export const astroSubscribeResponse = {
  id: '01HB0YE5TR26EH71DVPJ68MA82',
  ts: '2023-09-20T16:43:21Z',
  type: 'response',
  nonce: '86ccb2b3-eb8d-4b3c-902d-509c3f5ca88c',
  data: {
    message: 'successfully subscribed to topic',
    topic: 'channel.follow',
  },
} as const;

/** `streamelements/astro-welcome.json` (see the fixture README for provenance). */
export const astroWelcome = {
  id: '01J5KXYZ...',
  ts: '2026-03-19T12:00:00Z',
  type: 'welcome',
  data: {
    message: 'You are in a maze of dank memes, all alike.',
    client_id: '01J5KXYZ...',
  },
} as const;

/** `streamelements/authenticate.client.json` (see the fixture README for provenance). */
export const authenticateClient = {
  method: 'jwt',
  token: '<JWT>',
} as const;

/** `streamelements/authenticated.json` (see the fixture README for provenance). */
export const authenticated = {
  clientId: '6f1e2d3c4b5a69788796a5b4',
  channelId: '5afbafb0c3a79ebedde18249',
  project: 'realtime',
  message: 'You are in a maze of dank memes, all alike.',
} as const;

/** `streamelements/event-cheer.json` (see the fixture README for provenance). */
export const eventCheer = {
  _id: '65ce2539b1585c5f909a91e5',
  activityId: '65ce2539b1585c5f909a91e5',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'cheer',
  provider: 'twitch',
  data: {
    username: 'cheerer',
    displayName: 'Cheerer',
    providerId: '556677',
    amount: 500,
    message: 'Cheer500 gg',
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-communityGiftPurchase.json` (see the fixture README for provenance). */
export const eventCommunityGiftPurchase = {
  _id: '65ce2539b1585c5f909a91e4',
  activityId: '65ce2539b1585c5f909a91e4',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'communityGiftPurchase',
  provider: 'twitch',
  data: {
    username: 'generous_viewer',
    displayName: 'Generous_Viewer',
    providerId: '998877',
    amount: 5,
    tier: '1000',
    message: '',
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-follower.json` (see the fixture README for provenance). */
export const eventFollower = {
  _id: '65ce2539b1585c5f909a91e1',
  activityId: '65ce2539b1585c5f909a91e1',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'follower',
  provider: 'twitch',
  data: {
    username: 'jtv',
    displayName: 'jtv',
    providerId: '14027',
    avatar: 'https://static-cdn.jtvnw.net/user-default-pictures-uv/13e5fa74-defa-11e9-809c-784f43822e80-profile_image-300x300.png',
  },
} as const;

/** `streamelements/event-merch.json` (see the fixture README for provenance). */
export const eventMerch = {
  _id: '65ce2539b1585c5f909a91e8',
  activityId: '65ce2539b1585c5f909a91e8',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'merch',
  provider: 'twitch',
  data: {
    username: 'buyer',
    displayName: 'Buyer',
    amount: 1,
    items: [
      {
        name: 'Example Hoodie',
        price: 39.99,
        quantity: 1,
      },
    ],
    message: '',
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-raid.json` (see the fixture README for provenance). */
export const eventRaid = {
  _id: '65ce2539b1585c5f909a91e6',
  activityId: '65ce2539b1585c5f909a91e6',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'raid',
  provider: 'twitch',
  data: {
    username: 'raider',
    displayName: 'Raider',
    providerId: '667788',
    amount: 42,
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-redemption.json` (see the fixture README for provenance). */
export const eventRedemption = {
  _id: '65ce2539b1585c5f909a91e9',
  activityId: '65ce2539b1585c5f909a91e9',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'redemption',
  provider: 'twitch',
  data: {
    username: 'viewer2',
    displayName: 'Viewer2',
    providerId: '445566',
    redemption: 'Hydrate',
    amount: 500,
    message: '',
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-subscriber-gifted.json` (see the fixture README for provenance). */
export const eventSubscriberGifted = {
  _id: '65ce2539b1585c5f909a91e3',
  activityId: '65ce2539b1585c5f909a91e3',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'subscriber',
  provider: 'twitch',
  data: {
    username: 'recipient1',
    displayName: 'Recipient1',
    providerId: '223344',
    amount: 1,
    tier: '1000',
    gifted: true,
    sender: 'generous_viewer',
    message: '',
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-subscriber.json` (see the fixture README for provenance). */
export const eventSubscriber = {
  _id: '65ce2539b1585c5f909a91e2',
  activityId: '65ce2539b1585c5f909a91e2',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'subscriber',
  provider: 'twitch',
  data: {
    username: 'viewer1',
    displayName: 'Viewer1',
    providerId: '123456',
    amount: 7,
    streak: 3,
    tier: '1000',
    message: '7 months!',
    avatar: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png',
  },
} as const;

/** `streamelements/event-superchat.json` (see the fixture README for provenance). */
export const eventSuperchat = {
  _id: '65ce2539b1585c5f909a91e7',
  activityId: '65ce2539b1585c5f909a91e7',
  channel: '5afbafb0c3a79ebedde18249',
  flagged: false,
  createdAt: '2024-02-15T14:52:41.608Z',
  updatedAt: '2024-02-15T14:52:41.608Z',
  type: 'superchat',
  provider: 'youtube',
  data: {
    username: 'Some Viewer',
    displayName: 'Some Viewer',
    providerId: 'UCxxxxxxxxxxxxxxxxxxxxxx',
    amount: 5,
    currency: 'USD',
    message: 'Great stream!',
    avatar: 'https://yt3.ggpht.com/example',
  },
} as const;

/** `streamelements/event-test-subscriber-latest.json` (see the fixture README for provenance). */
export const eventTestSubscriberLatest = {
  listener: 'subscriber-latest',
  event: {
    type: 'subscriber',
    name: 'Test_User',
    amount: 3,
    count: 1,
    tier: '1000',
    isTest: true,
    message: 'Test sub',
  },
} as const;

/** `streamelements/event-test-tip-latest.json` (see the fixture README for provenance). */
export const eventTestTipLatest = {
  listener: 'tip-latest',
  event: {
    type: 'tip',
    name: 'Test_User',
    amount: 13.37,
    count: 1,
    items: [],
    isTest: true,
    message: 'Test tip message',
  },
} as const;

/** `streamelements/event-tip.json` (see the fixture README for provenance). */
export const eventTip = {
  _id: '5d967959cd89a10ce12818ad',
  channel: '5afbafb0c3a79ebedde18249',
  type: 'tip',
  provider: 'twitch',
  createdAt: '2019-10-03T22:42:33.023Z',
  data: {
    tipId: '5d967959531876d2589dd772',
    username: 'qwe',
    amount: 12,
    currency: 'RUB',
    message: 'saaaaaaa',
    items: [],
    avatar: 'https://static-cdn.jtvnw.net/user-default-pictures-uv/ebe4cd89-b4f4-4cd9-adac-2f30151b4209-profile_image-300x300.png',
  },
  updatedAt: '2019-10-03T22:42:33.023Z',
} as const;

/** `streamelements/event-update-session.json` (see the fixture README for provenance). */
export const eventUpdateSession = {
  name: 'tip-latest',
  data: {
    name: 'qwe',
    amount: 12,
    message: 'saaaaaaa',
  },
} as const;

/** `streamelements/unauthorized.json` (see the fixture README for provenance). */
export const unauthorized = {
  message: 'invalid token',
} as const;
/** Every StreamElements Realtime `event` (activity) payload fixture, by file name (without `.json`). */
export const streamelementsActivityFixtures = {
  'event-cheer': eventCheer,
  'event-communityGiftPurchase': eventCommunityGiftPurchase,
  'event-follower': eventFollower,
  'event-merch': eventMerch,
  'event-raid': eventRaid,
  'event-redemption': eventRedemption,
  'event-subscriber-gifted': eventSubscriberGifted,
  'event-subscriber': eventSubscriber,
  'event-superchat': eventSuperchat,
  'event-tip': eventTip,
} as const;

/** The name of a StreamElements activity fixture. */
export type StreamElementsActivityFixtureName = keyof typeof streamelementsActivityFixtures;

/** Every StreamElements `event:test` payload fixture, by file name (without `.json`). */
export const streamelementsTestFixtures = {
  'event-test-subscriber-latest': eventTestSubscriberLatest,
  'event-test-tip-latest': eventTestTipLatest,
} as const;
