/**
 * `@vmsc/connector-kick`: Kick's public Pusher feed for VMSC, chat out through Kick's official API,
 * and the OAuth 2.1 (PKCE) sign-in and token refresh that API needs.
 *
 * The entry exports the connector and its pool, the channel lookup and app key negotiation (building
 * blocks of a custom `resolver` and of a pinned `appKey`), the pure frame normalizer (for frames from
 * another transport, e.g. Kick's Centrifugo path, which carries the same payloads) and the typed
 * errors. The rest (deduper, folding, close-code table, emote and timestamp parsers) is internal.
 *
 * @packageDocumentation
 */
export { KickConnector } from './kick-connector.js';
export type { KickConnectorOptions, KickBlockedRetry } from './kick-connector.js';
export { KICK_CHAT_LIMITS, kickReplyId } from './chat.js';
export type { KickChatSenderType } from './chat.js';
export { KickConnectionPool } from './pool/connection-pool.js';
export type { KickConnectionPoolOptions } from './pool/connection-pool.js';
export type { KeepaliveOptions, KeyRefresh } from './pool/pusher-session.js';
export { lookupKickChannel } from './resolve/channel.js';
export type { KickChannelIds, KickChannelResolver, KickLookupOptions } from './resolve/channel.js';
export { negotiateKickAppKey, KICK_DEFAULT_APP_KEY, KICK_DEFAULT_CLUSTER } from './resolve/app-key.js';
export type { KickNegotiationOptions, KickPusherCredentials } from './resolve/app-key.js';
export { normalizeKickFrame } from './normalize/normalize.js';
export type { NormalizeContext, NormalizedFrame } from './normalize/normalize.js';
export { decodeFrameText } from './normalize/decode.js';
export type { DecodedFrame, PusherFrame } from './raw/pusher.js';
export {
  KickLookupBlockedError,
  KickLookupRateLimitedError,
  KickChannelNotFoundError,
  KickAppKeyError,
  KickConnectionRefusedError,
} from './errors.js';
export { createKickPkce, kickPkceChallenge } from './auth/pkce.js';
export type { KickPkce } from './auth/pkce.js';
export { kickAuthorizeUrl, KICK_ID_URL } from './auth/authorize-url.js';
export type { KickAuthorizeUrlOptions } from './auth/authorize-url.js';
export { exchangeKickCode, refreshKickToken, kickAppToken, revokeKickToken } from './auth/token.js';
export type { KickTokenSet, KickClientOptions, KickCodeExchangeOptions, KickRefreshOptions, KickRevokeOptions } from './auth/token.js';
export { KickTokenProvider } from './auth/token-provider.js';
export type { KickTokenProviderOptions } from './auth/token-provider.js';
export type { KickChatToken } from './auth/chat-token.js';
export { KickAuthError, KickRefreshTokenInvalidError } from './auth/errors.js';
export { KickWebhookReceiver } from './webhook/receiver.js';
export type { KickWebhookReceiverOptions } from './webhook/receiver.js';
export { KICK_WEBHOOK_PUBLIC_KEY, loadKickPublicKey, verifyKickSignature, fetchKickPublicKey } from './webhook/signature.js';
export { KickWebhookSignatureError, KickWebhookRequestError, KickWebhookKeyError } from './webhook/errors.js';
export { normalizeKickWebhook, isKickWebhookEventType, KICK_WEBHOOK_VERSION } from './normalize/webhook.js';
export type { KickWebhookMessage, NormalizedWebhook, WebhookNormalizeContext } from './normalize/webhook.js';
export { KICK_WEBHOOK_EVENT_TYPES } from './raw/webhook-events.js';
export type { KickWebhookEventType, RawWebhookPayloads } from './raw/webhook-events.js';
export { KickFeedDedupe } from './delivery/feed-dedupe.js';
export type { KickFeed, KickFeedDedupeOptions } from './delivery/feed-dedupe.js';
