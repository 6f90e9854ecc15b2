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
export { decodeWebcastFrame, isGzip } from './proto/decode-frame.js';
export type { DecodedWebcastFrame } from './proto/decode-frame.js';
export { decodeWebcastMessage, isMappedMethod } from './proto/messages.js';
export { encodeAckFrame, encodeEnterRoomFrame, encodeHeartbeatFrame } from './proto/client-frames.js';
export { normalizeWebcastMessage, unknownMethodEvent, giftData, socialKind, CONTROL_ACTION } from './normalize/events.js';
export type { NormalizeContext } from './normalize/events.js';
export { normalizeUser } from './normalize/user.js';
export { normalizeUniqueId } from './resolve.js';
export { buildWebSocketUrl } from './ws-url.js';
export { cookieHeaderFrom } from './sign.js';
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
