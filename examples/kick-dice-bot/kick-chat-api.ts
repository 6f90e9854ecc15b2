/**
 * Sending chat on Kick: the public Pusher feed cannot, so answers go through Kick's official API,
 * `POST https://api.kick.com/public/v1/chat` with an OAuth user token holding the `chat:write` scope
 * (create an app at https://kick.com/settings/developer, then run the OAuth 2.1 + PKCE flow at
 * id.kick.com). Kick has been seen answering 403 "Request blocked by security policy" to some server
 * IPs: the error says so.
 */
import {
  AuthError,
  isEvent,
  PlatformBlockedError,
  ProtocolError,
  RateLimitedError,
  toSecret,
  type Secret,
  type StreamEvent,
} from '@vmsc/core';

/** Options of {@link kickChatReply}. */
export interface KickChatReplyOptions {
  /** OAuth user access token with `chat:write` (kept in a `Secret`). */
  token: string | Secret;
  /** The numeric user id of the channel owner (`broadcaster_user_id`). */
  broadcasterUserId: number;
  /** `"bot"` posts as the app's bot account, `"user"` as the token's user. Default `"user"`. */
  type?: 'user' | 'bot';
  /** API base URL. Default `https://api.kick.com`. */
  baseUrl?: string;
}

/** A reply callback for the dice bot that posts each answer to Kick chat as a reply to the `!dice` message. */
export function kickChatReply(options: KickChatReplyOptions): (text: string, event: StreamEvent) => Promise<void> {
  const token = toSecret(options.token);
  const url = `${options.baseUrl ?? 'https://api.kick.com'}/public/v1/chat`;
  return async (text: string, event: StreamEvent) => {
    const body: Record<string, unknown> = {
      content: text.slice(0, 500),
      type: options.type ?? 'user',
      broadcaster_user_id: options.broadcasterUserId,
    };
    if (isEvent(event, 'kick', 'chat') && event.data.chatId) body.reply_to_message_id = event.data.chatId;
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.reveal()}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) return;
    const detail = (await response.text()).slice(0, 200);
    if (response.status === 401) throw new AuthError(`Kick chat: token rejected (401): ${detail}`);
    if (response.status === 403)
      throw new PlatformBlockedError(`Kick chat: refused (403), missing chat:write scope or IP blocked: ${detail}`);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      throw new RateLimitedError('Kick chat: rate limited (429)', { retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined });
    }
    throw new ProtocolError(`Kick chat: HTTP ${response.status}: ${detail}`);
  };
}
