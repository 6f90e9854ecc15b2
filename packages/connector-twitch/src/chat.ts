import { AuthError, ProtocolError, type SendChatResult } from '@vmsc/core';
import { TwitchChatDroppedError } from './errors.js';
import { helixMessage, type HelixClient } from './helix.js';
import type { TwitchSendChatOptions } from './options.js';

/** Who sends and where: the token's user, to the broadcaster's chat. */
export interface ChatTarget {
  broadcasterId: string;
  senderId: string;
}

/**
 * `POST /helix/chat/messages` and its verdict: the message id when sent, a
 * {@link TwitchChatDroppedError} when Twitch accepted but dropped it (or rate-limited it), an
 * `AuthError` on 403 (scope `user:write:chat`), a `ProtocolError` otherwise.
 */
export async function sendTwitchChat(
  helix: HelixClient,
  target: ChatTarget,
  text: string,
  options: TwitchSendChatOptions,
): Promise<SendChatResult> {
  if (text.length === 0) throw new ProtocolError('a Twitch chat message cannot be empty', { code: 'TWITCH_CHAT_INVALID' });
  const body: { broadcaster_id: string; sender_id: string; message: string; reply_parent_message_id?: string } = {
    broadcaster_id: target.broadcasterId,
    sender_id: target.senderId,
    message: text,
  };
  if (options.replyTo) body.reply_parent_message_id = options.replyTo;
  const response = await helix.sendChat(body);
  const result = response.body?.data?.[0];
  if (response.status === 200 && result) {
    if (result.is_sent) return { messageId: result.message_id };
    throw new TwitchChatDroppedError(result.drop_reason?.code ?? 'unknown', result.drop_reason?.message ?? 'no reason given');
  }
  const message = helixMessage(response.body, response.status);
  if (response.status === 403) throw new AuthError(`Twitch refused to send the chat message: ${message} (scope user:write:chat needed)`);
  if (response.status === 429) throw new TwitchChatDroppedError('rate_limited', message);
  throw new ProtocolError(`Twitch POST /helix/chat/messages answered ${response.status}: ${message}`);
}
