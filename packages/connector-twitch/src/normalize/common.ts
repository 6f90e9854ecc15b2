import { anonymousUser, systemUser, type StreamUser } from '@vmsc/core';

/** A `{id, username, nickname}` reference built from Twitch's `<prefix>_id/_login/_name` fields. */
export interface UserRef {
  id: string;
  username: string;
  nickname: string;
}

/** Any raw event object (read by field name). */
type Fields = object;

/**
 * Reads `<prefix>id`, `<prefix>login`, `<prefix>name` (e.g. prefix `user_`, `from_broadcaster_user_`).
 * Returns `undefined` when the id is missing or null (anonymous).
 */
export function refFrom(event: Fields, prefix: string): UserRef | undefined {
  const fields = event as Record<string, unknown>;
  const keys = keysOf(prefix);
  return refOf(fields[keys[0]], fields[keys[1]], fields[keys[2]]);
}

/** The reference from an id, login and display name as Twitch sent them (`undefined` without an id). */
function refOf(id: unknown, login: unknown, name: unknown): UserRef | undefined {
  if (typeof id !== 'string' || id === '') return undefined;
  const username = typeof login === 'string' ? login : id;
  return { id, username, nickname: typeof name === 'string' && name !== '' ? name : username };
}

/** `<prefix>id`, `<prefix>login`, `<prefix>name`, built once per prefix (a fresh key string per lookup is slow). */
const prefixKeys = new Map<string, readonly [string, string, string]>();
function keysOf(prefix: string): readonly [string, string, string] {
  let keys = prefixKeys.get(prefix);
  if (keys === undefined) {
    keys = [`${prefix}id`, `${prefix}login`, `${prefix}name`];
    prefixKeys.set(prefix, keys);
  }
  return keys;
}

/** The event's user from `<prefix>_*` (default `user_*`), or the anonymous placeholder when Twitch sent nulls. */
export function userOrAnonymous(event: Fields, prefix?: string): StreamUser {
  return (prefix === undefined ? userRef(event) : refFrom(event, prefix)) ?? anonymousUser();
}

/** {@link refFrom} for the most common prefix, `user_`, read as named fields (the per-frame case). */
function userRef(event: Fields): UserRef | undefined {
  const fields = event as { user_id?: unknown; user_login?: unknown; user_name?: unknown };
  return refOf(fields.user_id, fields.user_login, fields.user_name);
}

/** The event's user from `<prefix>_*`, or the system placeholder. */
export function userOrSystem(event: Fields, prefix: string): StreamUser {
  return refFrom(event, prefix) ?? systemUser();
}
