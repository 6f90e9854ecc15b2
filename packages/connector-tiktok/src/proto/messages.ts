import type {
  MappedMethod,
  RawBadge,
  RawChat,
  RawCommon,
  RawControl,
  RawEmote,
  RawEmoteChat,
  RawEnvelope,
  RawEnvelopeInfo,
  RawGift,
  RawGiftDetails,
  RawLike,
  RawMember,
  RawRoomUserSeq,
  RawSocial,
  RawSubNotify,
  RawText,
  RawUser,
  RawUserIdentity,
  RawWebcastMessage,
} from '../raw/messages.js';
import { BinaryReader, WireType, decodeImageUrl, embeddedEnd, int64Number, int64String } from './wire.js';

/**
 * Decoders of the webcast messages the connector maps, from our own minimal schema (field numbers
 * from tiktok-live-proto v3, see docs/connectors/tiktok.md). A field with an unexpected wire type is
 * skipped like an unknown one; truncated bytes throw.
 *
 * @packageDocumentation
 */

const LD = WireType.LengthDelimited;
const VI = WireType.Varint;

function decodeText(reader: BinaryReader, end: number): RawText {
  const text: RawText = { key: '', defaultPattern: '' };
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) text.key = reader.string();
    else if (fieldNo === 2 && wireType === LD) text.defaultPattern = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return text;
}

function decodeCommon(reader: BinaryReader, end: number): RawCommon {
  const common: RawCommon = { method: '', msgId: '0', roomId: '0', createTime: 0, displayText: undefined };
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) common.method = reader.string();
    else if (fieldNo === 2 && wireType === VI) common.msgId = int64String(reader);
    else if (fieldNo === 3 && wireType === VI) common.roomId = int64String(reader);
    else if (fieldNo === 4 && wireType === VI) common.createTime = int64Number(reader);
    else if (fieldNo === 8 && wireType === LD) common.displayText = decodeText(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return common;
}

function decodeUserIdentity(reader: BinaryReader, end: number): RawUserIdentity {
  const identity: RawUserIdentity = { isSubscriberOfAnchor: false, isFollowerOfAnchor: false, isModeratorOfAnchor: false, isAnchor: false };
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (wireType === VI && fieldNo === 2) identity.isSubscriberOfAnchor = reader.bool();
    else if (wireType === VI && fieldNo === 4) identity.isFollowerOfAnchor = reader.bool();
    else if (wireType === VI && fieldNo === 5) identity.isModeratorOfAnchor = reader.bool();
    else if (wireType === VI && fieldNo === 6) identity.isAnchor = reader.bool();
    else reader.skip(wireType, fieldNo);
  }
  return identity;
}

/** A message with one varint field we want (followInfo.followStatus = 3, userAttr.isAdmin = 2, badge.sceneType = 3). */
function decodeOneVarint(reader: BinaryReader, end: number, wanted: number): number | undefined {
  let value: number | undefined;
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === wanted && wireType === VI) value = int64Number(reader);
    else reader.skip(wireType, fieldNo);
  }
  return value;
}

/** Decodes a `User`. Exported for tests. */
export function decodeUser(reader: BinaryReader, end: number): RawUser {
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
    const [fieldNo, wireType] = reader.tag();
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
        user.id = int64String(reader);
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

function decodeEmote(reader: BinaryReader, end: number): RawEmote {
  const emote: RawEmote = { emoteId: '', imageUrl: undefined };
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) emote.emoteId = reader.string();
    else if (fieldNo === 2 && wireType === LD) emote.imageUrl = decodeImageUrl(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return emote;
}

/** `EmoteWithIndex{1 index, 2 emote}`: the emote. */
function decodeEmoteWithIndex(reader: BinaryReader, end: number): RawEmote | undefined {
  let emote: RawEmote | undefined;
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 2 && wireType === LD) emote = decodeEmote(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return emote;
}

function decodeChat(reader: BinaryReader): RawChat {
  const chat: RawChat = {
    common: undefined,
    user: undefined,
    content: '',
    atUser: undefined,
    emotes: [],
    contentLanguage: '',
    userIdentity: undefined,
  };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (wireType === LD) {
      switch (fieldNo) {
        case 1:
          chat.common = decodeCommon(reader, embeddedEnd(reader));
          continue;
        case 2:
          chat.user = decodeUser(reader, embeddedEnd(reader));
          continue;
        case 3:
          chat.content = reader.string();
          continue;
        case 12:
          chat.atUser = decodeUser(reader, embeddedEnd(reader));
          continue;
        case 13: {
          const emote = decodeEmoteWithIndex(reader, embeddedEnd(reader));
          if (emote) chat.emotes.push(emote);
          continue;
        }
        case 14:
          chat.contentLanguage = reader.string();
          continue;
        case 18:
          chat.userIdentity = decodeUserIdentity(reader, embeddedEnd(reader));
          continue;
      }
    }
    reader.skip(wireType, fieldNo);
  }
  return chat;
}

function decodeGiftDetails(reader: BinaryReader, end: number): RawGiftDetails {
  const gift: RawGiftDetails = { imageUrl: undefined, id: '0', type: 0, diamondCount: 0, name: '' };
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) gift.imageUrl = decodeImageUrl(reader, embeddedEnd(reader));
    else if (fieldNo === 5 && wireType === VI) gift.id = int64String(reader);
    else if (fieldNo === 11 && wireType === VI) gift.type = reader.int32();
    else if (fieldNo === 12 && wireType === VI) gift.diamondCount = reader.int32();
    else if (fieldNo === 16 && wireType === LD) gift.name = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return gift;
}

function decodeGift(reader: BinaryReader): RawGift {
  const gift: RawGift = {
    common: undefined,
    giftId: '0',
    repeatCount: 0,
    user: undefined,
    toUser: undefined,
    repeatEnd: 0,
    groupId: '0',
    gift: undefined,
    userIdentity: undefined,
  };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (wireType === LD) {
      switch (fieldNo) {
        case 1:
          gift.common = decodeCommon(reader, embeddedEnd(reader));
          continue;
        case 7:
          gift.user = decodeUser(reader, embeddedEnd(reader));
          continue;
        case 8:
          gift.toUser = decodeUser(reader, embeddedEnd(reader));
          continue;
        case 15:
          gift.gift = decodeGiftDetails(reader, embeddedEnd(reader));
          continue;
        case 32:
          gift.userIdentity = decodeUserIdentity(reader, embeddedEnd(reader));
          continue;
      }
    } else if (wireType === VI) {
      switch (fieldNo) {
        case 2:
          gift.giftId = int64String(reader);
          continue;
        case 5:
          gift.repeatCount = reader.int32();
          continue;
        case 9:
          gift.repeatEnd = reader.int32();
          continue;
        case 11:
          gift.groupId = int64String(reader);
          continue;
      }
    }
    reader.skip(wireType, fieldNo);
  }
  return gift;
}

function decodeLike(reader: BinaryReader): RawLike {
  const like: RawLike = { common: undefined, count: 0, total: 0, user: undefined };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) like.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === VI) like.count = int64Number(reader);
    else if (fieldNo === 3 && wireType === VI) like.total = int64Number(reader);
    else if (fieldNo === 5 && wireType === LD) like.user = decodeUser(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return like;
}

function decodeMember(reader: BinaryReader): RawMember {
  const member: RawMember = { common: undefined, user: undefined, action: 0 };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) member.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) member.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 10 && wireType === VI) member.action = reader.int32();
    else reader.skip(wireType, fieldNo);
  }
  return member;
}

function decodeSocial(reader: BinaryReader): RawSocial {
  const social: RawSocial = { common: undefined, user: undefined, action: 0 };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) social.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) social.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 4 && wireType === VI) social.action = int64Number(reader);
    else reader.skip(wireType, fieldNo);
  }
  return social;
}

function decodeRoomUserSeq(reader: BinaryReader): RawRoomUserSeq {
  const seq: RawRoomUserSeq = { common: undefined, total: 0, totalUser: 0 };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) seq.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 3 && wireType === VI) seq.total = int64Number(reader);
    else if (fieldNo === 7 && wireType === VI) seq.totalUser = int64Number(reader);
    else reader.skip(wireType, fieldNo);
  }
  return seq;
}

function decodeEnvelopeInfo(reader: BinaryReader, end: number): RawEnvelopeInfo {
  const info: RawEnvelopeInfo = {
    envelopeId: '',
    businessType: 0,
    sendUserName: '',
    diamondCount: 0,
    peopleCount: 0,
    sendUserId: '',
    sendUserAvatarUrl: undefined,
  };
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) info.envelopeId = reader.string();
    else if (fieldNo === 2 && wireType === VI) info.businessType = reader.int32();
    else if (fieldNo === 4 && wireType === LD) info.sendUserName = reader.string();
    else if (fieldNo === 5 && wireType === VI) info.diamondCount = reader.int32();
    else if (fieldNo === 6 && wireType === VI) info.peopleCount = reader.int32();
    else if (fieldNo === 8 && wireType === LD) info.sendUserId = reader.string();
    else if (fieldNo === 9 && wireType === LD) info.sendUserAvatarUrl = decodeImageUrl(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return info;
}

function decodeEnvelope(reader: BinaryReader): RawEnvelope {
  const envelope: RawEnvelope = { common: undefined, envelopeInfo: undefined };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) envelope.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) envelope.envelopeInfo = decodeEnvelopeInfo(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return envelope;
}

function decodeEmoteChat(reader: BinaryReader): RawEmoteChat {
  const chat: RawEmoteChat = { common: undefined, user: undefined, emoteList: [], userIdentity: undefined };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) chat.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) chat.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 3 && wireType === LD) chat.emoteList.push(decodeEmote(reader, embeddedEnd(reader)));
    else if (fieldNo === 5 && wireType === LD) chat.userIdentity = decodeUserIdentity(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return chat;
}

function decodeSubNotify(reader: BinaryReader): RawSubNotify {
  const sub: RawSubNotify = { common: undefined, user: undefined, subMonth: 0 };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) sub.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) sub.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 4 && wireType === VI) sub.subMonth = int64Number(reader);
    else reader.skip(wireType, fieldNo);
  }
  return sub;
}

function decodeControl(reader: BinaryReader): RawControl {
  const control: RawControl = { common: undefined, action: 0, tips: '' };
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === LD) control.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === VI) control.action = reader.int32();
    else if (fieldNo === 3 && wireType === LD) control.tips = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return control;
}

const decoders: { [M in MappedMethod]: (reader: BinaryReader) => Extract<RawWebcastMessage, { method: M }>['message'] } = {
  WebcastChatMessage: decodeChat,
  WebcastGiftMessage: decodeGift,
  WebcastLikeMessage: decodeLike,
  WebcastMemberMessage: decodeMember,
  WebcastSocialMessage: decodeSocial,
  WebcastRoomUserSeqMessage: decodeRoomUserSeq,
  WebcastEnvelopeMessage: decodeEnvelope,
  WebcastEmoteChatMessage: decodeEmoteChat,
  WebcastSubNotifyMessage: decodeSubNotify,
  WebcastControlMessage: decodeControl,
};

/** Whether the connector decodes messages of this method. */
export function isMappedMethod(method: string): method is MappedMethod {
  return Object.prototype.hasOwnProperty.call(decoders, method);
}

/**
 * Decodes one message of a mapped method from its bytes.
 *
 * @example
 * ```ts
 * const decoded = decodeWebcastMessage('WebcastChatMessage', bytes);
 * if (decoded.method === 'WebcastChatMessage') console.log(decoded.message.content);
 * ```
 * @throws on truncated or malformed bytes (callers report and skip the message).
 */
export function decodeWebcastMessage(method: MappedMethod, payload: Uint8Array): RawWebcastMessage {
  const reader = new BinaryReader(payload);
  return { method, message: decoders[method](reader) } as RawWebcastMessage;
}
