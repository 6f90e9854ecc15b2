/**
 * `@vmsc/connector-tiktok`: TikTok LIVE events over the webcast WebSocket, signed by a Sign API.
 *
 * @packageDocumentation
 */
export { TikTokConnector } from './connector.js';
export type { TikTokConnectorStats } from './connector.js';
export type {
  TikTokConnectorOptions,
  TikTokConnectorCommonOptions,
  TikTokSignApiOptions,
  TikTokSessionOptions,
  TikTokWaitUntilLiveOptions,
} from './options.js';
export {
  TikTokUserOfflineError,
  TikTokRoomNotFoundError,
  TikTokBlockedError,
  SignApiRateLimitError,
  SignApiKeyError,
  SignApiPaidFeatureError,
  SignApiError,
  HandshakeRejectedError,
} from './errors.js';
// Decoding and normalizing captured frames offline (replays, benchmarks). The client frames
// (ack, enter-room, heartbeat), the WebSocket URL builder, the cookie parser and the normalizers'
// helpers are the connector's internals and are not exported.
export { decodeWebcastFrame } from './proto/decode-frame.js';
export type { DecodedWebcastFrame } from './proto/decode-frame.js';
export { decodeWebcastMessage, isMappedMethod } from './proto/messages.js';
export { normalizeWebcastMessage } from './normalize/events.js';
export type { NormalizeContext } from './normalize/events.js';
export type { RawPushFrame, RawFetchResult, RawBaseMessage } from './raw/frames.js';
export type {
  RawWebcastMessage,
  MappedMethod,
  RawCommon,
  RawText,
  RawUser,
  RawUserIdentity,
  RawBadge,
  RawEmote,
  RawChat,
  RawGift,
  RawGiftDetails,
  RawLike,
  RawMember,
  RawSocial,
  RawRoomUserSeq,
  RawEnvelope,
  RawEnvelopeInfo,
  RawEmoteChat,
  RawSubNotify,
  RawControl,
} from './raw/messages.js';
