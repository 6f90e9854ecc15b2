/**
 * What the fake Helix knows about each EventSub subscription type: versions, required condition
 * keys and scopes (Twitch's EventSub reference). Used to answer `POST /eventsub/subscriptions`
 * like Twitch does (400, 403, 410).
 *
 * @packageDocumentation
 */

/** One version of a subscription type, as the fake server accepts it. */
export interface FakeSubscriptionTypeVersion {
  /** Condition keys that must be present. */
  condition: string[];
  /** The token needs one of these; empty = none. */
  scopes: string[];
  /** Which condition key must equal the token's user (Twitch answers 403 otherwise). */
  mustBeTokenUser?: string;
  /** The version was removed: 410 Gone (e.g. `channel.follow` v1). */
  removed?: boolean;
}

const broadcaster = (scopes: string[]): FakeSubscriptionTypeVersion => ({
  condition: ['broadcaster_user_id'],
  scopes,
  ...(scopes.length > 0 ? { mustBeTokenUser: 'broadcaster_user_id' } : {}),
});
const moderated = (scopes: string[]): FakeSubscriptionTypeVersion => ({
  condition: ['broadcaster_user_id', 'moderator_user_id'],
  scopes,
  mustBeTokenUser: 'moderator_user_id',
});

/** type → version → rules. */
export const FAKE_SUBSCRIPTION_TYPES: Readonly<Record<string, Readonly<Record<string, FakeSubscriptionTypeVersion>>>> = {
  'channel.chat.message': {
    '1': { condition: ['broadcaster_user_id', 'user_id'], scopes: ['user:read:chat'], mustBeTokenUser: 'user_id' },
  },
  'channel.chat.notification': {
    '1': { condition: ['broadcaster_user_id', 'user_id'], scopes: ['user:read:chat'], mustBeTokenUser: 'user_id' },
  },
  'channel.follow': {
    '1': { condition: ['broadcaster_user_id'], scopes: [], removed: true },
    '2': moderated(['moderator:read:followers']),
  },
  'channel.subscribe': { '1': broadcaster(['channel:read:subscriptions']) },
  'channel.subscription.message': { '1': broadcaster(['channel:read:subscriptions']) },
  'channel.subscription.gift': { '1': broadcaster(['channel:read:subscriptions']) },
  'channel.cheer': { '1': broadcaster(['bits:read']) },
  'channel.raid': { '1': { condition: [], scopes: [] } },
  'channel.channel_points_custom_reward_redemption.add': { '1': broadcaster(['channel:read:redemptions', 'channel:manage:redemptions']) },
  'channel.poll.begin': { '1': broadcaster(['channel:read:polls', 'channel:manage:polls']) },
  'channel.poll.progress': { '1': broadcaster(['channel:read:polls', 'channel:manage:polls']) },
  'channel.poll.end': { '1': broadcaster(['channel:read:polls', 'channel:manage:polls']) },
  'channel.prediction.begin': { '1': broadcaster(['channel:read:predictions', 'channel:manage:predictions']) },
  'channel.prediction.progress': { '1': broadcaster(['channel:read:predictions', 'channel:manage:predictions']) },
  'channel.prediction.lock': { '1': broadcaster(['channel:read:predictions', 'channel:manage:predictions']) },
  'channel.prediction.end': { '1': broadcaster(['channel:read:predictions', 'channel:manage:predictions']) },
  'channel.hype_train.begin': {
    '1': { ...broadcaster(['channel:read:hype_train']), removed: true },
    '2': broadcaster(['channel:read:hype_train']),
  },
  'channel.hype_train.progress': {
    '1': { ...broadcaster(['channel:read:hype_train']), removed: true },
    '2': broadcaster(['channel:read:hype_train']),
  },
  'channel.hype_train.end': {
    '1': { ...broadcaster(['channel:read:hype_train']), removed: true },
    '2': broadcaster(['channel:read:hype_train']),
  },
  'channel.ad_break.begin': { '1': broadcaster(['channel:read:ads', 'channel:manage:ads']) },
  'channel.shoutout.create': { '1': moderated(['moderator:read:shoutouts', 'moderator:manage:shoutouts']) },
  'channel.shoutout.receive': { '1': moderated(['moderator:read:shoutouts', 'moderator:manage:shoutouts']) },
  'channel.ban': { '1': broadcaster(['channel:moderate']) },
  'channel.charity_campaign.donate': { '1': broadcaster(['channel:read:charity']) },
  'stream.online': { '1': broadcaster([]) },
  'stream.offline': { '1': broadcaster([]) },
};

/** Every scope some type above needs (what the fake's default token is granted). */
export const ALL_FAKE_SCOPES: readonly string[] = [
  ...new Set(Object.values(FAKE_SUBSCRIPTION_TYPES).flatMap((versions) => Object.values(versions).flatMap((version) => version.scopes))),
  'user:write:chat',
];
