import { readJsonBody } from './read-json.js';
import {
  AuthError,
  ChatDroppedError,
  ChatNotAllowedError,
  ChatRateLimitedError,
  checkChatLength,
  ConnectionError,
  parseRetryAfter,
  ProtocolError,
  type ChatLimits,
  type Secret,
  type SendChatOptions,
  type SendChatResult,
  type StreamEvent,
} from '@vmsc/core';

/**
 * Kick's chat limits: 500 characters (the official API's documented maximum for `content`, counted
 * here as UTF-16 units, the stricter reading). Kick publishes no chat rate limit; the connector
 * sends at most 10 messages per 30 s by default (a conservative choice, override with `chatRate`),
 * and a 429 from Kick is retried after its `Retry-After`.
 */
export const KICK_CHAT_LIMITS: ChatLimits = Object.freeze({
  maxLength: 500,
  lengthUnit: 'utf16',
  rate: Object.freeze({ messages: 10, windowMs: 30_000 }),
});

/** Who a Kick message is sent as: `user` (the token's user, to `broadcaster_user_id`'s chat) or `bot` (the token's own channel). */
export type KickChatSenderType = 'user' | 'bot';

/** Where and how one message is sent. */
export interface KickChatTarget {
  /** `https://api.kick.com` or a test server. */
  apiUrl: string;
  token: Secret;
  type: KickChatSenderType;
  /** The channel owner's user id (required by Kick for `type: 'user'`). */
  broadcasterUserId?: number;
  /** Abort after this many ms. */
  timeoutMs: number;
}

/**
 * The Kick message id to reply to: the `data.chatId` of a Kick `chat` event; `undefined` for another
 * platform's event or one without it (it is then sent as an ordinary message).
 */
export function kickReplyId(event: StreamEvent | undefined): string | undefined {
  if (!event || event.source !== 'kick') return undefined;
  const id = (event.data as { chatId?: unknown }).chatId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** Kick's `message` from an answer's JSON body, else the HTTP status. */
function kickMessage(body: unknown, status: number): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message.length > 0 ? message : `HTTP ${status}`;
}

/**
 * `POST /public/v1/chat` and its verdict: `{ messageId }` when sent; otherwise core's typed errors:
 * `ChatMessageTooLongError` before sending, `ChatDroppedError` when Kick answers `is_sent: false`, `AuthError` (`KICK_CHAT_UNAUTHORIZED`) on 401,
 * `ChatNotAllowedError` with Kick's message on 403 (scope `chat:write`, a ban, Cloudflare's
 * "Request blocked by security policy."), `ChatRateLimitedError` with `retryAfterMs` on 429,
 * `ConnectionError` on network failures and 5xx (the outcome is unknown), `ProtocolError` otherwise.
 */
export async function sendKickChat(
  target: KickChatTarget,
  text: string,
  options: Omit<SendChatOptions, 'idempotencyKey'>,
): Promise<SendChatResult> {
  if (text.length === 0) throw new ProtocolError('a Kick chat message cannot be empty', { code: 'KICK_CHAT_INVALID' });
  checkChatLength(text, KICK_CHAT_LIMITS, 'Kick');
  const body: { content: string; type: KickChatSenderType; broadcaster_user_id?: number; reply_to_message_id?: string } = {
    content: text,
    type: target.type,
  };
  if (target.type === 'user') body.broadcaster_user_id = target.broadcasterUserId;
  const replyId = kickReplyId(options.replyTo);
  if (replyId) body.reply_to_message_id = replyId;
  let response: Response;
  try {
    response = await fetch(`${target.apiUrl.replace(/\/$/, '')}/public/v1/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token.reveal()}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    throw new ConnectionError(`Kick POST /public/v1/chat failed: ${(error as Error).message}`, { cause: error, code: 'KICK_CHAT_NETWORK' });
  }
  const { json } = await readJsonBody(response);
  const status = response.status;
  if (status === 200 || status === 201) {
    const data = (json as { data?: { is_sent?: unknown; message_id?: unknown } } | undefined)?.data;
    if (data?.is_sent === false)
      throw new ChatDroppedError('not_sent', kickMessage(json, status), { platform: 'Kick', code: 'KICK_CHAT_DROPPED' });
    return typeof data?.message_id === 'string' ? { messageId: data.message_id } : {};
  }
  const message = kickMessage(json, status);
  if (status === 401) {
    throw new AuthError(`Kick refused the chat token (HTTP 401: ${message}); it is missing, expired or revoked`, {
      code: 'KICK_CHAT_UNAUTHORIZED',
    });
  }
  if (status === 403) {
    throw new ChatNotAllowedError(`Kick refused to send the chat message: ${message} (scope chat:write needed)`, message, {
      code: 'KICK_CHAT_FORBIDDEN',
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    throw new ChatRateLimitedError(`Kick rate-limited the chat message: ${message}`, {
      code: 'KICK_CHAT_RATE_LIMITED',
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) throw new ConnectionError(`Kick POST /public/v1/chat answered ${status}: ${message}`, { code: 'KICK_CHAT_SERVER' });
  throw new ProtocolError(`Kick POST /public/v1/chat answered ${status}: ${message}`, { code: 'KICK_CHAT_REFUSED' });
}
