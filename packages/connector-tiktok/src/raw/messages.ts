/**
 * Raw wire types of the webcast messages the connector maps, after decoding: only the mapped
 * fields (every other field is skipped on the wire). 64-bit ids are decimal strings; `"0"` or `""`
 * mean absent.
 *
 * @packageDocumentation
 */

/** `Text` (`common.displayText`). */
export interface RawText {
  /** 1: i18n key, e.g. `pm_main_follow_message_viewer_2`. */
  key: string;
  /** 2: default pattern, e.g. `{0:user} followed the host`. */
  defaultPattern: string;
}

/** `CommonMessageData`: field 1 of every message. */
export interface RawCommon {
  /** 1 */
  method: string;
  /** 2 */
  msgId: string;
  /** 3 */
  roomId: string;
  /** 4: ms epoch. */
  createTime: number;
  /** 8 */
  displayText: RawText | undefined;
}

/** `UserIdentity` (chat 18, gift 32, emote chat 5). */
export interface RawUserIdentity {
  /** 2 */
  isSubscriberOfAnchor: boolean;
  /** 4 */
  isFollowerOfAnchor: boolean;
  /** 5 */
  isModeratorOfAnchor: boolean;
  /** 6: the streamer (host) of the room. */
  isAnchor: boolean;
}

/** `BadgeStruct` (user 64): only its scene type. */
export interface RawBadge {
  /** 3: 1 admin, 4 subscriber, 7 new subscriber, 8 user grade, 10 fans... */
  sceneType: number;
}

/** `User`. */
export interface RawUser {
  /** 1 */
  id: string;
  /** 3 */
  nickname: string;
  /** 9: avatarThumb.urlList[0]. */
  avatarUrl: string | undefined;
  /** 11: avatarLarge.urlList[0]. */
  avatarLargeUrl: string | undefined;
  /** 22: followInfo.followStatus (0 none, 1 follower, 2 friends); undefined when absent. */
  followStatus: number | undefined;
  /** 32: userAttr.isAdmin. */
  isAdmin: boolean;
  /** 38: the user handle (`displayId`, v2 `uniqueId`). */
  displayId: string;
  /** 64 */
  badges: RawBadge[];
  /** 1090 */
  isSubscribe: boolean;
}

/** `EmoteModel`. */
export interface RawEmote {
  /** 1 */
  emoteId: string;
  /** 2: image.urlList[0]. */
  imageUrl: string | undefined;
}

/** `WebcastChatMessage`. */
export interface RawChat {
  common: RawCommon | undefined;
  user: RawUser | undefined;
  /** 3 */
  content: string;
  /** 12 */
  atUser: RawUser | undefined;
  /** 13: emotes[].emote */
  emotes: RawEmote[];
  /** 14 */
  contentLanguage: string;
  /** 18 */
  userIdentity: RawUserIdentity | undefined;
}

/** `Gift` (gift message field 15). */
export interface RawGiftDetails {
  /** 1: image.urlList[0]. */
  imageUrl: string | undefined;
  /** 5 */
  id: string;
  /** 11: 1 = streakable. */
  type: number;
  /** 12 */
  diamondCount: number;
  /** 16 */
  name: string;
}

/** `WebcastGiftMessage`. */
export interface RawGift {
  common: RawCommon | undefined;
  /** 2 */
  giftId: string;
  /** 5 */
  repeatCount: number;
  /** 7 */
  user: RawUser | undefined;
  /** 8 */
  toUser: RawUser | undefined;
  /** 9: 1 = streak finished. */
  repeatEnd: number;
  /** 11: streak id. */
  groupId: string;
  /** 15 */
  gift: RawGiftDetails | undefined;
  /** 32 */
  userIdentity: RawUserIdentity | undefined;
}

/** `WebcastLikeMessage`. */
export interface RawLike {
  common: RawCommon | undefined;
  /** 2 */
  count: number;
  /** 3 */
  total: number;
  /** 5 */
  user: RawUser | undefined;
}

/** `WebcastMemberMessage`. */
export interface RawMember {
  common: RawCommon | undefined;
  /** 2 */
  user: RawUser | undefined;
  /** 10: 1 joined, 3 subscribed. */
  action: number;
}

/** `WebcastSocialMessage` (follow / share). */
export interface RawSocial {
  common: RawCommon | undefined;
  /** 2 */
  user: RawUser | undefined;
  /** 4: 1 follow, 3 share (community lore). */
  action: number;
}

/** `WebcastRoomUserSeqMessage`. */
export interface RawRoomUserSeq {
  common: RawCommon | undefined;
  /** 3: current viewers. */
  total: number;
  /** 7: cumulative viewers. */
  totalUser: number;
}

/** `MessageRedEnvelopInfo` (envelope field 2). */
export interface RawEnvelopeInfo {
  /** 1 */
  envelopeId: string;
  /** 2 */
  businessType: number;
  /** 4 */
  sendUserName: string;
  /** 5 */
  diamondCount: number;
  /** 6 */
  peopleCount: number;
  /** 8 */
  sendUserId: string;
  /** 9: sendUserAvatar.urlList[0]. */
  sendUserAvatarUrl: string | undefined;
}

/** `WebcastEnvelopeMessage`. */
export interface RawEnvelope {
  common: RawCommon | undefined;
  /** 2 */
  envelopeInfo: RawEnvelopeInfo | undefined;
}

/** `WebcastEmoteChatMessage`. */
export interface RawEmoteChat {
  common: RawCommon | undefined;
  /** 2 */
  user: RawUser | undefined;
  /** 3 */
  emoteList: RawEmote[];
  /** 5 */
  userIdentity: RawUserIdentity | undefined;
}

/** `WebcastSubNotifyMessage`. */
export interface RawSubNotify {
  common: RawCommon | undefined;
  /** 2 */
  user: RawUser | undefined;
  /** 4 */
  subMonth: number;
}

/** `WebcastControlMessage`. */
export interface RawControl {
  common: RawCommon | undefined;
  /** 2: 1 paused, 2 resumed, 3 ended, 4 suspended. */
  action: number;
  /** 3 */
  tips: string;
}

/** A decoded message of a mapped method, tagged with its method. */
export type RawWebcastMessage =
  | { method: 'WebcastChatMessage'; message: RawChat }
  | { method: 'WebcastGiftMessage'; message: RawGift }
  | { method: 'WebcastLikeMessage'; message: RawLike }
  | { method: 'WebcastMemberMessage'; message: RawMember }
  | { method: 'WebcastSocialMessage'; message: RawSocial }
  | { method: 'WebcastRoomUserSeqMessage'; message: RawRoomUserSeq }
  | { method: 'WebcastEnvelopeMessage'; message: RawEnvelope }
  | { method: 'WebcastEmoteChatMessage'; message: RawEmoteChat }
  | { method: 'WebcastSubNotifyMessage'; message: RawSubNotify }
  | { method: 'WebcastControlMessage'; message: RawControl };

/** The methods the connector decodes. */
export type MappedMethod = RawWebcastMessage['method'];
