import type { RawMessageDeletedEvent, RawPinnedMessageCreatedEvent, RawUserBannedEvent, RawUserUnbannedEvent } from '../raw/kick-events.js';
import { createKickEvent as createEvent, platformUuid } from './event.js';
import { isObject, isString, malformed, metaOf, stripUndefined, type FrameHandler } from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import { kickUser, kickUserRef } from './users.js';

/** Bans, unbans, deletions and pins. */
export const MODERATION_HANDLERS: Record<string, FrameHandler> = {
  UserBannedEvent: (frame, data, context) => {
    const raw = data as unknown as RawUserBannedEvent;
    if (!isObject(raw.user) || !isString(raw.user.username)) return malformed(frame, context, 'user');
    const event = createEvent({
      source: 'kick',
      type: 'ban',
      user: kickUser(raw.user.id, raw.user.username, raw.user.slug),
      data: stripUndefined({
        moderator: raw.banned_by ? kickUserRef(raw.banned_by.id, raw.banned_by.username, raw.banned_by.slug) : undefined,
        isPermanent: raw.permanent === true,
        durationMinutes: raw.duration,
        expiresAt: parseKickTimestamp(raw.expires_at),
      }) as { isPermanent: boolean },
      meta: metaOf(context, raw.id),
      id: platformUuid(raw.id),
    });
    return { event };
  },
  UserUnbannedEvent: (frame, data, context) => {
    const raw = data as unknown as RawUserUnbannedEvent;
    if (!isObject(raw.user) || !isString(raw.user.username)) return malformed(frame, context, 'user');
    const event = createEvent({
      source: 'kick',
      type: 'unban',
      user: kickUser(raw.user.id, raw.user.username, raw.user.slug),
      data: stripUndefined({
        moderator: raw.unbanned_by ? kickUserRef(raw.unbanned_by.id, raw.unbanned_by.username, raw.unbanned_by.slug) : undefined,
        wasPermanent: raw.permanent,
      }),
      meta: metaOf(context, raw.id),
      id: platformUuid(raw.id),
    });
    return { event };
  },
  MessageDeletedEvent: (frame, data, context) => {
    const raw = data as unknown as RawMessageDeletedEvent;
    if (!isObject(raw.message) || !isString(raw.message.id)) return malformed(frame, context, 'message.id');
    const event = createEvent({
      source: 'kick',
      type: 'message_deleted',
      data: stripUndefined({ messageId: raw.message.id, aiModerated: raw.aiModerated, violatedRules: raw.violatedRules }) as {
        messageId: string;
      },
      meta: metaOf(context, raw.id),
      id: platformUuid(raw.id),
    });
    return { event };
  },
  PinnedMessageCreatedEvent: (frame, data, context) => {
    const raw = data as unknown as RawPinnedMessageCreatedEvent;
    if (!isObject(raw.message) || !isObject(raw.message.sender) || !isString(raw.message.content))
      return malformed(frame, context, 'message');
    const duration = raw.duration === undefined ? undefined : Number(raw.duration);
    const event = createEvent({
      source: 'kick',
      type: 'message_pinned',
      user: kickUser(raw.message.sender.id, raw.message.sender.username, raw.message.sender.slug),
      data: stripUndefined({
        messageId: raw.message.id,
        message: raw.message.content,
        durationSeconds: duration !== undefined && Number.isFinite(duration) ? duration : undefined,
        pinnedBy: raw.pinnedBy ? kickUserRef(raw.pinnedBy.id, raw.pinnedBy.username, raw.pinnedBy.slug) : undefined,
      }) as { messageId: string; message: string },
      meta: metaOf(context, raw.message.id),
    });
    return { event };
  },
};
