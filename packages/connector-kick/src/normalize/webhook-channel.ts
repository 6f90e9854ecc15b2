import { systemUser } from '@vmsc/core';
import type { RawWebhookBanned, RawWebhookFollow, RawWebhookLivestreamStatus } from '../raw/webhook-events.js';
import { createKickEvent as createEvent } from './event.js';
import { isObject, stripUndefined } from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import {
  isNamedUser,
  webhookMalformed,
  webhookMeta,
  webhookUnknown,
  webhookUser,
  webhookUserRef,
  type WebhookHandler,
} from './webhook-common.js';

/** `channel.followed` → `follow`, named (the Pusher feed no longer says who followed). */
export const webhookFollow: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookFollow;
  if (!isObject(raw.follower)) return webhookMalformed(message, context, 'follower');
  const named = isNamedUser(raw.follower);
  const event = createEvent({
    source: 'kick',
    type: 'follow',
    user: webhookUser(raw.follower),
    data: named ? {} : { anonymous: true },
    meta: webhookMeta(message, body, context),
  });
  return { event };
};

/** `livestream.status.updated` → `stream_online` (`is_live: true`) or `stream_offline`. */
export const webhookLivestreamStatus: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookLivestreamStatus;
  if (typeof raw.is_live !== 'boolean') return webhookMalformed(message, context, 'is_live');
  const meta = webhookMeta(message, body, context);
  if (!raw.is_live) {
    const endedAt = parseKickTimestamp(raw.ended_at);
    return {
      event: createEvent({
        source: 'kick',
        type: 'stream_offline',
        timestamp: endedAt,
        data: { reason: 'livestream.status.updated' },
        meta,
      }),
    };
  }
  const startedAt = parseKickTimestamp(raw.started_at) ?? Date.now();
  const event = createEvent({
    source: 'kick',
    type: 'stream_online',
    user: systemUser(),
    timestamp: startedAt,
    data: stripUndefined({ startedAt, title: raw.title === '' ? undefined : raw.title }) as { startedAt: number },
    meta,
  });
  return { event };
};

/**
 * `livestream.metadata.updated` → `unknown` with a reason, as the Pusher feed's
 * `LivestreamUpdated` (the catalogue has no stream-metadata type yet; the payload is kept).
 */
export const webhookLivestreamMetadata: WebhookHandler = (message, body, context) => {
  if (!isObject(body.metadata)) return webhookMalformed(message, context, 'metadata');
  return webhookUnknown(message, context, 'livestream metadata update (title, category, language); not mapped');
};

/** `moderation.banned` → `ban` (a timeout when `metadata.expires_at` is set). */
export const webhookBanned: WebhookHandler = (message, body, context) => {
  const raw = body as unknown as RawWebhookBanned;
  if (!isNamedUser(raw.banned_user)) return webhookMalformed(message, context, 'banned_user');
  const createdAt = parseKickTimestamp(raw.metadata?.created_at);
  const expiresAt = parseKickTimestamp(raw.metadata?.expires_at);
  const durationMinutes =
    createdAt !== undefined && expiresAt !== undefined && expiresAt > createdAt ? Math.round((expiresAt - createdAt) / 60_000) : undefined;
  const event = createEvent({
    source: 'kick',
    type: 'ban',
    user: webhookUser(raw.banned_user),
    timestamp: createdAt,
    data: stripUndefined({
      moderator: webhookUserRef(raw.moderator),
      isPermanent: expiresAt === undefined,
      durationMinutes,
      expiresAt,
    }) as { isPermanent: boolean },
    meta: webhookMeta(message, body, context),
  });
  return { event };
};
