import type { RawWebhookChatMessage } from '../raw/webhook-events.js';
import { parseEmotes } from './emotes.js';
import { kickEvent, platformUuid } from './event.js';
import { isObject, isString, type Data } from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import { applyBadgeRoles } from './users.js';
import { isNamedUser, webhookMalformed, webhookMeta, webhookUser, webhookUserRef, type WebhookHandler } from './webhook-common.js';

/**
 * `chat.message.sent` → `chat`, with the same event id (Kick's message UUID), `chatId`, emotes,
 * badges and reply fields as the Pusher `ChatMessageEvent` of the same message.
 */
export const webhookChat: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookChatMessage;
  if (!isString(raw.content) || !isString(raw.message_id) || !isNamedUser(raw.sender)) {
    return webhookMalformed(message, context, 'message_id/content/sender');
  }
  const emotes = parseEmotes(raw.content);
  const data: Data = { message: raw.content, chatId: raw.message_id };
  if (emotes.length > 0) {
    data.emotes = emotes.map((emote) => emote.id);
    data.emoteDetails = emotes;
  }
  const identity = isObject(raw.sender.identity) ? raw.sender.identity : undefined;
  const badges = Array.isArray(identity?.badges) ? identity.badges : [];
  if (identity) {
    const senderIdentity: Data = { badges };
    if (isString(identity.username_color)) senderIdentity.color = identity.username_color;
    data.senderIdentity = senderIdentity;
  }
  const reply = isObject(raw.replies_to) ? raw.replies_to : undefined;
  const replyUser = reply ? webhookUserRef(reply.sender) : undefined;
  if (reply && isString(reply.message_id) && isString(reply.content) && replyUser) {
    data.messageType = 'reply';
    data.replyTo = { messageId: reply.message_id, message: reply.content, user: replyUser };
  } else {
    data.messageType = 'message';
  }
  const user = webhookUser(raw.sender);
  applyBadgeRoles(user, badges);
  return {
    event: kickEvent(
      'chat',
      data as { message: string },
      user,
      parseKickTimestamp(raw.created_at),
      webhookMeta(message, body, context, raw.message_id),
      platformUuid(raw.message_id),
    ),
  };
};
