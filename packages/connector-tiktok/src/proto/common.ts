import type { RawBadge, RawCommon, RawEmote, RawText, RawUser, RawUserIdentity } from '../raw/messages.js';
import { METHOD_NAMES } from './methods.js';
import { WireReader, WireType, decodeImageUrl, embeddedEnd } from './wire.js';

/**
 * Decoders of the sub-messages every webcast message shares: `Common`, `User` (with its follow
 * info, admin flag and badges), `UserIdentity`, `Text` and emotes.
 *
 * @packageDocumentation
 */

const LD = WireType.LengthDelimited;
const VI = WireType.Varint;

function decodeText(reader: WireReader, end: number): RawText {
  const text: RawText = { key: '', defaultPattern: '' };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) text.key = reader.string();
    else if (fieldNo === 2 && wireType === LD) text.defaultPattern = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return text;
}

export function decodeCommon(reader: WireReader, end: number): RawCommon {
  const common: RawCommon = { method: '', msgId: '0', roomId: '0', createTime: 0, displayText: undefined };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) common.method = reader.string(METHOD_NAMES);
    else if (fieldNo === 2 && wireType === VI) common.msgId = reader.int64String();
    else if (fieldNo === 3 && wireType === VI) common.roomId = reader.int64String();
    else if (fieldNo === 4 && wireType === VI) common.createTime = reader.int64Number();
    else if (fieldNo === 8 && wireType === LD) common.displayText = decodeText(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return common;
}

export function decodeUserIdentity(reader: WireReader, end: number): RawUserIdentity {
  const identity: RawUserIdentity = { isSubscriberOfAnchor: false, isFollowerOfAnchor: false, isModeratorOfAnchor: false, isAnchor: false };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === VI && fieldNo === 2) identity.isSubscriberOfAnchor = reader.bool();
    else if (wireType === VI && fieldNo === 4) identity.isFollowerOfAnchor = reader.bool();
    else if (wireType === VI && fieldNo === 5) identity.isModeratorOfAnchor = reader.bool();
    else if (wireType === VI && fieldNo === 6) identity.isAnchor = reader.bool();
    else reader.skip(wireType, fieldNo);
  }
  return identity;
}

/** A message with one varint field we want (followInfo.followStatus = 3, userAttr.isAdmin = 2, badge.sceneType = 3). */
function decodeOneVarint(reader: WireReader, end: number, wanted: number): number | undefined {
  let value: number | undefined;
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === wanted && wireType === VI) value = reader.int64Number();
    else reader.skip(wireType, fieldNo);
  }
  return value;
}

/** Decodes a `User`. Exported for tests. */
export function decodeUser(reader: WireReader, end: number): RawUser {
  const user: RawUser = {
    id: '0',
    nickname: '',
    avatarUrl: undefined,
    avatarLargeUrl: undefined,
    followStatus: undefined,
    isAdmin: false,
    displayId: '',
    badges: [],
    isSubscribe: false,
  };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === LD) {
      switch (fieldNo) {
        case 3:
          user.nickname = reader.string();
          continue;
        case 9:
          user.avatarUrl = decodeImageUrl(reader, embeddedEnd(reader));
          continue;
        case 11:
          user.avatarLargeUrl = decodeImageUrl(reader, embeddedEnd(reader));
          continue;
        case 22:
          user.followStatus = decodeOneVarint(reader, embeddedEnd(reader), 3) ?? 0;
          continue;
        case 32:
          user.isAdmin = (decodeOneVarint(reader, embeddedEnd(reader), 2) ?? 0) !== 0;
          continue;
        case 38:
          user.displayId = reader.string();
          continue;
        case 64: {
          const badge: RawBadge = { sceneType: decodeOneVarint(reader, embeddedEnd(reader), 3) ?? 0 };
          user.badges.push(badge);
          continue;
        }
      }
    } else if (wireType === VI) {
      if (fieldNo === 1) {
        user.id = reader.int64String();
        continue;
      }
      if (fieldNo === 1090) {
        user.isSubscribe = reader.bool();
        continue;
      }
    }
    reader.skip(wireType, fieldNo);
  }
  return user;
}

export function decodeEmote(reader: WireReader, end: number): RawEmote {
  const emote: RawEmote = { emoteId: '', imageUrl: undefined };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) emote.emoteId = reader.string();
    else if (fieldNo === 2 && wireType === LD) emote.imageUrl = decodeImageUrl(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return emote;
}

/** `EmoteWithIndex{1 index, 2 emote}`: the emote. */
export function decodeEmoteWithIndex(reader: WireReader, end: number): RawEmote | undefined {
  let emote: RawEmote | undefined;
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 2 && wireType === LD) emote = decodeEmote(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return emote;
}
