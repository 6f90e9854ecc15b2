export { startTwitchFake, TWITCH_CLOSE_REASONS } from './fake.js';
export type {
  FakeTwitch,
  FakeTwitchOptions,
  FakeTwitchToken,
  FakeTwitchUser,
  FakeTwitchSession,
  FakeTwitchSubscription,
  FakeTwitchRequest,
  FakeTwitchFault,
  FakeNotifyOptions,
} from './fake.js';
export { twitchNotificationFixtures, twitchProtocolFixtures } from './fixtures.js';
export type { TwitchNotificationFixture, TwitchNotificationFixtureName } from './fixtures.js';
export { FAKE_SUBSCRIPTION_TYPES, ALL_FAKE_SCOPES } from './subscription-types.js';
export type { FakeSubscriptionTypeVersion } from './subscription-types.js';
export { startTwitchOAuthFake } from './oauth-server.js';
export type { TwitchOAuthFake, TwitchOAuthFakeOptions, TwitchDevicePoll, TwitchOAuthFakeToken } from './oauth-server.js';
