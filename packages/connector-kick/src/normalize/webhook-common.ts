import { anonymousUser, parseEvent, validateData, type EventMeta, type StreamEvent, type StreamUser } from '@vmsc/core';
import type { RawWebhookUser } from '../raw/webhook-events.js';
import { envelopeLooksValid } from './chat-check.js';
import { createKickEvent } from './event.js';
import { isObject, isString } from './frame.js';
import { kickUser } from './users.js';

/** One webhook request, as the receiver hands it to {@link normalizeKickWebhook}. */
export interface KickWebhookMessage {
  /** `Kick-Event-Type`, e.g. `chat.message.sent`. */
  type: string;
  /** `Kick-Event-Version`, e.g. `1`. */
  version: string;
  /** `Kick-Event-Message-Id` (a ULID): the idempotency key. */
  messageId: string;
  /** The parsed JSON body. */
  body: unknown;
}

/** What the webhook normalizer needs besides the message. */
export interface WebhookNormalizeContext {
  /** Copied to `meta.channel`. Default: the payload's `broadcaster.channel_slug`. */
  channel?: string;
  /** Keep `{ type, version, messageId, body }` as `event.raw`. Default false. */
  keepRaw?: boolean;
}

/** One normalized webhook message. */
export interface NormalizedWebhook {
  event: StreamEvent;
  /** Set when a known type lacked the fields it needs and is surfaced as `unknown` instead. */
  problem?: string;
}

/** A webhook payload, once known to be an object. */
export type WebhookBody = Record<string, unknown>;

/** One handler per documented type; `body` is known to be an object. */
export type WebhookHandler = (message: KickWebhookMessage, body: WebhookBody, context: WebhookNormalizeContext) => NormalizedWebhook;

/** Whether a webhook user object names a user (not anonymous, with a username). */
export function isNamedUser(value: unknown): value is RawWebhookUser & { username: string } {
  return isObject(value) && value.is_anonymous !== true && isString(value.username) && value.username !== '';
}

/**
 * The StreamUser of a webhook user object: the same id / username / nickname as the Pusher
 * normalizers give the same viewer (numeric id, slug as username, display name as nickname), plus
 * the profile picture the webhook carries. Anonymous or nameless: core's anonymous user.
 */
export function webhookUser(raw: unknown): StreamUser {
  if (!isNamedUser(raw)) return anonymousUser();
  const slug = isString(raw.channel_slug) && raw.channel_slug !== '' ? raw.channel_slug : undefined;
  const user = kickUser(raw.user_id ?? undefined, raw.username, slug);
  if (isString(raw.profile_picture) && raw.profile_picture !== '') user.profilePictureUrl = raw.profile_picture;
  return user;
}

/** The userRef (id, username, nickname) of a webhook user object, if it names one. */
export function webhookUserRef(raw: unknown): { id: string; username: string; nickname: string } | undefined {
  if (!isNamedUser(raw)) return undefined;
  const user = webhookUser(raw);
  return { id: user.id, username: user.username, nickname: user.nickname };
}

/**
 * `meta` of a webhook event: the channel (context, else the broadcaster's slug) and
 * `platformMessageId`: Kick's id of the thing when the payload has one (a chat message's
 * `message_id`, as the Pusher chat events carry), else the webhook's `Kick-Event-Message-Id`.
 */
export function webhookMeta(
  message: KickWebhookMessage,
  body: WebhookBody,
  context: WebhookNormalizeContext,
  platformMessageId: string = message.messageId,
): EventMeta {
  const meta: EventMeta = {};
  const broadcaster = body.broadcaster;
  const slug = isObject(broadcaster) && isString(broadcaster.channel_slug) ? broadcaster.channel_slug : undefined;
  const channel = context.channel ?? slug;
  if (channel !== undefined) meta.channel = channel;
  meta.platformMessageId = platformMessageId;
  return meta;
}

/** The message as an `unknown` event (never dropped), with a reason. */
export function webhookUnknown(message: KickWebhookMessage, context: WebhookNormalizeContext, reason: string): NormalizedWebhook {
  const body = isObject(message.body) ? message.body : {};
  const event = createKickEvent({
    source: 'kick',
    type: 'unknown',
    data: { kind: `webhook:${message.type}@${message.version}`, payload: message.body, reason },
    meta: webhookMeta(message, body, context),
  });
  return { event };
}

/** A known type without the fields it needs: `unknown` with a `malformed:` reason and a `problem`. */
export function webhookMalformed(message: KickWebhookMessage, context: WebhookNormalizeContext, missing: string): NormalizedWebhook {
  const problem = `Kick webhook ${message.type} (message ${message.messageId}) lacks ${missing}`;
  return { ...webhookUnknown(message, context, `malformed: ${problem}`), problem };
}

/** Checks the mapped event against the catalogue (data and envelope); a mismatch becomes `unknown`. */
export function checkedWebhook(
  result: NormalizedWebhook,
  message: KickWebhookMessage,
  context: WebhookNormalizeContext,
): NormalizedWebhook {
  const event = result.event;
  if (event.type === 'unknown') return result;
  if (validateData('kick', event.type, event.data).ok && envelopeLooksValid(event)) return result;
  const parsed = parseEvent(event);
  if (parsed.ok) return result;
  const issues = parsed.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return webhookMalformed(message, context, `the documented shape (${issues})`);
}
