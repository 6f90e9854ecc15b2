import type { StreamEvent } from '../events/stream-event.js';

/**
 * The cross-source identity of an event: what makes a Twitch follow received directly and the same
 * follow relayed by StreamElements "the same event".
 *
 * @packageDocumentation
 */

/** Event types that mean the same thing on different sources, mapped to one kind. */
const kindByType: Readonly<Record<string, string>> = {
  follow: 'follow',
  subscribe: 'subscribe',
  subscriber: 'subscribe',
  subscription: 'subscribe',
  cheer: 'cheer',
  bits: 'cheer',
  raid: 'raid',
  host: 'host',
  subscription_gift: 'gift_sub',
  community_gift: 'gift_sub',
  gifted_sub: 'gift_sub',
  membership_gift: 'gift_sub',
  super_chat: 'superchat',
  superchat: 'superchat',
  tip: 'tip',
  donation: 'tip',
  charity_donation: 'charity',
};

/** The data field that carries the "amount" of each kind, in order of preference. */
const amountFields: Readonly<Record<string, readonly string[]>> = {
  cheer: ['bits', 'amount'],
  raid: ['viewerCount'],
  host: ['viewerCount'],
  gift_sub: ['totalGifts', 'giftCount'],
  superchat: ['amount'],
  tip: ['amount'],
  charity: ['amount'],
};

/** The kind shared across sources for an event type, or `undefined` if the type is not deduplicated. */
export function identityKind(type: string): string | undefined {
  return kindByType[type];
}

function amountOf(kind: string, data: Record<string, unknown>): string {
  for (const field of amountFields[kind] ?? []) {
    const value = data[field];
    if (typeof value === 'number' || typeof value === 'string') return String(Number(value));
  }
  return '';
}

/**
 * The identity keys of an event: the platform it happened on (`meta.platform`, else `source`), its
 * kind, the user (by id and by username, since aggregators do not always give the platform's user
 * id: lower-cased, with `_` read as `-`, because a platform may derive its slug from the display name
 * that way — Kick's `Kl_Vava` is `kl-vava` — while an aggregator relays the display name) and the amount; plus the platform message id when known. Two events from
 * different sources that share a key are the same event. Returns `[]` for event types that are
 * never deduplicated across sources (chat, likes...).
 */
export function identityKeys(event: StreamEvent): string[] {
  const kind = identityKind(event.type);
  if (!kind) return [];
  const platform = event.meta?.platform ?? event.source;
  const data = event.data as Record<string, unknown>;
  const amount = amountOf(kind, data);
  const keys = [
    `${platform}|${kind}|id:${event.user.id}|${amount}`,
    `${platform}|${kind}|name:${event.user.username.toLowerCase().replaceAll('_', '-')}|${amount}`,
  ];
  if (event.meta?.platformMessageId) keys.push(`${platform}|msg:${event.meta.platformMessageId}`);
  return keys;
}
