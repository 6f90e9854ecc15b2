import type { RawChatMessageEvent } from '../raw/kick-events.js';
import type { DecodedFrame } from '../raw/pusher.js';
import { parseEmotes } from './emotes.js';
import { kickEvent, platformUuid } from './event.js';
import { isObject, isString, malformed, metaOf, type Data, type NormalizeContext, type NormalizedFrame } from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import { applyBadgeRoles, kickUser, kickUserRef } from './users.js';

/** `ChatMessageEvent` (`message`, `reply`, `celebration`) → `chat`. */
export function chatMessage(frame: DecodedFrame, raw: RawChatMessageEvent, context: NormalizeContext): NormalizedFrame {
  if (!isString(raw.content) || !isObject(raw.sender) || !isString(raw.sender.username)) return malformed(frame, context, 'content/sender');
  const emotes = parseEmotes(raw.content);
  const identity = raw.sender.identity;
  const data: Data = { message: raw.content, chatId: raw.id };
  if (emotes.length > 0) {
    data.emotes = emotes.map((emote) => emote.id);
    data.emoteDetails = emotes;
  }
  if (identity) {
    // Kick's badge objects already have the catalogue's shape (`type`, `text`, `count?`; the extra
    // `sort_order` is kept): reused as they are instead of copied, this is the hot path.
    data.senderIdentity = { color: identity.color, badges: identity.badges ?? [] };
  }
  if (raw.type !== undefined) data.messageType = raw.type;
  const metadata = raw.metadata;
  if (metadata?.original_message && metadata.original_sender) {
    data.replyTo = {
      messageId: metadata.original_message.id,
      message: metadata.original_message.content,
      user: kickUserRef(metadata.original_sender.id, metadata.original_sender.username),
    };
  }
  if (metadata?.celebration) {
    data.celebration =
      metadata.celebration.total_months === undefined
        ? { type: metadata.celebration.type }
        : { type: metadata.celebration.type, totalMonths: metadata.celebration.total_months };
  }
  const badges = identity?.badges ?? [];
  const user = kickUser(raw.sender.id, raw.sender.username, raw.sender.slug);
  applyBadgeRoles(user, badges);
  return {
    event: kickEvent(
      'chat',
      data as { message: string },
      user,
      parseKickTimestamp(raw.created_at),
      metaOf(context, raw.id),
      platformUuid(raw.id),
    ),
  };
}
