import type {
  RawWebhookKicksGifted,
  RawWebhookRewardRedemption,
  RawWebhookSubscription,
  RawWebhookSubscriptionGifts,
} from '../raw/webhook-events.js';
import { createKickEvent as createEvent } from './event.js';
import { isObject, isString, stripUndefined, type Data } from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import { isNamedUser, webhookMalformed, webhookMeta, webhookUser, webhookUserRef, type WebhookHandler } from './webhook-common.js';

/** `channel.subscription.new` / `.renewal` → `subscribe` (`months` = Kick's `duration`). */
export const webhookSubscription: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookSubscription;
  if (!isNamedUser(raw.subscriber)) return webhookMalformed(message, context, 'subscriber');
  const event = createEvent({
    source: 'kick',
    type: 'subscribe',
    user: webhookUser(raw.subscriber),
    timestamp: parseKickTimestamp(raw.created_at),
    data: typeof raw.duration === 'number' ? { months: raw.duration } : {},
    meta: webhookMeta(message, body, context),
  });
  return { event };
};

/**
 * `channel.subscription.gifts` → `gifted_sub` (the fields of the Pusher `GiftedSubscriptionsEvent`;
 * an anonymous gifter becomes core's anonymous user, `gifterUsername` absent).
 */
export const webhookGifts: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookSubscriptionGifts;
  if (!isObject(raw.gifter) || !Array.isArray(raw.giftees)) return webhookMalformed(message, context, 'gifter/giftees');
  const giftees = raw.giftees.filter(isNamedUser);
  const recipients = giftees.map((giftee) => giftee.username);
  const count = raw.giftees.length;
  const data: Data = { giftCount: count, giftedCount: count, recipients };
  if (isNamedUser(raw.gifter)) data.gifterUsername = raw.gifter.username;
  if (giftees.length === 1) data.recipientUser = webhookUserRef(giftees[0]);
  const event = createEvent({
    source: 'kick',
    type: 'gifted_sub',
    user: webhookUser(raw.gifter),
    timestamp: parseKickTimestamp(raw.created_at),
    data: data as { giftCount: number },
    meta: webhookMeta(message, body, context),
  });
  return { event };
};

/**
 * The Pusher feed's `gift_id` for a gift name (`Rage Quit` → `rage_quit`, as the captured
 * `KicksGifted` frames pair them): the webhook carries the name only. Inferred from two captures.
 */
export function kicksGiftId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * `kicks.gifted` → `kicks_gift`. The webhook has no gift id and no transaction id: `giftId` is
 * derived from the name ({@link kicksGiftId}) and `transactionId` is the webhook message id.
 */
export const webhookKicks: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookKicksGifted;
  if (!isObject(raw.gift) || !isString(raw.gift.name) || !isObject(raw.sender)) return webhookMalformed(message, context, 'gift/sender');
  const createdAt = parseKickTimestamp(raw.created_at);
  const pinned = raw.gift.pinned_time_seconds;
  const event = createEvent({
    source: 'kick',
    type: 'kicks_gift',
    user: webhookUser(raw.sender),
    timestamp: createdAt,
    data: stripUndefined({
      giftId: kicksGiftId(raw.gift.name),
      giftName: raw.gift.name,
      amount: raw.gift.amount,
      giftType: raw.gift.type,
      tier: raw.gift.tier,
      message: raw.gift.message === '' ? undefined : raw.gift.message,
      transactionId: message.messageId,
      expiresAt: createdAt !== undefined && typeof pinned === 'number' && pinned > 0 ? createdAt + pinned * 1000 : undefined,
    }) as { giftId: string; giftName: string; amount: number; giftType: string; tier: string; transactionId: string },
    meta: webhookMeta(message, body, context),
  });
  return { event };
};

/** `channel.reward.redemption.updated` → `reward_redeem` (`status` is left to `event.raw`). */
export const webhookReward: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookRewardRedemption;
  if (!isObject(raw.reward) || !isString(raw.reward.title) || !isObject(raw.redeemer)) {
    return webhookMalformed(message, context, 'reward.title/redeemer');
  }
  const event = createEvent({
    source: 'kick',
    type: 'reward_redeem',
    user: webhookUser(raw.redeemer),
    timestamp: parseKickTimestamp(raw.redeemed_at),
    data: stripUndefined({ rewardTitle: raw.reward.title, userInput: raw.user_input }) as { rewardTitle: string },
    meta: webhookMeta(message, body, context, isString(raw.id) ? raw.id : message.messageId),
  });
  return { event };
};
