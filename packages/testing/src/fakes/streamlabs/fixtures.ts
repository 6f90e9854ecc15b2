/**
 * Streamlabs Socket API payloads (the object passed to the Socket.IO `event` handler), copied from
 * the shared fixtures. Kinds (REAL/DOC/ASSEMBLED) are listed in the fixture README; most are
 * assembled from the official docs and typed community clients.
 *
 * @packageDocumentation
 */

/** `streamlabs/event-bits.json` (see the fixture README for provenance). */
export const eventBits = {
  type: 'bits',
  message: [
    {
      name: 'tehkHOP',
      amount: '100',
      message: 'cheer100 hype',
      emotes: null,
      currency: '',
      _id: '3b4c5d6e7f8091a2b3c4d5e6f708192a',
    },
  ],
  for: 'twitch_account',
  event_id: 'evt_3b4c5d6e7f8091a2b3c4d5e6f708192b',
} as const;

/** `streamlabs/event-donation.json` (see the fixture README for provenance). */
export const eventDonation = {
  type: 'donation',
  message: [
    {
      id: 96164121,
      name: 'test',
      amount: '13.37',
      formatted_amount: '$13.37',
      formattedAmount: '$13.37',
      message: 'test donation',
      currency: 'USD',
      emotes: null,
      iconClassName: 'user',
      to: {
        name: 'Sai Harsha Maddela',
      },
      from: 'test',
      from_user_id: null,
      _id: '0820c9d5bafd768c9843f5e35c885e71',
    },
  ],
  event_id: 'evt_17e5f4dc6888767ed9799f78dfa2cabc',
} as const;

/** `streamlabs/event-follow-message-object.json` (see the fixture README for provenance). */
export const eventFollowMessageObject = {
  type: 'follow',
  message: {
    name: 'tehkHOP',
    isTest: true,
    _id: '1b937f94ced23282a8a53abe05f22a0a',
  },
  for: 'twitch_account',
} as const;

/** `streamlabs/event-follow.json` (see the fixture README for provenance). */
export const eventFollow = {
  type: 'follow',
  message: [
    {
      name: 'tehkHOP',
      isTest: true,
      _id: '1b937f94ced23282a8a53abe05f22a08',
    },
  ],
  for: 'twitch_account',
  event_id: 'evt_1b937f94ced23282a8a53abe05f22a09',
} as const;

/** `streamlabs/event-host.json` (see the fixture README for provenance). */
export const eventHost = {
  type: 'host',
  message: [
    {
      name: 'HostingChannel',
      viewers: '150',
      type: 'manual',
      _id: '4c5d6e7f8091a2b3c4d5e6f708192a3b',
    },
  ],
  for: 'twitch_account',
  event_id: 'evt_4c5d6e7f8091a2b3c4d5e6f708192a3c',
} as const;

/** `streamlabs/event-merch.json` (see the fixture README for provenance). */
export const eventMerch = {
  type: 'merch',
  message: [
    {
      name: 'buyer_name',
      message: 'love the shirt',
      to: {
        name: 'streamer',
      },
      from: 'buyer_name',
      product: 'Example T-Shirt',
      imageHref: 'https://example.com/merch.png',
      condition: 'MIN_MERCH_PURCHASE',
      _id: '5d6e7f8091a2b3c4d5e6f708192a3b4c',
    },
  ],
  for: 'streamlabs',
  event_id: 'evt_5d6e7f8091a2b3c4d5e6f708192a3b4d',
} as const;

/** `streamlabs/event-raid.json` (see the fixture README for provenance). */
export const eventRaid = {
  type: 'raid',
  message: [
    {
      name: 'surebert',
      raiders: 3,
      type: 'manual',
      _id: '34tf34f89oij',
    },
  ],
  for: 'twitch_account',
} as const;

/** `streamlabs/event-resub.json` (see the fixture README for provenance). */
export const eventResub = {
  type: 'resub',
  message: [
    {
      name: 'kevin',
      months: 8,
      streak_months: 8,
      message: '8 months!',
      emotes: null,
      sub_plan: '1000',
      sub_plan_name: 'Channel Subscription (example)',
      sub_type: 'resub',
      _id: '2a3b4c5d6e7f8091a2b3c4d5e6f70819',
    },
  ],
  for: 'twitch_account',
  event_id: 'evt_2a3b4c5d6e7f8091a2b3c4d5e6f7081a',
} as const;

/** `streamlabs/event-subscription-gift.json` (see the fixture README for provenance). */
export const eventSubscriptionGift = {
  type: 'subscription',
  message: [
    {
      name: 'recipient_user',
      months: 1,
      message: '',
      emotes: null,
      sub_plan: '1000',
      sub_plan_name: 'Channel Subscription (example)',
      sub_type: 'subgift',
      gifter: 'generous_viewer',
      gifter_display_name: 'Generous_Viewer',
      _id: '7f8091a2b3c4d5e6f708192a3b4c5d6e',
    },
  ],
  for: 'twitch_account',
  event_id: 'evt_7f8091a2b3c4d5e6f708192a3b4c5d6f',
} as const;

/** `streamlabs/event-subscription.json` (see the fixture README for provenance). */
export const eventSubscription = {
  type: 'subscription',
  message: [
    {
      name: 'kevin',
      months: 7,
      message: 'sub message',
      emotes: null,
      sub_plan: '1000',
      sub_plan_name: 'Sample Plan name',
      sub_type: 'resub',
      _id: '5f0d1c2b3a4958677685a4b3c2d1e0f9',
    },
  ],
  for: 'twitch_account',
  event_id: 'evt_4c1f0e2d3b4a59687766554433221100',
} as const;

/** `streamlabs/event-superchat.json` (see the fixture README for provenance). */
export const eventSuperchat = {
  type: 'superchat',
  message: [
    {
      id: 'LCC.example',
      channelId: 'UCxxxxxxxxxxxxxxxxxxxxxx',
      channelUrl: 'https://www.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx',
      name: 'Some Viewer',
      comment: 'Great stream!',
      amount: '5000000',
      currency: 'USD',
      displayString: '$5.00',
      messageType: 1,
      createdAt: '2024-05-01 18:00:00',
      _id: '6e7f8091a2b3c4d5e6f708192a3b4c5d',
    },
  ],
  for: 'youtube_account',
  event_id: 'evt_6e7f8091a2b3c4d5e6f708192a3b4c5e',
} as const;

/** `streamlabs/event-youtube-follow.json` (see the fixture README for provenance). */
export const eventYoutubeFollow = {
  type: 'follow',
  message: [
    {
      name: 'Some Viewer',
      id: 'UCxxxxxxxxxxxxxxxxxxxxxx',
      _id: '9c1d5a7e3b2f4e6d8a0b1c2d3e4f5a6b',
    },
  ],
  for: 'youtube_account',
  event_id: 'evt_9c1d5a7e3b2f4e6d8a0b1c2d3e4f5a6c',
} as const;
/** Raw Engine.IO 3 / Socket.IO 2 text frames of the Streamlabs socket (`*.txt` fixtures). */
export const streamlabsFrames = {
  /** `eio3-open.txt`: the server's open packet. */
  eio3Open: '0{"sid":"a1b2c3d4e5f6g7h8AAAB","upgrades":[],"pingInterval":25000,"pingTimeout":60000}',
  /** `sio2-connect-ack.txt`: the server connects the root namespace by itself. */
  sio2ConnectAck: '40',
  /** `sio2-error-invalid-token.txt`: error packet for a bad token. */
  sio2ErrorInvalidToken: '44"Invalid token"',
  /** `eio3-ping.client.txt`: in Engine.IO 3 the CLIENT pings... */
  eio3PingClient: '2',
  /** `eio3-pong.server.txt`: ...and the server answers. */
  eio3PongServer: '3',
  /** `sio2-disconnect.txt`: the server disconnects the namespace. */
  sio2Disconnect: '41',
} as const;

/** Every Streamlabs `event` payload fixture, by file name (without `.json`). */
export const streamlabsFixtures = {
  'event-bits': eventBits,
  'event-donation': eventDonation,
  'event-follow-message-object': eventFollowMessageObject,
  'event-follow': eventFollow,
  'event-host': eventHost,
  'event-merch': eventMerch,
  'event-raid': eventRaid,
  'event-resub': eventResub,
  'event-subscription-gift': eventSubscriptionGift,
  'event-subscription': eventSubscription,
  'event-superchat': eventSuperchat,
  'event-youtube-follow': eventYoutubeFollow,
} as const;

/** The name of a Streamlabs fixture. */
export type StreamlabsFixtureName = keyof typeof streamlabsFixtures;
