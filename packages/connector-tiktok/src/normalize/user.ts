import { anonymousUser, type StreamUser } from '@vmsc/core';
import type { RawUser, RawUserIdentity } from '../raw/messages.js';

/**
 * TikTok `User` (+ the message's `UserIdentity`) to a {@link StreamUser}.
 *
 * @packageDocumentation
 */

/** Badge scene types: 1 admin (moderator), 4 subscriber, 7 new subscriber. */
const BADGE_MODERATOR = 1;
const BADGE_SUBSCRIBER = 4;
const BADGE_NEW_SUBSCRIBER = 7;

/**
 * Maps a TikTok user. `isModerator` ← identity.isModeratorOfAnchor, a badge of scene 1 or
 * userAttr.isAdmin; `isSubscriber` ← identity.isSubscriberOfAnchor, a badge of scene 4/7 or
 * isSubscribe; `followRole` ← followInfo.followStatus (0 none, 1 follower, 2 friends).
 */
export function normalizeUser(user: RawUser | undefined, identity?: RawUserIdentity): StreamUser {
  if (!user) return anonymousUser();
  let badgeModerator = false;
  let badgeSubscriber = false;
  for (const badge of user.badges) {
    if (badge.sceneType === BADGE_MODERATOR) badgeModerator = true;
    else if (badge.sceneType === BADGE_SUBSCRIBER || badge.sceneType === BADGE_NEW_SUBSCRIBER) badgeSubscriber = true;
  }
  const out: StreamUser = {
    id: user.id,
    username: user.displayId,
    nickname: user.nickname || user.displayId,
    isModerator: (identity?.isModeratorOfAnchor ?? false) || badgeModerator || user.isAdmin,
    isSubscriber: (identity?.isSubscriberOfAnchor ?? false) || badgeSubscriber || user.isSubscribe,
  };
  const picture = user.avatarUrl ?? user.avatarLargeUrl;
  if (picture) out.profilePictureUrl = picture;
  const followRole = user.followStatus;
  if (followRole !== undefined && followRole >= 0 && followRole <= 2) out.followRole = followRole;
  else if (identity?.isFollowerOfAnchor) out.followRole = 1;
  return out;
}

/** A user reference inside event data (a gift receiver, a mention). */
export function userRef(user: RawUser | undefined): { id: string; username: string; nickname: string } | undefined {
  if (!user || user.id === '0') return undefined;
  return { id: user.id, username: user.displayId, nickname: user.nickname || user.displayId };
}
