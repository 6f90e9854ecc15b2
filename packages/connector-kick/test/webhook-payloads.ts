import { readFileSync } from 'node:fs';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

export const broadcaster = {
  is_anonymous: false,
  user_id: 123456789,
  username: 'broadcaster_name',
  is_verified: true,
  profile_picture: 'https://example.com/broadcaster_avatar.jpg',
  channel_slug: 'broadcaster_channel',
  identity: null,
};
const user = (id: number, name: string) => ({
  is_anonymous: false,
  user_id: id,
  username: name,
  is_verified: false,
  profile_picture: 'https://example.com/a.jpg',
  channel_slug: name.toLowerCase().replaceAll('_', '-'),
  identity: null,
});

/** One payload per documented type (two from the DOC fixtures, the rest from the docs' field names). */
export const PAYLOADS: Record<string, unknown> = {
  'chat.message.sent': fixture('webhook-chat.message.sent.json'),
  'channel.followed': { broadcaster, follower: user(111, 'New_Follower') },
  'channel.subscription.renewal': {
    broadcaster,
    subscriber: user(222, 'Old_Sub'),
    duration: 3,
    created_at: '2025-01-14T16:08:06Z',
    expires_at: '2025-02-14T16:08:06Z',
  },
  'channel.subscription.gifts': {
    broadcaster,
    gifter: user(333, 'Gifter'),
    giftees: [user(1, 'Lucky_One'), user(2, 'Lucky_Two')],
    created_at: '2025-01-14T16:08:06Z',
    expires_at: '2025-02-14T16:08:06Z',
  },
  'channel.subscription.new': {
    broadcaster,
    subscriber: user(444, 'New_Sub'),
    duration: 1,
    created_at: '2025-01-14T16:08:06Z',
    expires_at: '2025-02-14T16:08:06Z',
  },
  'channel.reward.redemption.updated': {
    id: '01KBHE78QE4HZY1617DK5FC7YD',
    user_input: 'unban me',
    status: 'pending',
    redeemed_at: '2025-12-02T22:54:19.323Z',
    reward: { id: '01KBHE7RZNHB0SKDV1H86CD4F3', title: 'Hydrate', cost: 1000, description: 'drink' },
    redeemer: user(555, 'Thirsty'),
    broadcaster,
  },
  'livestream.status.updated': {
    broadcaster,
    is_live: true,
    title: 'Stream Title',
    started_at: '2025-01-01T11:00:00+11:00',
    ended_at: null,
  },
  'livestream.metadata.updated': {
    broadcaster,
    metadata: { title: 'New title', language: 'en', has_mature_content: false, category: { id: 1, name: 'Just Chatting' } },
  },
  'moderation.banned': {
    broadcaster,
    moderator: user(666, 'The_Mod'),
    banned_user: user(777, 'Bad_Guy'),
    metadata: { reason: 'spam', created_at: '2025-01-14T16:08:06Z', expires_at: '2025-01-14T16:18:06Z' },
  },
  'kicks.gifted': fixture('webhook-kicks.gifted.json'),
};

/** The event type each payload maps to. */
export const EXPECTED_TYPE: Record<string, string> = {
  'chat.message.sent': 'chat',
  'channel.followed': 'follow',
  'channel.subscription.renewal': 'subscribe',
  'channel.subscription.gifts': 'gifted_sub',
  'channel.subscription.new': 'subscribe',
  'channel.reward.redemption.updated': 'reward_redeem',
  'livestream.status.updated': 'stream_online',
  'livestream.metadata.updated': 'unknown',
  'moderation.banned': 'ban',
  'kicks.gifted': 'kicks_gift',
};
