import type { EventData, StreamUser } from '@vmsc/core';
import type { RawBadge, RawChatMessageEvent } from '../raw/events.js';
import { refFrom } from './common.js';

type ChatData = EventData<'twitch', 'chat'>;

const MODERATOR_BADGES = new Set(['moderator', 'broadcaster']);
const SUBSCRIBER_BADGES = new Set(['subscriber', 'founder']);

/** The chatter, with moderator/subscriber flags read from the badges. */
export function chatUser(event: RawChatMessageEvent): StreamUser {
  const badges = event.badges ?? [];
  return {
    id: event.chatter_user_id,
    username: event.chatter_user_login,
    nickname: event.chatter_user_name || event.chatter_user_login,
    isModerator: badges.some((badge) => MODERATOR_BADGES.has(badge.set_id)),
    isSubscriber: badges.some((badge) => SUBSCRIBER_BADGES.has(badge.set_id)),
  };
}

function badgesOf(badges: RawBadge[]): ChatData['badges'] {
  return badges.map((badge) =>
    badge.info ? { setId: badge.set_id, id: badge.id, info: badge.info } : { setId: badge.set_id, id: badge.id },
  );
}

/**
 * `channel.chat.message` → `chat` data. Emote ids come from the `emote` fragments; a message
 * relayed from another channel of a shared-chat session carries `sharedChat.sourceChannel`.
 */
export function chatData(event: RawChatMessageEvent): ChatData {
  const data: ChatData = { message: event.message.text, messageId: event.message_id, messageType: event.message_type };
  const emotes: string[] = [];
  const emoteDetails: Array<{ id: string; name: string }> = [];
  for (const fragment of event.message.fragments ?? []) {
    if (fragment.type === 'emote' && fragment.emote) {
      emotes.push(fragment.emote.id);
      emoteDetails.push({ id: fragment.emote.id, name: fragment.text });
    }
  }
  if (emotes.length > 0) {
    data.emotes = emotes;
    data.emoteDetails = emoteDetails;
  }
  if (event.badges && event.badges.length > 0) data.badges = badgesOf(event.badges);
  if (event.color) data.color = event.color;
  if (event.cheer) data.bits = event.cheer.bits;
  if (event.reply) {
    data.replyTo = {
      messageId: event.reply.parent_message_id,
      user: { id: event.reply.parent_user_id, username: event.reply.parent_user_login, nickname: event.reply.parent_user_name },
      message: event.reply.parent_message_body,
      threadMessageId: event.reply.thread_message_id,
    };
  }
  const source = refFrom(event, 'source_broadcaster_user_');
  if (source && source.id !== event.broadcaster_user_id) {
    data.sharedChat = { sourceChannel: source };
    if (event.source_message_id) data.sharedChat.sourceMessageId = event.source_message_id;
    if (typeof event.is_source_only === 'boolean') data.sharedChat.isSourceOnly = event.is_source_only;
  }
  return data;
}
