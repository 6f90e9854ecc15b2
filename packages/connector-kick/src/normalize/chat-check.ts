import type { StreamEvent } from '@vmsc/core';
import { isObject, isString, type Data } from './frame.js';

type Loose = Data;
const optional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);
const isRef = (value: unknown): boolean => isObject(value) && isString(value.id) && isString(value.username) && isString(value.nickname);
const isBadge = (value: unknown): boolean =>
  isObject(value) && isString(value.type) && isString(value.text) && optional(value.count, (count) => typeof count === 'number');
const isEmote = (value: unknown): boolean => isObject(value) && isString(value.id) && isString(value.name);

/**
 * Whether the envelope of a normalized Kick event has the catalogue's types: user fields, a safe
 * integer timestamp, string `meta.channel` / `meta.platformMessageId`. A hand-written check (the
 * zod envelope schema costs more than the whole mapping).
 */
export function envelopeLooksValid(event: StreamEvent): boolean {
  const user = event.user as unknown as Loose;
  const meta = event.meta as Loose | undefined;
  return (
    Number.isSafeInteger(event.timestamp) &&
    event.timestamp >= 0 &&
    isString(user.id) &&
    isString(user.username) &&
    isString(user.nickname) &&
    optional(user.profilePictureUrl, isString) &&
    optional(user.isModerator, (flag) => typeof flag === 'boolean') &&
    optional(user.isSubscriber, (flag) => typeof flag === 'boolean') &&
    optional(meta, (value) => isObject(value) && optional(value.channel, isString) && optional(value.platformMessageId, isString))
  );
}

/**
 * A fast accept for the chat hot path: whether a normalized Kick `chat` event has the catalogue's
 * field types (envelope and data), checked by hand instead of through the zod schema. `false` does
 * not mean invalid: the caller then asks the schema for the verdict and the issues. The property
 * tests hold it to `parseEvent` (an invalid event it accepted would fail them).
 */
export function chatLooksValid(event: StreamEvent): boolean {
  if (event.type !== 'chat' || !envelopeLooksValid(event)) return false;
  const data = event.data as Loose;
  const identity = data.senderIdentity;
  const reply = data.replyTo;
  const celebration = data.celebration;
  return (
    isString(data.message) &&
    optional(data.chatId, isString) &&
    optional(data.messageType, isString) &&
    optional(data.emotes, (emotes) => Array.isArray(emotes) && emotes.every(isString)) &&
    optional(data.emoteDetails, (details) => Array.isArray(details) && details.every(isEmote)) &&
    optional(
      identity,
      (value) =>
        isObject(value) &&
        optional(value.color, isString) &&
        optional(value.badges, (badges) => Array.isArray(badges) && badges.every(isBadge)),
    ) &&
    optional(reply, (value) => isObject(value) && isString(value.messageId) && isString(value.message) && isRef(value.user)) &&
    optional(
      celebration,
      (value) => isObject(value) && isString(value.type) && optional(value.totalMonths, (months) => typeof months === 'number'),
    )
  );
}
