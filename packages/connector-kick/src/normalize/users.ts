import type { StreamUser } from '@vmsc/core';

/**
 * The login (slug) Kick derives from a display name: lower-cased, each `_` replaced by `-`
 * (`Santiii_53` → `santiii-53`, as Kick's own frames pair them). Used when a frame carries only the
 * display name (subscription, gift and host frames), so that a viewer has the same `username` there as
 * in chat, where Kick sends the slug. See docs/connectors/kick.md ("Identity") for what is unverified.
 */
export function kickLogin(displayName: string): string {
  const lower = displayName.toLowerCase();
  return lower.includes('_') ? lower.replaceAll('_', '-') : lower; // most names have no '_': skip the replace
}

/**
 * The StreamUser of a Kick user. `id` is Kick's numeric user id when the frame carries one; when it
 * only carries a name (`SubscriptionEvent`, gift and host frames) it is `name:` + the login, which
 * never collides with a numeric id. `username` is the login (the slug when the frame gives it, else
 * {@link kickLogin} of the display name), `nickname` the display name as Kick spells it.
 */
export function kickUser(id: number | string | null | undefined, username: string, slug?: string): StreamUser {
  const login = slug ?? kickLogin(username);
  const known = id !== undefined && id !== null && id !== '' && id !== 0;
  return { id: known ? String(id) : `${NAME_ID_PREFIX}${login}`, username: login, nickname: username };
}

/** The prefix of a `user.id` built from a name because the frame had no numeric id. */
export const NAME_ID_PREFIX = 'name:';

/** A `userRefSchema` value (id, username, nickname) of a Kick user. */
export function kickUserRef(
  id: number | string | null | undefined,
  username: string,
  slug?: string,
): { id: string; username: string; nickname: string } {
  const user = kickUser(id, username, slug);
  return { id: user.id, username: user.username, nickname: user.nickname };
}

/**
 * Sets `isModerator` / `isSubscriber` from Kick's badge types (the same on the Pusher feed and the
 * webhooks): `moderator` and `broadcaster` moderate, `subscriber` and `founder` subscribe.
 */
export function applyBadgeRoles(user: StreamUser, badges: ReadonlyArray<{ type?: unknown }>): void {
  for (const badge of badges) {
    if (badge.type === 'moderator' || badge.type === 'broadcaster') user.isModerator = true;
    if (badge.type === 'subscriber' || badge.type === 'founder') user.isSubscriber = true;
  }
}
