import { createEvent, systemUser, type EventMeta, type StreamEvent } from '@vmsc/core';
import type { RawBaseMessage } from '../raw/frames.js';
import type { RawCommon, RawControl, RawGift, RawSocial, RawWebcastMessage } from '../raw/messages.js';
import { normalizeUser, userRef } from './user.js';

/**
 * Pure mapping of decoded webcast messages to {@link StreamEvent}s (docs/connectors/tiktok.md,
 * "Events"). Every message yields exactly one event: unmapped variants become `unknown` with a
 * reason, never nothing.
 *
 * @packageDocumentation
 */

/** Where a message came from, for the event's `meta` and timestamp fallback. */
export interface NormalizeContext {
  /** When the frame arrived (ms), used when the message has no `createTime`. */
  receivedAt: number;
  /** The room id, kept as `meta.channel`. */
  roomId?: string;
  /** Part of the history batch of the sign API response. */
  history?: boolean;
  /** `BaseProtoMessage.msgId`, preferred over `common.msgId` for `meta.platformMessageId`. */
  msgId?: string;
  /** Attach the decoded message as `raw`. */
  includeRaw?: boolean;
}

/** Control actions: 1 paused, 2 resumed, 3 ended, 4 suspended (ended by TikTok). */
export const CONTROL_ACTION = { paused: 1, resumed: 2, ended: 3, suspended: 4 } as const;

function metaOf(common: RawCommon | undefined, context: NormalizeContext): EventMeta {
  const meta: EventMeta = {};
  const msgId = context.msgId && context.msgId !== '0' ? context.msgId : common?.msgId;
  if (msgId && msgId !== '0') meta.platformMessageId = msgId;
  const room = context.roomId ?? (common && common.roomId !== '0' ? common.roomId : undefined);
  if (room) meta.channel = room;
  if (context.history) meta.history = true;
  return meta;
}

function timestampOf(common: RawCommon | undefined, context: NormalizeContext): number {
  // A createTime past 2^53 (a corrupt varint) is no time at all: events keep integer timestamps.
  return common && common.createTime > 0 && Number.isSafeInteger(common.createTime) ? common.createTime : context.receivedAt;
}

/**
 * Gift streak rule: type 1 gifts streak and only the event with `repeatEnd == 1` ends the streak;
 * every other type is final at once, so `repeatEnd` is normalised to `true` for them and a
 * `repeatEnd == true` rule fires exactly once per gift.
 */
export function giftData(raw: RawGift): Extract<StreamEvent, { source: 'tiktok'; type: 'gift' }>['data'] {
  const details = raw.gift;
  const giftType = details?.type ?? 0;
  const streakable = giftType === 1;
  const giftIdText = raw.giftId !== '0' ? raw.giftId : (details?.id ?? '0');
  const data: Extract<StreamEvent, { source: 'tiktok'; type: 'gift' }>['data'] = {
    giftName: details?.name ?? '',
    giftId: Number(giftIdText),
    diamondCount: details?.diamondCount ?? 0,
    repeatCount: Math.max(1, raw.repeatCount),
    repeatEnd: raw.repeatEnd === 1 || !streakable,
    giftType,
    streakable,
  };
  if (raw.groupId !== '0') data.streakId = raw.groupId;
  if (details?.imageUrl) data.giftImageUrl = details.imageUrl;
  const receiver = userRef(raw.toUser);
  if (receiver) data.receiver = receiver;
  return data;
}

/** `follow`, `share` or undefined for a social message: display key first, then `action`. */
export function socialKind(raw: RawSocial): 'follow' | 'share' | undefined {
  const key = raw.common?.displayText?.key ?? '';
  if (key.includes('follow')) return 'follow';
  if (key.includes('share')) return 'share';
  if (key === '') {
    if (raw.action === 1) return 'follow';
    if (raw.action === 3) return 'share';
  }
  return undefined;
}

function controlEvent(raw: RawControl, meta: EventMeta, timestamp: number, rawField: unknown): StreamEvent {
  const reason = `control:${raw.action}`;
  const base = { source: 'tiktok' as const, user: systemUser(), meta, timestamp, raw: rawField };
  switch (raw.action) {
    case CONTROL_ACTION.ended:
    case CONTROL_ACTION.suspended:
      return createEvent({ ...base, type: 'stream_offline', data: { reason } });
    case CONTROL_ACTION.paused:
      return createEvent({ ...base, type: 'stream_pause', data: { reason } });
    case CONTROL_ACTION.resumed:
      return createEvent({ ...base, type: 'stream_resume', data: { reason } });
    default:
      return createEvent({
        ...base,
        type: 'unknown',
        data: { kind: 'WebcastControlMessage', payload: raw, reason: `control action ${raw.action} is not mapped` },
      });
  }
}

/**
 * Maps one decoded message to its event.
 *
 * @example
 * ```ts
 * const event = normalizeWebcastMessage(decodeWebcastMessage('WebcastChatMessage', bytes), { receivedAt: Date.now() });
 * ```
 */
export function normalizeWebcastMessage(decoded: RawWebcastMessage, context: NormalizeContext): StreamEvent {
  const common = decoded.message.common;
  const meta = metaOf(common, context);
  const timestamp = timestampOf(common, context);
  const raw = context.includeRaw ? decoded.message : undefined;
  switch (decoded.method) {
    case 'WebcastChatMessage': {
      const m = decoded.message;
      const data: Extract<StreamEvent, { source: 'tiktok'; type: 'chat' }>['data'] = { message: m.content };
      if (m.emotes.length > 0) data.emotes = m.emotes.map((emote) => emote.emoteId);
      const mention = userRef(m.atUser);
      if (mention) data.mention = mention;
      if (m.contentLanguage) data.language = m.contentLanguage;
      if (m.userIdentity?.isAnchor) data.isHost = true;
      return createEvent({ source: 'tiktok', type: 'chat', user: normalizeUser(m.user, m.userIdentity), data, meta, timestamp, raw });
    }
    case 'WebcastGiftMessage': {
      const m = decoded.message;
      return createEvent({
        source: 'tiktok',
        type: 'gift',
        user: normalizeUser(m.user, m.userIdentity),
        data: giftData(m),
        meta,
        timestamp,
        raw,
      });
    }
    case 'WebcastLikeMessage': {
      const m = decoded.message;
      return createEvent({
        source: 'tiktok',
        type: 'like',
        user: normalizeUser(m.user),
        data: { likeCount: m.count, totalLikes: m.total },
        meta,
        timestamp,
        raw,
      });
    }
    case 'WebcastMemberMessage': {
      const m = decoded.message;
      if (m.action === 1)
        return createEvent({ source: 'tiktok', type: 'join', user: normalizeUser(m.user), data: {}, meta, timestamp, raw });
      return createEvent({
        source: 'tiktok',
        type: 'unknown',
        user: normalizeUser(m.user),
        data: { kind: decoded.method, payload: m, reason: `member action ${m.action} is not a join` },
        meta,
        timestamp,
        raw,
      });
    }
    case 'WebcastSocialMessage': {
      const m = decoded.message;
      const kind = socialKind(m);
      const user = normalizeUser(m.user);
      if (kind) return createEvent({ source: 'tiktok', type: kind, user, data: {}, meta, timestamp, raw });
      return createEvent({
        source: 'tiktok',
        type: 'unknown',
        user,
        data: {
          kind: decoded.method,
          payload: m,
          reason: `social message "${m.common?.displayText?.key ?? ''}" (action ${m.action}) is neither a follow nor a share`,
        },
        meta,
        timestamp,
        raw,
      });
    }
    case 'WebcastRoomUserSeqMessage': {
      const m = decoded.message;
      return createEvent({
        source: 'tiktok',
        type: 'viewer_count',
        data: { viewerCount: m.total, totalViewers: m.totalUser },
        meta,
        timestamp,
        raw,
      });
    }
    case 'WebcastEnvelopeMessage': {
      const info = decoded.message.envelopeInfo;
      const user = info
        ? {
            id: info.sendUserId || '0',
            username: info.sendUserName,
            nickname: info.sendUserName,
            ...(info.sendUserAvatarUrl ? { profilePictureUrl: info.sendUserAvatarUrl } : {}),
          }
        : normalizeUser(undefined);
      const data: Extract<StreamEvent, { source: 'tiktok'; type: 'envelope' }>['data'] = {
        envelopeId: info?.envelopeId ?? '',
        coins: info?.diamondCount ?? 0,
      };
      if (info?.peopleCount) data.peopleCount = info.peopleCount;
      if (info?.businessType) data.businessType = info.businessType;
      return createEvent({ source: 'tiktok', type: 'envelope', user, data, meta, timestamp, raw });
    }
    case 'WebcastEmoteChatMessage': {
      const m = decoded.message;
      const first = m.emoteList[0];
      const data: Extract<StreamEvent, { source: 'tiktok'; type: 'emote' }>['data'] = { emoteId: first?.emoteId ?? '' };
      if (first?.imageUrl) data.emoteImageUrl = first.imageUrl;
      return createEvent({ source: 'tiktok', type: 'emote', user: normalizeUser(m.user, m.userIdentity), data, meta, timestamp, raw });
    }
    case 'WebcastSubNotifyMessage': {
      const m = decoded.message;
      const data: Extract<StreamEvent, { source: 'tiktok'; type: 'subscribe' }>['data'] = {};
      if (m.subMonth > 0) data.subMonth = m.subMonth;
      return createEvent({ source: 'tiktok', type: 'subscribe', user: normalizeUser(m.user), data, meta, timestamp, raw });
    }
    case 'WebcastControlMessage':
      return controlEvent(decoded.message, meta, timestamp, raw);
  }
}

const BASE64_LIMIT = 16_384;

/**
 * The `unknown` event of a message whose method the connector does not decode: the payload is
 * kept as base64 (first 16 KiB) with its size.
 */
export function unknownMethodEvent(message: RawBaseMessage, context: NormalizeContext): StreamEvent {
  const bytes = message.payload;
  const slice = bytes.length > BASE64_LIMIT ? bytes.subarray(0, BASE64_LIMIT) : bytes;
  return createEvent({
    source: 'tiktok',
    type: 'unknown',
    data: {
      kind: message.method || '(no method)',
      payload: { size: bytes.length, base64: Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString('base64') },
      reason: 'method not mapped',
    },
    meta: metaOf(undefined, context),
    timestamp: context.receivedAt,
  });
}
