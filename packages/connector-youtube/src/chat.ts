import { ChatNotAllowedError, ChatRateLimitedError, type ChatLimits, type VmscError } from '@vmsc/core';
import { YouTubeChatDisabledError, YouTubeChatEndedError, YouTubeForbiddenError, YouTubeRateLimitError } from './errors.js';

/**
 * YouTube's chat limits: 200 characters (code points; `liveChatMessages.insert` answers
 * `messageTextInvalid` beyond). YouTube publishes no send rate (it answers `rateLimitExceeded` when a
 * user posts too fast): VMSC keeps to one message per second by default (option `chatRate`). Each
 * message also costs 50 quota units of the 10,000 a project has per day.
 */
export const YOUTUBE_CHAT_LIMITS: ChatLimits = Object.freeze({
  maxLength: 200,
  lengthUnit: 'code-points',
  rate: Object.freeze({ messages: 1, windowMs: 1_000 }),
});

/**
 * A `liveChatMessages.insert` failure as core's chat error where there is one: `rateLimitExceeded` →
 * `ChatRateLimitedError`; `forbidden`, `liveChatEnded`, `liveChatDisabled` → `ChatNotAllowedError`
 * with that reason. The YouTube error stays as the `cause`; anything else is returned unchanged.
 */
export function toChatError(error: VmscError): VmscError {
  if (error instanceof YouTubeRateLimitError) {
    return new ChatRateLimitedError(error.message, {
      code: 'YOUTUBE_CHAT_RATE_LIMITED',
      cause: error,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    });
  }
  if (error instanceof YouTubeForbiddenError || error instanceof YouTubeChatEndedError || error instanceof YouTubeChatDisabledError) {
    return new ChatNotAllowedError(error.message, error.reason, { code: 'YOUTUBE_CHAT_NOT_ALLOWED', cause: error });
  }
  return error;
}
