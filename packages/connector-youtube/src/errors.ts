import { AuthError, NotFoundError, RateLimitedError, VmscError } from '@vmsc/core';

/**
 * The `errors[0].reason` values the connector knows (Data API docs for liveChatMessages, videos,
 * liveBroadcasts, and Google's global errors); any other string may arrive too.
 */
export type YouTubeErrorReason =
  | 'quotaExceeded'
  | 'rateLimitExceeded'
  | 'liveChatEnded'
  | 'liveChatDisabled'
  | 'liveChatNotFound'
  | 'forbidden'
  | 'insufficientPermissions'
  | 'pageTokenInvalid'
  | 'authError'
  | 'required'
  | 'badRequest'
  | 'keyInvalid'
  | 'keyExpired'
  | 'accessNotConfigured'
  | 'ipRefererBlocked'
  | 'messageTextInvalid'
  | 'messageTextRequired'
  | 'liveChatIdRequired'
  | 'typeRequired'
  | 'preconditionCheckFailed'
  | 'backendError'
  | (string & {});

/** What every Data API error carries besides its message. */
export interface YouTubeErrorDetails {
  /** `errors[0].reason` (empty when YouTube sent none: a network failure or a non-JSON body). */
  readonly reason: YouTubeErrorReason;
  /** The HTTP status, when there was a response. */
  readonly httpStatus: number | undefined;
}

interface DetailOptions {
  reason: string;
  httpStatus?: number;
  cause?: unknown;
}

/** A Data API error with no narrower class (an unexpected 4xx, a reason the connector does not know). */
export class YouTubeApiError extends VmscError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason;
  readonly httpStatus: number | undefined;

  constructor(message: string, options: DetailOptions & { code?: string }) {
    super(options.code ?? 'YOUTUBE_API_ERROR', message, { cause: options.cause });
    this.reason = options.reason;
    this.httpStatus = options.httpStatus;
  }
}

/**
 * The project's daily quota is spent (`quotaExceeded`). Not transient: nothing succeeds until the
 * reset at midnight Pacific, `resetsAt`; `retryAfterMs` counts down to it from when it was raised.
 */
export class YouTubeQuotaExceededError extends RateLimitedError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason = 'quotaExceeded';
  readonly httpStatus: number | undefined;
  /** When the quota resets (midnight America/Los_Angeles), Unix epoch ms. */
  readonly resetsAt: number;

  constructor(resetsAt: number, now: number, options: { httpStatus?: number; operation?: string } = {}) {
    super(
      `${options.operation ? `${options.operation}: ` : ''}the YouTube Data API daily quota is exhausted (quotaExceeded); it resets at ${new Date(resetsAt).toISOString()} (midnight Pacific)`,
      { code: 'YOUTUBE_QUOTA_EXCEEDED', retryAfterMs: Math.max(0, resetsAt - now) },
    );
    this.httpStatus = options.httpStatus;
    this.resetsAt = resetsAt;
  }
}

/** YouTube asked us to slow down (`rateLimitExceeded`: polled faster than allowed, or chat sent too fast). */
export class YouTubeRateLimitError extends RateLimitedError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason = 'rateLimitExceeded';
  readonly httpStatus: number | undefined;

  constructor(message: string, options: { httpStatus?: number; retryAfterMs?: number } = {}) {
    super(message, { code: 'YOUTUBE_RATE_LIMITED', ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}) });
    this.httpStatus = options.httpStatus;
  }
}

/** The credentials were refused: a bad or expired token (401), a bad API key, the API not enabled. */
export class YouTubeAuthError extends AuthError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason;
  readonly httpStatus: number | undefined;

  constructor(message: string, options: DetailOptions & { code?: string }) {
    super(message, { code: options.code ?? 'YOUTUBE_AUTH_FAILED', cause: options.cause });
    this.reason = options.reason;
    this.httpStatus = options.httpStatus;
  }
}

/** The credentials are valid but may not do this (`forbidden`, `insufficientPermissions`). */
export class YouTubeForbiddenError extends YouTubeAuthError {
  constructor(message: string, options: DetailOptions) {
    super(message, { ...options, code: 'YOUTUBE_FORBIDDEN' });
  }
}

/** The live chat id is wrong or the chat was deleted (`liveChatNotFound`). */
export class YouTubeChatNotFoundError extends NotFoundError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason = 'liveChatNotFound';
  readonly httpStatus: number | undefined;

  constructor(message: string, options: { httpStatus?: number } = {}) {
    super(message, { code: 'YOUTUBE_CHAT_NOT_FOUND' });
    this.httpStatus = options.httpStatus;
  }
}

/** The broadcast has live chat switched off (`liveChatDisabled`). */
export class YouTubeChatDisabledError extends NotFoundError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason = 'liveChatDisabled';
  readonly httpStatus: number | undefined;

  constructor(message: string, options: { httpStatus?: number } = {}) {
    super(message, { code: 'YOUTUBE_CHAT_DISABLED' });
    this.httpStatus = options.httpStatus;
  }
}

/** The chat is over (`liveChatEnded`, a `chatEndedEvent`, or `offlineAt`). */
export class YouTubeChatEndedError extends VmscError implements YouTubeErrorDetails {
  readonly reason: YouTubeErrorReason = 'liveChatEnded';
  readonly httpStatus: number | undefined;

  constructor(message: string, options: { httpStatus?: number } = {}) {
    super('YOUTUBE_CHAT_ENDED', message);
    this.httpStatus = options.httpStatus;
  }
}

/** Why a target has no live chat to read. */
export type YouTubeNotLiveState =
  /** `videos.list` returned no such video (wrong id, private, deleted). */
  | 'video_not_found'
  /** The video is not a live stream or premiere at all (no `liveStreamingDetails`). */
  | 'not_a_live_video'
  /** Scheduled but not started yet. */
  | 'upcoming'
  /** The broadcast is over. */
  | 'ended'
  /** Live, but without an active chat (chat disabled, or members-only to this key). */
  | 'no_chat'
  /** `mine`: the channel has no broadcast that is live now. */
  | 'no_live_broadcast';

/** The target is not live or has no chat: says which, so a UI can tell the user. */
export class YouTubeNotLiveError extends NotFoundError {
  readonly state: YouTubeNotLiveState;

  constructor(state: YouTubeNotLiveState, message: string) {
    super(message, { code: state === 'video_not_found' ? 'YOUTUBE_VIDEO_NOT_FOUND' : 'YOUTUBE_NOT_LIVE' });
    this.state = state;
  }
}

/** `liveChatMessages.insert` refused the message (`messageTextInvalid`, `messageTextRequired`...). */
export class YouTubeSendChatError extends YouTubeApiError {
  constructor(message: string, options: DetailOptions) {
    super(message, { ...options, code: 'YOUTUBE_SEND_FAILED' });
  }
}
