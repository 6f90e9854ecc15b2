/**
 * `@vmsc/connector-twitch`: Twitch EventSub over WebSocket + Helix for VMSC.
 *
 * @packageDocumentation
 */
export { TwitchConnector } from './connector.js';
export { TWITCH_CHAT_LIMITS } from './chat.js';
export type { TwitchConnectorOptions, TwitchConnectorHealth, TwitchSendChatOptions, TwitchUrls } from './connector.js';
export type { TwitchAuth, TwitchAuthProvider } from './auth.js';
export {
  TwitchMissingScopesError,
  TwitchTransportsLimitError,
  TwitchSubscriptionError,
  TwitchChatDroppedError,
  TwitchUnknownEventError,
} from './errors.js';
export type { TwitchSubscriptionHealth, TwitchSubscriptionStatus } from './subscription-state.js';
export { TWITCH_EVENT_TYPES, twitchMissingScopes } from './subscriptions.js';
export type { MissingScope, TwitchEventType } from './subscriptions.js';
export { normalizeNotification } from './normalize/notification.js';
export type { TwitchEvent, NormalizeOptions } from './normalize/notification.js';
export type { RawNotificationMessage } from './raw/eventsub.js';
