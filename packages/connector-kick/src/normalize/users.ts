import type { StreamUser } from '@vmsc/core';

/**
 * The StreamUser of a Kick user. `id` is Kick's numeric user id when the frame carries one; when it
 * only carries a name (`SubscriptionEvent`, gift and host frames) it is `name:` + the lower-cased
 * username, which never collides with a numeric id. `username` is the login (slug when given),
 * `nickname` the display name as Kick spells it.
 */
export function kickUser(id: number | string | null | undefined, username: string, slug?: string): StreamUser {
  const login = slug ?? username.toLowerCase();
  const known = id !== undefined && id !== null && id !== '' && id !== 0;
  return { id: known ? String(id) : `name:${username.toLowerCase()}`, username: login, nickname: username };
}

/** A `userRefSchema` value (id, username, nickname) of a Kick user. */
export function kickUserRef(
  id: number | string | null | undefined,
  username: string,
  slug?: string,
): { id: string; username: string; nickname: string } {
  const user = kickUser(id, username, slug);
  return { id: user.id, username: user.username, nickname: user.nickname };
}
