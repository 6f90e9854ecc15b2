import type { EventData, StreamUser } from '@vmsc/core';
import type { RawAuthorDetails } from '../raw/messages.js';

/** A user reference inside event data (`moderator`...). */
export type UserRef = NonNullable<EventData<'youtube', 'user_banned'>['moderator']>;

/** A handle without its leading `@` (`@pixelfan` → `pixelfan`); other display names unchanged. */
export function handleOf(displayName: string): string {
  return displayName.startsWith('@') ? displayName.slice(1) : displayName;
}

/**
 * `authorDetails` to the event's user: the channel id is the stable id, the handle (without `@`)
 * the username, the display name as shown the nickname; `isSubscriber` means a channel member.
 * Without `authorDetails` (tombstones) the user is built from `authorChannelId` alone.
 */
export function toStreamUser(author: RawAuthorDetails | undefined, fallbackChannelId: string | undefined): StreamUser {
  const user = toIdentity(author, fallbackChannelId);
  if (author) {
    user.isModerator = author.isChatModerator === true || author.isChatOwner === true;
    user.isSubscriber = author.isChatSponsor === true;
  }
  return user;
}

/** {@link toStreamUser} without the chat-role flags (a banned viewer's details carry none). */
export function toIdentity(author: RawAuthorDetails | undefined, fallbackChannelId: string | undefined): StreamUser {
  const id = author?.channelId ?? fallbackChannelId ?? 'unknown';
  const displayName = author?.displayName ?? id;
  const user: StreamUser = { id, username: handleOf(displayName), nickname: displayName };
  if (author?.profileImageUrl) user.profilePictureUrl = author.profileImageUrl;
  return user;
}

/** A user reference (id, username, nickname) for `data` fields such as `moderator`. */
export function toUserRef(user: StreamUser): UserRef {
  return { id: user.id, username: user.username, nickname: user.nickname };
}
