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
  const id = fields[keys[0]];
  if (typeof id !== 'string' || id === '') return undefined;
  const login = fields[keys[1]];
  const name = fields[keys[2]];
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

/** The event's user from `<prefix>_*`, or the anonymous placeholder when Twitch sent nulls. */
export function userOrAnonymous(event: Fields, prefix = 'user_'): StreamUser {
  return refFrom(event, prefix) ?? anonymousUser();
}

/** The event's user from `<prefix>_*`, or the system placeholder. */
export function userOrSystem(event: Fields, prefix: string): StreamUser {
  return refFrom(event, prefix) ?? systemUser();
}
