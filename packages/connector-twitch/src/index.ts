/**
 * `@vmsc/connector-twitch`: Twitch EventSub over WebSocket + Helix for VMSC.
 *
 * @packageDocumentation
 */
export { TwitchConnector } from './connector.js';
export type { TwitchConnectorOptions, TwitchConnectorHealth, TwitchSendChatOptions, TwitchUrls } from './connector.js';
export type { TwitchAuth, TwitchAuthProvider } from './auth.js';
export { TwitchMissingScopesError, TwitchTransportsLimitError, TwitchSubscriptionError, TwitchChatDroppedError } from './errors.js';
export type { TwitchSubscriptionHealth, TwitchSubscriptionStatus } from './subscription-state.js';
export { SUBSCRIPTION_SPECS, TWITCH_EVENT_TYPES, specsFor, missingScopes } from './subscriptions.js';
export type { SubscriptionSpec, MissingScope, TwitchEventType } from './subscriptions.js';
export { EVENTSUB_CLOSE_CODES } from './close-codes.js';
export type { CloseCodeInfo } from './close-codes.js';
export { normalizeNotification, isMappedSubscriptionType } from './normalize/notification.js';
export type { TwitchEvent, NormalizeOptions } from './normalize/notification.js';
/** Re-exported from `@vmsc/core`, where the anonymous viewer is shared by every platform. */
export { ANONYMOUS_USER_ID, anonymousUser } from '@vmsc/core';
export type {
  RawMetadata,
  RawSession,
  RawSubscription,
  RawSessionMessage,
  RawNotificationMessage,
  RawRevocationMessage,
  RawFrame,
} from './raw/eventsub.js';
