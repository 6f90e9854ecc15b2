/**
 * `@vmsc/connector-youtube`: YouTube live chat through the Data API v3 (polling or the streamed
 * `liveChatMessages.stream`), with chat sending.
 *
 * @packageDocumentation
 */
export { YouTubeConnector } from './connector.js';
export { YOUTUBE_CHAT_LIMITS } from './chat.js';
export type { YouTubeConnectorOptions, YouTubeConnectorHealth, YouTubeReadMode } from './options.js';
export type { YouTubeAuth, YouTubeTokenProvider } from './auth.js';
export type { YouTubeTarget, ResolvedChat } from './resolve.js';
export {
  YouTubeApiError,
  YouTubeQuotaExceededError,
  YouTubeRateLimitError,
  YouTubeAuthError,
  YouTubeForbiddenError,
  YouTubeChatNotFoundError,
  YouTubeChatDisabledError,
  YouTubeChatEndedError,
  YouTubeNotLiveError,
  YouTubeSendChatError,
} from './errors.js';
export type { YouTubeErrorReason, YouTubeErrorDetails, YouTubeNotLiveState } from './errors.js';
export { DEFAULT_QUOTA_COSTS } from './quota.js';
export type { QuotaCosts, QuotaCostsOption, QuotaEstimate, QuotaMethod } from './quota.js';
export { normalizeMessage } from './normalize/message.js';
export type { YouTubeEvent, YouTubeEventType, NormalizeContext, PollEventType } from './normalize/message.js';
export { ChatPipeline } from './normalize/pipeline.js';
export type { ChatPipelineOptions, PageResult } from './normalize/pipeline.js';
export type { RawLiveChatMessage, RawListResponse, RawSnippet, RawAuthorDetails } from './raw/messages.js';
export type { RawErrorBody, RawErrorItem, RawVideoListResponse, RawBroadcastListResponse } from './raw/api.js';
