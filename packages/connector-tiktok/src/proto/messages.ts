import type {
  MappedMethod,
  RawChat,
  RawControl,
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
  RawWebcastMessage,
} from '../raw/messages.js';
import { decodeCommon, decodeEmote, decodeEmoteWithIndex, decodeUser, decodeUserIdentity } from './common.js';
import { WireReader, WireType, decodeImageUrl, embeddedEnd } from './wire.js';

/**
 * Decoders of the webcast messages the connector maps, from our own minimal schema (field numbers
 * from tiktok-live-proto v3, see docs/connectors/tiktok.md). A field with an unexpected wire type is
 * skipped like an unknown one; truncated bytes throw.
 *
 * @packageDocumentation
 */

const LD = WireType.LengthDelimited;
const VI = WireType.Varint;

function decodeChat(reader: WireReader): RawChat {
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
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
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

function decodeGiftDetails(reader: WireReader, end: number): RawGiftDetails {
  const gift: RawGiftDetails = { imageUrl: undefined, id: '0', type: 0, diamondCount: 0, name: '' };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) gift.imageUrl = decodeImageUrl(reader, embeddedEnd(reader));
    else if (fieldNo === 5 && wireType === VI) gift.id = reader.int64String();
    else if (fieldNo === 11 && wireType === VI) gift.type = reader.int32();
    else if (fieldNo === 12 && wireType === VI) gift.diamondCount = reader.int32();
    else if (fieldNo === 16 && wireType === LD) gift.name = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return gift;
}

function decodeGift(reader: WireReader): RawGift {
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
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
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
          gift.giftId = reader.int64String();
          continue;
        case 5:
          gift.repeatCount = reader.int32();
          continue;
        case 9:
          gift.repeatEnd = reader.int32();
          continue;
        case 11:
          gift.groupId = reader.int64String();
          continue;
      }
    }
    reader.skip(wireType, fieldNo);
  }
  return gift;
}

function decodeLike(reader: WireReader): RawLike {
  const like: RawLike = { common: undefined, count: 0, total: 0, user: undefined };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) like.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === VI) like.count = reader.int64Number();
    else if (fieldNo === 3 && wireType === VI) like.total = reader.int64Number();
    else if (fieldNo === 5 && wireType === LD) like.user = decodeUser(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return like;
}

function decodeMember(reader: WireReader): RawMember {
  const member: RawMember = { common: undefined, user: undefined, action: 0 };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) member.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) member.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 10 && wireType === VI) member.action = reader.int32();
    else reader.skip(wireType, fieldNo);
  }
  return member;
}

function decodeSocial(reader: WireReader): RawSocial {
  const social: RawSocial = { common: undefined, user: undefined, action: 0 };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) social.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) social.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 4 && wireType === VI) social.action = reader.int64Number();
    else reader.skip(wireType, fieldNo);
  }
  return social;
}

function decodeRoomUserSeq(reader: WireReader): RawRoomUserSeq {
  const seq: RawRoomUserSeq = { common: undefined, total: 0, totalUser: 0 };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) seq.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 3 && wireType === VI) seq.total = reader.int64Number();
    else if (fieldNo === 7 && wireType === VI) seq.totalUser = reader.int64Number();
    else reader.skip(wireType, fieldNo);
  }
  return seq;
}

function decodeEnvelopeInfo(reader: WireReader, end: number): RawEnvelopeInfo {
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
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
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

function decodeEnvelope(reader: WireReader): RawEnvelope {
  const envelope: RawEnvelope = { common: undefined, envelopeInfo: undefined };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) envelope.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) envelope.envelopeInfo = decodeEnvelopeInfo(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return envelope;
}

function decodeEmoteChat(reader: WireReader): RawEmoteChat {
  const chat: RawEmoteChat = { common: undefined, user: undefined, emoteList: [], userIdentity: undefined };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) chat.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) chat.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 3 && wireType === LD) chat.emoteList.push(decodeEmote(reader, embeddedEnd(reader)));
    else if (fieldNo === 5 && wireType === LD) chat.userIdentity = decodeUserIdentity(reader, embeddedEnd(reader));
    else reader.skip(wireType, fieldNo);
  }
  return chat;
}

function decodeSubNotify(reader: WireReader): RawSubNotify {
  const sub: RawSubNotify = { common: undefined, user: undefined, subMonth: 0 };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) sub.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === LD) sub.user = decodeUser(reader, embeddedEnd(reader));
    else if (fieldNo === 4 && wireType === VI) sub.subMonth = reader.int64Number();
    else reader.skip(wireType, fieldNo);
  }
  return sub;
}

function decodeControl(reader: WireReader): RawControl {
  const control: RawControl = { common: undefined, action: 0, tips: '' };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === LD) control.common = decodeCommon(reader, embeddedEnd(reader));
    else if (fieldNo === 2 && wireType === VI) control.action = reader.int32();
    else if (fieldNo === 3 && wireType === LD) control.tips = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return control;
}

const decoders: { [M in MappedMethod]: (reader: WireReader) => Extract<RawWebcastMessage, { method: M }>['message'] } = {
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

const mappedMethods: ReadonlySet<string> = new Set(Object.keys(decoders));

/** Whether the connector decodes messages of this method. */
export function isMappedMethod(method: string): method is MappedMethod {
  return mappedMethods.has(method);
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
  const reader = new WireReader(payload);
  return { method, message: decoders[method](reader) } as RawWebcastMessage;
}
