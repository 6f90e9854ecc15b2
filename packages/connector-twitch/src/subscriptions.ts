import type { PlatformEventType } from '@vmsc/core';
import { TwitchUnknownEventError } from './errors.js';

/** A Twitch event type VMSC emits (`chat`, `follow`... of the catalogue), `unknown` aside. */
export type TwitchEventType = Exclude<PlatformEventType<'twitch'>, 'unknown'>;

/** Who the subscription's condition names, besides the broadcaster. */
type ConditionShape = 'broadcaster' | 'broadcaster+user' | 'broadcaster+moderator' | 'to_broadcaster';

/** One EventSub subscription type VMSC creates. */
export interface SubscriptionSpec {
  /** EventSub type, e.g. `channel.follow`. */
  type: string;
  /** The version VMSC uses (`channel.follow` 2, hype train 2, the rest 1). */
  version: string;
  /** The VMSC event types it feeds. */
  events: TwitchEventType[];
  /** The token needs ONE of these scopes; empty = none needed. */
  scopes: string[];
  condition: ConditionShape;
}

/**
 * Every subscription type VMSC uses, with its version, condition and scopes (Twitch's EventSub
 * reference; the research brief §1.6). `channel.subscription.message` feeds `subscribe` so that
 * resubs shared in chat are not lost.
 */
export const SUBSCRIPTION_SPECS: readonly SubscriptionSpec[] = [
  { type: 'channel.chat.message', version: '1', events: ['chat'], scopes: ['user:read:chat'], condition: 'broadcaster+user' },
  { type: 'channel.follow', version: '2', events: ['follow'], scopes: ['moderator:read:followers'], condition: 'broadcaster+moderator' },
  { type: 'channel.subscribe', version: '1', events: ['subscribe'], scopes: ['channel:read:subscriptions'], condition: 'broadcaster' },
  {
    type: 'channel.subscription.message',
    version: '1',
    events: ['subscribe'],
    scopes: ['channel:read:subscriptions'],
    condition: 'broadcaster',
  },
  {
    type: 'channel.subscription.gift',
    version: '1',
    events: ['subscription_gift'],
    scopes: ['channel:read:subscriptions'],
    condition: 'broadcaster',
  },
  { type: 'channel.cheer', version: '1', events: ['cheer'], scopes: ['bits:read'], condition: 'broadcaster' },
  { type: 'channel.raid', version: '1', events: ['raid'], scopes: [], condition: 'to_broadcaster' },
  {
    type: 'channel.channel_points_custom_reward_redemption.add',
    version: '1',
    events: ['channel_point_redeem'],
    scopes: ['channel:read:redemptions', 'channel:manage:redemptions'],
    condition: 'broadcaster',
  },
  ...(['begin', 'progress', 'end'] as const).map((phase): SubscriptionSpec => ({
    type: `channel.poll.${phase}`,
    version: '1',
    events: [`poll_${phase}`],
    scopes: ['channel:read:polls', 'channel:manage:polls'],
    condition: 'broadcaster',
  })),
  ...(['begin', 'progress', 'lock', 'end'] as const).map((phase): SubscriptionSpec => ({
    type: `channel.prediction.${phase}`,
    version: '1',
    events: [`prediction_${phase}`],
    scopes: ['channel:read:predictions', 'channel:manage:predictions'],
    condition: 'broadcaster',
  })),
  ...(['begin', 'progress', 'end'] as const).map((phase): SubscriptionSpec => ({
    type: `channel.hype_train.${phase}`,
    version: '2',
    events: [`hype_train_${phase}`],
    scopes: ['channel:read:hype_train'],
    condition: 'broadcaster',
  })),
  {
    type: 'channel.ad_break.begin',
    version: '1',
    events: ['ad_break'],
    scopes: ['channel:read:ads', 'channel:manage:ads'],
    condition: 'broadcaster',
  },
  {
    type: 'channel.shoutout.create',
    version: '1',
    events: ['shoutout_create'],
    scopes: ['moderator:read:shoutouts', 'moderator:manage:shoutouts'],
    condition: 'broadcaster+moderator',
  },
  {
    type: 'channel.shoutout.receive',
    version: '1',
    events: ['shoutout_receive'],
    scopes: ['moderator:read:shoutouts', 'moderator:manage:shoutouts'],
    condition: 'broadcaster+moderator',
  },
  { type: 'channel.ban', version: '1', events: ['ban'], scopes: ['channel:moderate'], condition: 'broadcaster' },
  {
    type: 'channel.charity_campaign.donate',
    version: '1',
    events: ['charity_donation'],
    scopes: ['channel:read:charity'],
    condition: 'broadcaster',
  },
  { type: 'stream.online', version: '1', events: ['stream_online'], scopes: [], condition: 'broadcaster' },
  { type: 'stream.offline', version: '1', events: ['stream_offline'], scopes: [], condition: 'broadcaster' },
];

/** Every VMSC Twitch event type (the 24 of spec 002), in catalogue order. */
export const TWITCH_EVENT_TYPES: readonly TwitchEventType[] = [
  'chat',
  'follow',
  'subscribe',
  'subscription_gift',
  'cheer',
  'raid',
  'channel_point_redeem',
  'poll_begin',
  'poll_progress',
  'poll_end',
  'prediction_begin',
  'prediction_progress',
  'prediction_lock',
  'prediction_end',
  'hype_train_begin',
  'hype_train_progress',
  'hype_train_end',
  'ad_break',
  'shoutout_create',
  'shoutout_receive',
  'ban',
  'charity_donation',
  'stream_online',
  'stream_offline',
];

/**
 * The `events` option checked: every name must be a {@link TwitchEventType}, otherwise a
 * {@link TwitchUnknownEventError} naming the unknown ones and the valid ones. Duplicates are kept
 * (harmless: {@link specsFor} dedupes).
 */
export function checkEvents(events: readonly string[]): readonly TwitchEventType[] {
  const valid = new Set<string>(TWITCH_EVENT_TYPES);
  const unknown = events.filter((event) => !valid.has(event));
  if (unknown.length > 0) throw new TwitchUnknownEventError(unknown, TWITCH_EVENT_TYPES);
  return events as readonly TwitchEventType[];
}

/** The subscriptions needed for the chosen event types, without duplicates, in table order. */
export function specsFor(events: readonly TwitchEventType[]): SubscriptionSpec[] {
  const wanted = new Set(events);
  return SUBSCRIPTION_SPECS.filter((spec) => spec.events.some((event) => wanted.has(event)));
}

/** The condition object of a subscription. */
export function conditionFor(spec: SubscriptionSpec, broadcasterId: string, tokenUserId: string): Record<string, string> {
  switch (spec.condition) {
    case 'broadcaster':
      return { broadcaster_user_id: broadcasterId };
    case 'broadcaster+user':
      return { broadcaster_user_id: broadcasterId, user_id: tokenUserId };
    case 'broadcaster+moderator':
      return { broadcaster_user_id: broadcasterId, moderator_user_id: tokenUserId };
    case 'to_broadcaster':
      return { to_broadcaster_user_id: broadcasterId };
  }
}

/** A scope requirement the token does not meet. */
export interface MissingScope {
  /** Any one of these scopes would do. */
  anyOf: string[];
  /** The EventSub types it blocks. */
  subscriptionTypes: string[];
  /** The VMSC event types it blocks. */
  events: TwitchEventType[];
}

/** The scope requirements of `specs` that `granted` does not meet, grouped by requirement. */
export function missingScopes(specs: readonly SubscriptionSpec[], granted: readonly string[]): MissingScope[] {
  const have = new Set(granted);
  const byRequirement = new Map<string, MissingScope>();
  for (const spec of specs) {
    if (spec.scopes.length === 0 || spec.scopes.some((scope) => have.has(scope))) continue;
    const key = spec.scopes.join('|');
    const entry = byRequirement.get(key) ?? { anyOf: [...spec.scopes], subscriptionTypes: [], events: [] };
    entry.subscriptionTypes.push(spec.type);
    for (const event of spec.events) if (!entry.events.includes(event)) entry.events.push(event);
    byRequirement.set(key, entry);
  }
  return [...byRequirement.values()];
}

/**
 * The scope requirements a token with `granted` scopes does not meet for the chosen `events`
 * (default every event type): what `vmsc doctor` reports. Throws `TwitchUnknownEventError` for an
 * unknown event name.
 *
 * @example
 * ```ts
 * twitchMissingScopes(['chat', 'follow'], ['user:read:chat']); // [{ anyOf: ['moderator:read:followers'], events: ['follow'], ... }]
 * ```
 */
export function twitchMissingScopes(events: readonly string[] | undefined, granted: readonly string[]): MissingScope[] {
  return missingScopes(specsFor(checkEvents(events ?? TWITCH_EVENT_TYPES)), granted);
}
