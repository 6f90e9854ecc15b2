export { KickConnector } from './kick-connector.js';
export type { KickConnectorOptions } from './kick-connector.js';
export { KickConnectionPool } from './pool/connection-pool.js';
export type { KickConnectionPoolOptions, PoolLease } from './pool/connection-pool.js';
export type { KeepaliveOptions, KeyRefresh, PusherEndpoint, SessionMember } from './pool/pusher-session.js';
export { lookupKickChannel } from './resolve/channel.js';
export type { KickChannelIds, KickChannelResolver, KickLookupOptions } from './resolve/channel.js';
export { negotiateKickAppKey, KICK_DEFAULT_APP_KEY, KICK_DEFAULT_CLUSTER } from './resolve/app-key.js';
export type { KickNegotiationOptions, KickPusherCredentials } from './resolve/app-key.js';
export { normalizeKickFrame, isMappedKickEvent } from './normalize/normalize.js';
export type { NormalizeContext, NormalizedFrame } from './normalize/normalize.js';
export { decodeFrameText, decodePusherFrame, parseInnerData, stripEventPrefix } from './normalize/decode.js';
export { parseEmotes } from './normalize/emotes.js';
export type { KickEmote } from './normalize/emotes.js';
export { parseKickTimestamp } from './normalize/timestamp.js';
export { KickDeduper } from './normalize/dedupe.js';
export { closeAction, describeCloseCode } from './close-codes.js';
export type { CloseAction } from './close-codes.js';
export {
  KickLookupBlockedError,
  KickLookupRateLimitedError,
  KickChannelNotFoundError,
  KickAppKeyError,
  KickConnectionRefusedError,
} from './errors.js';
export type { DecodedFrame, PusherFrame } from './raw/pusher.js';
