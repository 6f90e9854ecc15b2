import { ConnectionError, redact, type Secret, type VmscError } from '@vmsc/core';
import {
  YouTubeApiError,
  YouTubeAuthError,
  YouTubeChatDisabledError,
  YouTubeChatEndedError,
  YouTubeChatNotFoundError,
  YouTubeForbiddenError,
  YouTubeQuotaExceededError,
  YouTubeRateLimitError,
  YouTubeSendChatError,
} from '../errors.js';
import type { RawErrorBody } from '../raw/api.js';

/** What {@link classifyError} needs besides the response. */
export interface ClassifyContext {
  /** The call, for messages: `liveChatMessages.list`... (never a URL: API keys live in URLs). */
  operation: string;
  /** Credentials to scrub from any text YouTube echoes. */
  secrets: readonly Secret[];
  now: number;
  /** The next quota reset, for `quotaExceeded`. */
  quotaResetsAt: () => number;
  /** The call was `liveChatMessages.insert`: unknown 4xx reasons become {@link YouTubeSendChatError}. */
  sending?: boolean;
}

const SEND_REASONS = new Set([
  'messageTextInvalid',
  'messageTextRequired',
  'liveChatIdRequired',
  'typeRequired',
  'preconditionCheckFailed',
]);
const AUTH_REASONS = new Set([
  'authError',
  'required',
  'keyInvalid',
  'keyExpired',
  'accessNotConfigured',
  'ipRefererBlocked',
  'unauthorized',
]);

function plain(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}

/** The body as Google's error envelope, or `undefined` when it is not one. */
export function parseErrorBody(text: string): RawErrorBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && 'error' in body ? (body as RawErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Data API error response to a typed error, by `errors[0].reason` first (403 means many things)
 * and by HTTP status only when YouTube gave no reason. Messages name the operation, never the URL,
 * and are scrubbed of the credentials.
 */
export function classifyError(status: number, body: RawErrorBody | undefined, context: ClassifyContext): VmscError {
  const first = body?.error?.errors?.[0];
  const reason = first?.reason ?? '';
  const detail = redact(plain(first?.message ?? body?.error?.message ?? `HTTP ${status}`), context.secrets);
  const message = `${context.operation} failed: ${detail} (${reason || 'no reason'}, HTTP ${status})`;
  const options = { reason, httpStatus: status };
  switch (reason) {
    case 'quotaExceeded':
    case 'dailyLimitExceeded':
      return new YouTubeQuotaExceededError(context.quotaResetsAt(), context.now, { httpStatus: status, operation: context.operation });
    case 'rateLimitExceeded':
    case 'userRateLimitExceeded':
      return new YouTubeRateLimitError(message, { httpStatus: status });
    case 'liveChatEnded':
      return new YouTubeChatEndedError(message, { httpStatus: status });
    case 'liveChatDisabled':
      return new YouTubeChatDisabledError(message, { httpStatus: status });
    case 'liveChatNotFound':
      return new YouTubeChatNotFoundError(message, { httpStatus: status });
    case 'forbidden':
    case 'insufficientPermissions':
      return new YouTubeForbiddenError(message, options);
    case 'pageTokenInvalid':
      return new YouTubeApiError(message, { ...options, code: 'YOUTUBE_PAGE_TOKEN_INVALID' });
    case 'backendError':
      return new ConnectionError(message, { code: 'YOUTUBE_SERVER_ERROR' });
  }
  if (AUTH_REASONS.has(reason) || status === 401) return new YouTubeAuthError(message, options);
  if (reason === 'badRequest' && /api key/i.test(detail)) return new YouTubeAuthError(message, { ...options, reason: 'keyInvalid' });
  if (status === 429) return new YouTubeRateLimitError(message, { httpStatus: status });
  if (status >= 500) return new ConnectionError(message, { code: 'YOUTUBE_SERVER_ERROR' });
  if (context.sending && (SEND_REASONS.has(reason) || status === 400)) return new YouTubeSendChatError(message, options);
  return new YouTubeApiError(message, options);
}

/** Whether the error is worth retrying with backoff (network, 5xx, a broken stream). */
export function isTransient(error: VmscError): boolean {
  return error instanceof ConnectionError || error.code === 'PROTOCOL_ERROR' || error.code === 'YOUTUBE_STREAM_MALFORMED';
}
