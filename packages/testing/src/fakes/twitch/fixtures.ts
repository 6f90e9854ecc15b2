/**
 * Twitch's documented EventSub messages and Helix bodies, copied from the shared fixture set
 * (shared/fixtures/twitch, see its README for provenance: session messages verbatim from
 * dev.twitch.tv; each notification's `payload.event` is Twitch's doc example for that type, taken
 * from twitch-rs/twitch_api's tests at 6f98d0a; Helix bodies from the API reference examples and
 * the 429 body verbatim from twurple#616). The fake rewrites ids, session ids and timestamps
 * before sending them.
 *
 * @packageDocumentation
 */

/** A notification frame as Twitch sends it. */
export interface TwitchNotificationFixture {
  metadata: {
    message_id: string;
    message_type: string;
    message_timestamp: string;
    subscription_type: string;
    subscription_version: string;
  };
  payload: {
    subscription: {
      id: string;
      status: string;
      type: string;
      version: string;
      cost: number;
      condition: Record<string, string>;
      transport: { method: string; session_id: string };
      created_at: string;
    };
    event: Record<string, unknown>;
  };
}

/** One documented notification per subscription type, keyed by fixture name (e.g. `channel.chat.message.shared-chat`). */
export const twitchNotificationFixtures = {
  'channel.ad_break.begin': {
    metadata: {
      message_id: '6e540437-b955-5b13-b3a4-5b10de58ac1d',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.ad_break.begin',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.ad_break.begin',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.634234626Z',
      },
      event: {
        duration_seconds: 60,
        started_at: '2019-11-16T10:11:12.634234626Z',
        is_automatic: false,
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        requester_user_id: '1337',
        requester_user_login: 'cool_user',
        requester_user_name: 'Cool_User',
      },
    },
  },
  'channel.ban': {
    metadata: {
      message_id: 'ba66a621-1b18-56a9-a81b-31887edd4e32',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.ban',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.ban',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        user_id: '1234',
        user_login: 'cool_user',
        user_name: 'Cool_User',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        broadcaster_user_name: 'Cooler_User',
        moderator_user_id: '1339',
        moderator_user_login: 'mod_user',
        moderator_user_name: 'Mod_User',
        reason: 'Offensive language',
        banned_at: '2020-07-15T18:15:11.17106713Z',
        ends_at: '2020-07-15T18:16:11.17106713Z',
        is_permanent: false,
      },
    },
  },
  'channel.channel_points_custom_reward_redemption.add': {
    metadata: {
      message_id: '7da5d6db-6282-5725-9a47-0680975228a6',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.channel_points_custom_reward_redemption.add',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.channel_points_custom_reward_redemption.add',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1234',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        user_id: '9001',
        user_login: 'cooler_user',
        user_name: 'Cooler_User',
        user_input: 'pogchamp',
        status: 'unfulfilled',
        reward: {
          id: '9001',
          title: 'title',
          cost: 100,
          prompt: 'reward prompt',
        },
        redeemed_at: '2020-07-15T17:16:03.17106713Z',
      },
    },
  },
  'channel.charity_campaign.donate': {
    metadata: {
      message_id: 'ef7c5c04-18fb-5a0b-8e94-c097b77dcf29',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.charity_campaign.donate',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.charity_campaign.donate',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '123456',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2022-07-25T10:11:12.123Z',
      },
      event: {
        id: 'a1b2c3-aabb-4455-d1e2f3',
        campaign_id: '123-abc-456-def',
        broadcaster_user_id: '123456',
        broadcaster_user_name: 'SunnySideUp',
        broadcaster_user_login: 'sunnysideup',
        user_id: '654321',
        user_login: 'generoususer1',
        user_name: 'GenerousUser1',
        charity_name: 'Example name',
        charity_description: 'Example description',
        charity_logo: 'https://abc.cloudfront.net/ppgf/1000/100.png',
        charity_website: 'https://www.example.com',
        amount: {
          value: 10000,
          decimal_places: 2,
          currency: 'USD',
        },
      },
    },
  },
  'channel.chat.message': {
    metadata: {
      message_id: '38e9b5ed-38c5-5cac-9c94-669fade3a331',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.chat.message',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: '0b7f3361-672b-4d39-b307-dd5b576c9b27',
        status: 'enabled',
        type: 'channel.chat.message',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1971641',
          user_id: '2914196',
        },
        transport: {
          method: 'websocket',
          session_id: 'AgoQHR3s6Mb4T8GFB1l3DlPfiRIGY2VsbC1h',
        },
        created_at: '2023-11-06T18:11:47.492253549Z',
      },
      event: {
        broadcaster_user_id: '1971641',
        broadcaster_user_login: 'streamer',
        broadcaster_user_name: 'streamer',
        chatter_user_id: '4145994',
        chatter_user_login: 'viewer32',
        chatter_user_name: 'viewer32',
        message_id: 'cc106a89-1814-919d-454c-f4f2f970aae7',
        message: {
          text: 'Hi chat',
          fragments: [
            {
              type: 'text',
              text: 'Hi chat',
              cheermote: null,
              emote: null,
              mention: null,
            },
          ],
        },
        color: '#00FF7F',
        badges: [
          {
            set_id: 'moderator',
            id: '1',
            info: '',
          },
          {
            set_id: 'subscriber',
            id: '12',
            info: '16',
          },
          {
            set_id: 'sub-gifter',
            id: '1',
            info: '',
          },
        ],
        message_type: 'text',
        cheer: null,
        reply: null,
        channel_points_custom_reward_id: null,
        source_broadcaster_user_id: null,
        source_broadcaster_user_login: null,
        source_broadcaster_user_name: null,
        source_message_id: null,
        source_badges: null,
      },
    },
  },
  'channel.chat.message.shared-chat': {
    metadata: {
      message_id: 'b1bb38e9-f136-5b4e-a5b3-a52315b323d6',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.chat.message',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: '0b7f3361-672b-4d39-b307-dd5b576c9b27',
        status: 'enabled',
        type: 'channel.chat.message',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1971641',
          user_id: '2914196',
        },
        transport: {
          method: 'websocket',
          session_id: 'AgoQHR3s6Mb4T8GFB1l3DlPfiRIGY2VsbC1h',
        },
        created_at: '2023-11-06T18:11:47.492253549Z',
      },
      event: {
        broadcaster_user_id: '1971641',
        broadcaster_user_login: 'streamer',
        broadcaster_user_name: 'streamer',
        chatter_user_id: '4145994',
        chatter_user_login: 'viewer32',
        chatter_user_name: 'viewer32',
        message_id: 'cc106a89-1814-919d-454c-f4f2f970aae7',
        message: {
          text: 'Hi chat',
          fragments: [
            {
              type: 'text',
              text: 'Hi chat',
              cheermote: null,
              emote: null,
              mention: null,
            },
          ],
        },
        color: '#00FF7F',
        badges: [
          {
            set_id: 'moderator',
            id: '1',
            info: '',
          },
          {
            set_id: 'subscriber',
            id: '12',
            info: '16',
          },
          {
            set_id: 'sub-gifter',
            id: '1',
            info: '',
          },
        ],
        message_type: 'text',
        cheer: null,
        reply: null,
        channel_points_custom_reward_id: null,
        source_broadcaster_user_id: '112233',
        source_broadcaster_user_login: 'streamer33',
        source_broadcaster_user_name: 'streamer33',
        source_message_id: 'e03f6d5d-8ec8-4c63-b473-9e5fe61e289b',
        source_badges: [
          {
            set_id: 'subscriber',
            id: '3',
            info: '3',
          },
        ],
        is_source_only: true,
      },
    },
  },
  'channel.chat.notification.resub': {
    metadata: {
      message_id: '43ead138-7ea8-53cc-8567-ad9b462f911a',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.chat.notification',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'dc1a3cfc-a930-4972-bf9e-0ffc4e7a8996',
        status: 'enabled',
        type: 'channel.chat.notification',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1971641',
          user_id: '2914196',
        },
        transport: {
          method: 'websocket',
          session_id: 'AgoQOtgGkFvXRlSkij343CndhIGY2VsbC1h',
        },
        created_at: '2023-10-06T18:04:38.807682738Z',
      },
      event: {
        broadcaster_user_id: '1971641',
        broadcaster_user_login: 'streamer',
        broadcaster_user_name: 'streamer',
        chatter_user_id: '49912639',
        chatter_user_login: 'viewer23',
        chatter_user_name: 'viewer23',
        chatter_is_anonymous: false,
        color: '',
        badges: [],
        system_message: "viewer23 subscribed at Tier 1. They've subscribed for 10 months!",
        message_id: 'd62235c8-47ff-a4f4--84e8-5a29a65a9c03',
        message: {
          text: '',
          fragments: [],
        },
        notice_type: 'resub',
        sub: null,
        resub: {
          cumulative_months: 10,
          duration_months: 0,
          streak_months: null,
          sub_tier: '1000',
          is_gift: false,
          gifter_is_anonymous: null,
          gifter_user_id: null,
          gifter_user_name: null,
          gifter_user_login: null,
        },
        sub_gift: null,
        community_sub_gift: null,
        gift_paid_upgrade: null,
        prime_paid_upgrade: null,
        pay_it_forward: null,
        raid: null,
        unraid: null,
        announcement: null,
        bits_badge_tier: null,
        charity_donation: null,
        shared_chat_sub: null,
        shared_chat_resub: null,
        shared_chat_sub_gift: null,
        shared_chat_community_sub_gift: null,
        shared_chat_gift_paid_upgrade: null,
        shared_chat_prime_paid_upgrade: null,
        shared_chat_pay_it_forward: null,
        shared_chat_raid: null,
        shared_chat_announcement: null,
        source_broadcaster_user_id: null,
        source_broadcaster_user_login: null,
        source_broadcaster_user_name: null,
        source_message_id: null,
        source_badges: null,
      },
    },
  },
  'channel.cheer': {
    metadata: {
      message_id: '2976c108-1404-5540-8f2a-377224c309d2',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.cheer',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.cheer',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        is_anonymous: false,
        user_id: '1234',
        user_login: 'cool_user',
        user_name: 'Cool_User',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        broadcaster_user_name: 'Cooler_User',
        message: 'pogchamp',
        bits: 1000,
      },
    },
  },
  'channel.follow': {
    metadata: {
      message_id: '8177814e-bb75-5591-a0b1-73355724eca1',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.follow',
      subscription_version: '2',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.follow',
        version: '2',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
          moderator_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.634234626Z',
      },
      event: {
        user_id: '1234',
        user_login: 'cool_user',
        user_name: 'Cool_User',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        broadcaster_user_name: 'Cooler_User',
        followed_at: '2020-07-15T18:16:11.17106713Z',
      },
    },
  },
  'channel.hype_train.begin': {
    metadata: {
      message_id: 'a1471359-8e9d-5f82-a737-b2bd8cac1399',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.hype_train.begin',
      subscription_version: '2',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.hype_train.begin',
        version: '2',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.634234626Z',
      },
      event: {
        id: '1b0AsbInCHZW2SQFQkCzqN07Ib2',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        total: 137,
        progress: 137,
        goal: 500,
        top_contributions: [
          {
            user_id: '123',
            user_login: 'pogchamp',
            user_name: 'PogChamp',
            type: 'bits',
            total: 50,
          },
        ],
        shared_train_participants: null,
        level: 1,
        started_at: '2020-07-15T17:16:03.17106713Z',
        expires_at: '2020-07-15T17:16:11.17106713Z',
        is_shared_train: false,
        type: 'regular',
        all_time_high_level: 4,
        all_time_high_total: 2845,
      },
    },
  },
  'channel.hype_train.end': {
    metadata: {
      message_id: 'b821c571-9232-5c8d-ba45-b425aa615f03',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.hype_train.end',
      subscription_version: '2',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.hype_train.end',
        version: '2',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.634234626Z',
      },
      event: {
        id: '1b0AsbInCHZW2SQFQkCzqN07Ib2',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        total: 137,
        top_contributions: [
          {
            user_id: '123',
            user_login: 'pogchamp',
            user_name: 'PogChamp',
            type: 'bits',
            total: 50,
          },
        ],
        shared_train_participants: null,
        level: 1,
        started_at: '2020-07-15T17:16:03.17106713Z',
        ended_at: '2020-07-15T17:16:11.17106713Z',
        cooldown_ends_at: '2020-07-16T17:16:11.17106713Z',
        is_shared_train: false,
        type: 'regular',
      },
    },
  },
  'channel.hype_train.progress': {
    metadata: {
      message_id: '49cbf4e1-de7a-5125-b28e-fa9ba65cb70e',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.hype_train.progress',
      subscription_version: '2',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.hype_train.progress',
        version: '2',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.634234626Z',
      },
      event: {
        id: '1b0AsbInCHZW2SQFQkCzqN07Ib2',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        total: 137,
        progress: 137,
        goal: 500,
        top_contributions: [
          {
            user_id: '123',
            user_login: 'pogchamp',
            user_name: 'PogChamp',
            type: 'bits',
            total: 50,
          },
        ],
        shared_train_participants: null,
        level: 1,
        started_at: '2020-07-15T17:16:03.17106713Z',
        expires_at: '2020-07-15T17:16:11.17106713Z',
        is_shared_train: false,
        type: 'regular',
      },
    },
  },
  'channel.poll.begin': {
    metadata: {
      message_id: '3c00b0ae-118c-5edb-be04-cdcf1c83fa3d',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.poll.begin',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.poll.begin',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          {
            id: '123',
            title: 'Yeah!',
          },
          {
            id: '124',
            title: 'No!',
          },
          {
            id: '125',
            title: 'Maybe!',
          },
        ],
        bits_voting: {
          is_enabled: true,
          amount_per_vote: 10,
        },
        channel_points_voting: {
          is_enabled: true,
          amount_per_vote: 10,
        },
        started_at: '2020-07-15T17:16:03.17106713Z',
        ends_at: '2020-07-15T17:16:08.17106713Z',
      },
    },
  },
  'channel.poll.end': {
    metadata: {
      message_id: 'cbba679d-ba73-5178-b78f-a15d6a8910ca',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.poll.end',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.poll.end',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          {
            id: '123',
            title: 'Blue',
            bits_votes: 50,
            channel_points_votes: 70,
            votes: 120,
          },
          {
            id: '124',
            title: 'Yellow',
            bits_votes: 100,
            channel_points_votes: 40,
            votes: 140,
          },
          {
            id: '125',
            title: 'Green',
            bits_votes: 10,
            channel_points_votes: 70,
            votes: 80,
          },
        ],
        bits_voting: {
          is_enabled: true,
          amount_per_vote: 10,
        },
        channel_points_voting: {
          is_enabled: true,
          amount_per_vote: 10,
        },
        status: 'completed',
        started_at: '2020-07-15T17:16:03.17106713Z',
        ended_at: '2020-07-15T17:16:11.17106713Z',
      },
    },
  },
  'channel.poll.progress': {
    metadata: {
      message_id: 'b0418792-200f-5e14-b14b-0023b0f9aaaa',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.poll.progress',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.poll.progress',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          {
            id: '123',
            title: 'Yeah!',
            bits_votes: 5,
            channel_points_votes: 7,
            votes: 12,
          },
          {
            id: '124',
            title: 'No!',
            bits_votes: 10,
            channel_points_votes: 4,
            votes: 14,
          },
          {
            id: '125',
            title: 'Maybe!',
            bits_votes: 0,
            channel_points_votes: 7,
            votes: 7,
          },
        ],
        bits_voting: {
          is_enabled: true,
          amount_per_vote: 10,
        },
        channel_points_voting: {
          is_enabled: true,
          amount_per_vote: 10,
        },
        started_at: '2020-07-15T17:16:03.17106713Z',
        ends_at: '2020-07-15T17:16:08.17106713Z',
      },
    },
  },
  'channel.prediction.begin': {
    metadata: {
      message_id: '8a9e223e-44ae-511e-b28b-4a87f8a89a60',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.prediction.begin',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.prediction.begin',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        outcomes: [
          {
            id: '1243456',
            title: 'Yeah!',
            color: 'blue',
          },
          {
            id: '2243456',
            title: 'No!',
            color: 'pink',
          },
        ],
        started_at: '2020-07-15T17:16:03.17106713Z',
        locks_at: '2020-07-15T17:21:03.17106713Z',
      },
    },
  },
  'channel.prediction.end': {
    metadata: {
      message_id: 'ce611b9d-2884-5bdd-a7ff-61de97cd6bc8',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.prediction.end',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.prediction.end',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        winning_outcome_id: '12345',
        outcomes: [
          {
            id: '12345',
            title: 'Yeah!',
            color: 'blue',
            users: 2,
            channel_points: 15000,
            top_predictors: [
              {
                user_name: 'Cool_User',
                user_login: 'cool_user',
                user_id: '1234',
                channel_points_won: 10000,
                channel_points_used: 500,
              },
              {
                user_name: 'Coolest_User',
                user_login: 'coolest_user',
                user_id: '1236',
                channel_points_won: 5000,
                channel_points_used: 100,
              },
            ],
          },
          {
            id: '22435',
            title: 'No!',
            users: 2,
            channel_points: 200,
            color: 'pink',
            top_predictors: [
              {
                user_name: 'Cooler_User',
                user_login: 'cooler_user',
                user_id: '12345',
                channel_points_won: null,
                channel_points_used: 100,
              },
              {
                user_name: 'Elite_User',
                user_login: 'elite_user',
                user_id: '1337',
                channel_points_won: null,
                channel_points_used: 100,
              },
            ],
          },
        ],
        status: 'resolved',
        started_at: '2020-07-15T17:16:03.17106713Z',
        ended_at: '2020-07-15T17:16:11.17106713Z',
      },
    },
  },
  'channel.prediction.lock': {
    metadata: {
      message_id: 'f599f7e8-bf0a-5d3c-aca0-e89daed918bd',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.prediction.lock',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.prediction.lock',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        outcomes: [
          {
            id: '1243456',
            title: 'Yeah!',
            color: 'blue',
            users: 10,
            channel_points: 15000,
            top_predictors: [
              {
                user_name: 'Cool_User',
                user_login: 'cool_user',
                user_id: '1234',
                channel_points_won: null,
                channel_points_used: 500,
              },
              {
                user_name: 'Coolest_User',
                user_login: 'coolest_user',
                user_id: '1236',
                channel_points_won: null,
                channel_points_used: 200,
              },
            ],
          },
          {
            id: '2243456',
            title: 'No!',
            color: 'pink',
            top_predictors: [
              {
                user_name: 'Cooler_User',
                user_login: 'cooler_user',
                user_id: '12345',
                channel_points_won: null,
                channel_points_used: 5000,
              },
            ],
          },
        ],
        started_at: '2020-07-15T17:16:03.17106713Z',
        locked_at: '2020-07-15T17:21:03.17106713Z',
      },
    },
  },
  'channel.prediction.progress': {
    metadata: {
      message_id: 'a388d872-4cab-5bca-b2f1-e4537a6f00ff',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.prediction.progress',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.prediction.progress',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '1243456',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        title: 'Aren’t shoes just really hard socks?',
        outcomes: [
          {
            id: '1243456',
            title: 'Yeah!',
            color: 'blue',
            users: 10,
            channel_points: 15000,
            top_predictors: [
              {
                user_name: 'Cool_User',
                user_login: 'cool_user',
                user_id: '1234',
                channel_points_won: null,
                channel_points_used: 500,
              },
              {
                user_name: 'Coolest_User',
                user_login: 'coolest_user',
                user_id: '1236',
                channel_points_won: null,
                channel_points_used: 200,
              },
            ],
          },
          {
            id: '2243456',
            title: 'No!',
            color: 'pink',
            top_predictors: [
              {
                user_name: 'Cooler_User',
                user_login: 'cooler_user',
                user_id: '12345',
                channel_points_won: null,
                channel_points_used: 5000,
              },
            ],
          },
        ],
        started_at: '2020-07-15T17:16:03.17106713Z',
        locks_at: '2020-07-15T17:21:03.17106713Z',
      },
    },
  },
  'channel.raid': {
    metadata: {
      message_id: '9e4e5876-35f5-50cf-b222-b5e6f0d3e384',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.raid',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.raid',
        version: '1',
        cost: 0,
        condition: {
          to_broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        from_broadcaster_user_id: '1234',
        from_broadcaster_user_login: 'cool_user',
        from_broadcaster_user_name: 'Cool_User',
        to_broadcaster_user_id: '1337',
        to_broadcaster_user_login: 'cooler_user',
        to_broadcaster_user_name: 'Cooler_User',
        viewers: 9001,
      },
    },
  },
  'channel.shoutout.create': {
    metadata: {
      message_id: '97644a39-0dd7-5170-bfbd-19619da0144d',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.shoutout.create',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.shoutout.create',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '12345',
          moderator_user_id: '98765',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2022-07-25T10:11:12.1236739Z',
      },
      event: {
        broadcaster_user_id: '12345',
        broadcaster_user_name: 'SimplySimple',
        broadcaster_user_login: 'simplysimple',
        moderator_user_id: '98765',
        moderator_user_name: 'ParticularlyParticular123',
        moderator_user_login: 'particularlyparticular123',
        to_broadcaster_user_id: '626262',
        to_broadcaster_user_name: 'SandySanderman',
        to_broadcaster_user_login: 'sandysanderman',
        started_at: '2022-07-26T17:00:03.17106713Z',
        viewer_count: 860,
        cooldown_ends_at: '2022-07-26T17:02:03.17106713Z',
        target_cooldown_ends_at: '2022-07-26T18:00:03.17106713Z',
      },
    },
  },
  'channel.shoutout.receive': {
    metadata: {
      message_id: '155bacfb-f28a-5e99-b637-9fe2aec3d36f',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.shoutout.receive',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.shoutout.receive',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '626262',
          moderator_user_id: '98765',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2022-07-25T10:11:12.1236739Z',
      },
      event: {
        broadcaster_user_id: '626262',
        broadcaster_user_name: 'SandySanderman',
        broadcaster_user_login: 'sandysanderman',
        from_broadcaster_user_id: '12345',
        from_broadcaster_user_name: 'SimplySimple',
        from_broadcaster_user_login: 'simplysimple',
        viewer_count: 860,
        started_at: '2022-07-26T17:00:03.17106713Z',
      },
    },
  },
  'channel.subscribe': {
    metadata: {
      message_id: '46b7029a-47aa-552c-969f-78bd67c1675c',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.subscribe',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.subscribe',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        user_id: '1234',
        user_login: 'cool_user',
        user_name: 'Cool_User',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        broadcaster_user_name: 'Cooler_User',
        tier: '1000',
        is_gift: false,
      },
    },
  },
  'channel.subscription.gift': {
    metadata: {
      message_id: '9826eb64-185b-5795-a9b9-daf537f27aff',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.subscription.gift',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.subscription.gift',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        user_id: '1234',
        user_login: 'cool_user',
        user_name: 'Cool_User',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        broadcaster_user_name: 'Cooler_User',
        total: 2,
        tier: '1000',
        cumulative_total: 284,
        is_anonymous: false,
      },
    },
  },
  'channel.subscription.message': {
    metadata: {
      message_id: '8ed72a2e-43f6-55bc-9d46-8b5649a8aa91',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'channel.subscription.message',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.subscription.message',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        user_id: '1234',
        user_login: 'cool_user',
        user_name: 'Cool_User',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        broadcaster_user_name: 'Cooler_User',
        tier: '1000',
        message: {
          text: 'Love the stream! FevziGG',
          emotes: [
            {
              begin: 23,
              end: 30,
              id: '302976485',
            },
          ],
        },
        cumulative_months: 15,
        streak_months: 1,
        duration_months: 6,
      },
    },
  },
  'stream.offline': {
    metadata: {
      message_id: 'ca2f8100-08f8-5b4a-b9b3-d13f787f5ba9',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'stream.offline',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'stream.offline',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
      },
    },
  },
  'stream.online': {
    metadata: {
      message_id: '9347001c-a722-5ad5-894c-7c2c00e5ca8d',
      message_type: 'notification',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
      subscription_type: 'stream.online',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'stream.online',
        version: '1',
        cost: 0,
        condition: {
          broadcaster_user_id: '1337',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2019-11-16T10:11:12.123Z',
      },
      event: {
        id: '9001',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cool_user',
        broadcaster_user_name: 'Cool_User',
        type: 'live',
        started_at: '2020-10-11T10:11:12.123Z',
      },
    },
  },
} satisfies Record<string, TwitchNotificationFixture>;

/** Fixture names of {@link twitchNotificationFixtures}. */
export type TwitchNotificationFixtureName = keyof typeof twitchNotificationFixtures;

/** Session messages, the revocation and the Helix bodies, as documented. */
export const twitchProtocolFixtures = {
  /** session_welcome.json */
  sessionWelcome: {
    metadata: {
      message_id: '96a3f3b5-5dec-4eed-908e-e11ee657416c',
      message_type: 'session_welcome',
      message_timestamp: '2023-07-19T14:56:51.634234626Z',
    },
    payload: {
      session: {
        id: 'AQoQILE98gtqShGmLD7AM6yJThAB',
        status: 'connected',
        connected_at: '2023-07-19T14:56:51.616329898Z',
        keepalive_timeout_seconds: 10,
        reconnect_url: null,
      },
    },
  },
  /** session_keepalive.json */
  sessionKeepalive: {
    metadata: {
      message_id: '84c1e79a-2a4b-4c13-ba0b-4312293e9308',
      message_type: 'session_keepalive',
      message_timestamp: '2023-07-19T10:11:12.634234626Z',
    },
    payload: {},
  },
  /** session_reconnect.json */
  sessionReconnect: {
    metadata: {
      message_id: '84c1e79a-2a4b-4c13-ba0b-4312293e9308',
      message_type: 'session_reconnect',
      message_timestamp: '2022-11-18T09:10:11.634234626Z',
    },
    payload: {
      session: {
        id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        status: 'reconnecting',
        keepalive_timeout_seconds: null,
        reconnect_url: 'wss://eventsub.wss.twitch.tv?...',
        connected_at: '2022-11-16T10:11:12.634234626Z',
      },
    },
  },
  /** revocation.json */
  revocation: {
    metadata: {
      message_id: '84c1e79a-2a4b-4c13-ba0b-4312293e9308',
      message_type: 'revocation',
      message_timestamp: '2022-11-16T10:11:12.464757833Z',
      subscription_type: 'channel.follow',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'authorization_revoked',
        type: 'channel.follow',
        version: '1',
        cost: 1,
        condition: {
          broadcaster_user_id: '12826',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2022-11-16T10:11:12.464757833Z',
      },
    },
  },
  /** helix-create-subscription.request.json */
  createSubscriptionRequest: {
    type: 'channel.follow',
    version: '2',
    condition: {
      broadcaster_user_id: '1337',
      moderator_user_id: '1337',
    },
    transport: {
      method: 'websocket',
      session_id: 'AQoQILE98gtqShGmLD7AM6yJThAB',
    },
  },
  /** helix-create-subscription.response-202.json */
  createSubscriptionResponse202: {
    data: [
      {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.follow',
        version: '2',
        condition: {
          broadcaster_user_id: '1337',
          moderator_user_id: '1337',
        },
        created_at: '2023-07-19T14:56:52.112233445Z',
        transport: {
          method: 'websocket',
          session_id: 'AQoQILE98gtqShGmLD7AM6yJThAB',
          connected_at: '2023-07-19T14:56:51.616329898Z',
        },
        cost: 0,
      },
    ],
    total: 1,
    total_cost: 0,
    max_total_cost: 10,
  },
  /** helix-create-subscription.error-429-transports-limit.json */
  createSubscriptionTransportsLimit429: {
    error: 'Too Many Requests',
    status: 429,
    message: 'number of websocket transports limit exceeded',
  },
  /** helix-send-chat-message.request.json */
  sendChatRequest: {
    broadcaster_id: '12826',
    sender_id: '141981764',
    message: 'Hello, world! twitchdevHype',
  },
  /** helix-send-chat-message.response-200-sent.json */
  sendChatSent200: {
    data: [
      {
        message_id: 'abc-123-def',
        is_sent: true,
      },
    ],
  },
  /** helix-send-chat-message.response-200-dropped.json */
  sendChatDropped200: {
    data: [
      {
        message_id: '',
        is_sent: false,
        drop_reason: {
          code: 'msg_rejected',
          message: 'Your message is being checked by mods and has not been sent.',
        },
      },
    ],
  },
  /** notification-channel.follow.v1-docs-envelope-example.json */
  followV1DocsEnvelope: {
    metadata: {
      message_id: 'befa7b53-d79d-478f-86b9-120f112b044e',
      message_type: 'notification',
      message_timestamp: '2022-11-16T10:11:12.464757833Z',
      subscription_type: 'channel.follow',
      subscription_version: '1',
    },
    payload: {
      subscription: {
        id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        status: 'enabled',
        type: 'channel.follow',
        version: '1',
        cost: 1,
        condition: {
          broadcaster_user_id: '12826',
        },
        transport: {
          method: 'websocket',
          session_id: 'AQoQexAWVYKSTIu4ec_2VAxyuhAB',
        },
        created_at: '2022-11-16T10:11:12.464757833Z',
      },
      event: {
        user_id: '1337',
        user_login: 'awesome_user',
        user_name: 'Awesome_User',
        broadcaster_user_id: '12826',
        broadcaster_user_login: 'twitch',
        broadcaster_user_name: 'Twitch',
        followed_at: '2023-07-15T18:16:11.17106713Z',
      },
    },
  },
} as const;
