import { KICK_WEBHOOK_EVENT_TYPES, type KickWebhookEventType } from '../raw/webhook-events.js';
import { isObject } from './frame.js';
import { webhookBanned, webhookFollow, webhookLivestreamMetadata, webhookLivestreamStatus } from './webhook-channel.js';
import { webhookChat } from './webhook-chat.js';
import {
  checkedWebhook,
  webhookMalformed,
  webhookUnknown,
  type KickWebhookMessage,
  type NormalizedWebhook,
  type WebhookHandler,
  type WebhookNormalizeContext,
} from './webhook-common.js';
import { webhookGifts, webhookKicks, webhookReward, webhookSubscription } from './webhook-support.js';

export type { KickWebhookMessage, NormalizedWebhook, WebhookNormalizeContext } from './webhook-common.js';

/** One handler per documented type, for `Kick-Event-Version: 1`. */
const HANDLERS: Readonly<Record<KickWebhookEventType, WebhookHandler>> = {
  'chat.message.sent': webhookChat,
  'channel.followed': webhookFollow,
  'channel.subscription.renewal': webhookSubscription,
  'channel.subscription.gifts': webhookGifts,
  'channel.subscription.new': webhookSubscription,
  'channel.reward.redemption.updated': webhookReward,
  'livestream.status.updated': webhookLivestreamStatus,
  'livestream.metadata.updated': webhookLivestreamMetadata,
  'moderation.banned': webhookBanned,
  'kicks.gifted': webhookKicks,
};

/** The `Kick-Event-Version` the normalizer understands. */
export const KICK_WEBHOOK_VERSION = '1';

/** Whether `type` is one of Kick's ten documented webhook event types. */
export function isKickWebhookEventType(type: string): type is KickWebhookEventType {
  return (KICK_WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Normalizes one Kick webhook message into a StreamEvent of the same types (and, for chat, the
 * same event id) as the Pusher normalizers. Pure: no I/O, no clock except `Date.now` for payloads
 * without a timestamp. An undocumented type or version becomes an `unknown` event with a reason
 * (never dropped); a documented one with missing fields becomes `unknown` with a `malformed:`
 * reason and a `problem`.
 *
 * @example
 * ```ts
 * const { event } = normalizeKickWebhook({ type: 'channel.followed', version: '1', messageId, body });
 * ```
 */
export function normalizeKickWebhook(message: KickWebhookMessage, context: WebhookNormalizeContext = {}): NormalizedWebhook {
  let result: NormalizedWebhook;
  try {
    result = normalize(message, context);
  } catch (error) {
    result = webhookMalformed(message, context, `the documented shape (${error instanceof Error ? error.message : String(error)})`);
  }
  if (context.keepRaw) (result.event as { raw?: unknown }).raw = message;
  return result;
}

function normalize(message: KickWebhookMessage, context: WebhookNormalizeContext): NormalizedWebhook {
  if (!isKickWebhookEventType(message.type)) {
    return webhookUnknown(message, context, `webhook event type "${message.type}" is not one VMSC maps`);
  }
  if (message.version !== KICK_WEBHOOK_VERSION) {
    return webhookUnknown(
      message,
      context,
      `webhook event version "${message.version}" of ${message.type} is not one VMSC maps (expects ${KICK_WEBHOOK_VERSION})`,
    );
  }
  if (!isObject(message.body)) return webhookMalformed(message, context, 'an object payload');
  return checkedWebhook(HANDLERS[message.type](message, message.body, context), message, context);
}
