import {
  ChatNotAllowedError,
  ChatRateLimitedError,
  checkChatLength,
  ProtocolError,
  type ChatLimits,
  type SendChatResult,
  type StreamEvent,
} from '@vmsc/core';
import { TwitchChatDroppedError } from './errors.js';
import { helixMessage, retryAfterOf, type HelixClient } from './helix.js';
import type { TwitchSendChatOptions } from './options.js';

/**
 * Twitch's chat limits: 500 characters (counted here as UTF-16 units, the stricter reading: Twitch
 * does not say how it counts), 20 messages per 30 s, 100 per 30 s for the broadcaster and moderators.
 */
export const TWITCH_CHAT_LIMITS: ChatLimits = Object.freeze({
  maxLength: 500,
  lengthUnit: 'utf16',
  rate: Object.freeze({ messages: 20, windowMs: 30_000 }),
  elevatedRate: Object.freeze({ messages: 100, windowMs: 30_000 }),
});

/** Who sends and where: the token's user, to the broadcaster's chat. */
export interface ChatTarget {
  broadcasterId: string;
  senderId: string;
}

/**
 * The Twitch message id to reply to: the `data.messageId` of a Twitch event (a `chat`, or a cheer
 * or other event that carries its chat message); `undefined` for another platform's event or one
 * without a message (it is then sent as an ordinary message).
 */
export function twitchReplyId(event: StreamEvent | undefined): string | undefined {
  if (!event || event.source !== 'twitch') return undefined;
  const id = (event.data as { messageId?: unknown }).messageId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/**
 * `POST /helix/chat/messages` and its verdict: the message id when sent; core's typed chat errors
 * otherwise: {@link TwitchChatDroppedError} (a `ChatDroppedError`) when Twitch accepted but dropped
 * it (`is_sent: false` with `drop_reason`), `ChatRateLimitedError` on 429 (with `Ratelimit-Reset`),
 * `ChatNotAllowedError` on 403 (scope `user:write:chat`, a ban), `ChatMessageTooLongError` before
 * sending, a `ProtocolError` otherwise.
 */
export async function sendTwitchChat(
  helix: HelixClient,
  target: ChatTarget,
  text: string,
  options: Omit<TwitchSendChatOptions, 'idempotencyKey'>,
): Promise<SendChatResult> {
  if (text.length === 0) throw new ProtocolError('a Twitch chat message cannot be empty', { code: 'TWITCH_CHAT_INVALID' });
  checkChatLength(text, TWITCH_CHAT_LIMITS, 'Twitch');
  const body: { broadcaster_id: string; sender_id: string; message: string; reply_parent_message_id?: string } = {
    broadcaster_id: target.broadcasterId,
    sender_id: target.senderId,
    message: text,
  };
  const replyId = twitchReplyId(options.replyTo);
  if (replyId) body.reply_parent_message_id = replyId;
  const response = await helix.sendChat(body);
  const result = response.body?.data?.[0];
  if (response.status === 200 && result) {
    if (result.is_sent) return { messageId: result.message_id };
    throw new TwitchChatDroppedError(result.drop_reason?.code ?? 'unknown', result.drop_reason?.message ?? 'no reason given');
  }
  const message = helixMessage(response.body, response.status);
  if (response.status === 403) {
    throw new ChatNotAllowedError(`Twitch refused to send the chat message: ${message} (scope user:write:chat needed)`, message, {
      code: 'TWITCH_CHAT_FORBIDDEN',
    });
  }
  if (response.status === 429) {
    const retryAfterMs = retryAfterOf(response);
    throw new ChatRateLimitedError(`Twitch rate-limited the chat message: ${message}`, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  throw new ProtocolError(`Twitch POST /helix/chat/messages answered ${response.status}: ${message}`);
}
