import {
  chatMessage,
  controlMessage,
  corruptMessage,
  emoteChatMessage,
  envelopeMessage,
  fakeViewer,
  giftMessage,
  likeMessage,
  memberMessage,
  roomUserSeqMessage,
  socialMessage,
  subNotifyMessage,
  unmappedMessage,
  type FakeTikTokUser,
} from './messages.js';
import type { WebcastMessage } from './proto.js';

/**
 * The scripted batches of the brief's fake plan (§10.2): every mapped message, a gift streak,
 * an unknown method and a corrupt payload.
 *
 * @packageDocumentation
 */

/** A second viewer, a moderator. */
export const fakeModerator: FakeTikTokUser = {
  id: '6812345678901234567',
  uniqueId: 'mod_anna',
  nickname: 'Anna (mod)',
  avatarUrl: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/6812345678901234567~c5_100x100.webp',
  followStatus: 2,
  badgeScenes: [1],
};

/** B1: join, chat (moderator, with an emote), like, follow, share, viewer count. */
export function batchBasics(): WebcastMessage[] {
  return [
    memberMessage({ action: 1 }),
    chatMessage({
      user: fakeModerator,
      content: 'hello [wave]',
      emoteIds: ['7258946584013573894'],
      identity: { isModeratorOfAnchor: true, isFollowerOfAnchor: true },
    }),
    likeMessage({ count: 15, total: 1500 }),
    socialMessage({ kind: 'follow' }),
    socialMessage({ kind: 'share' }),
    roomUserSeqMessage({ total: 321, totalUser: 5000 }),
  ];
}

/** B2: a Rose streak (type 1, repeatCount 1/2/3, repeatEnd on the last) and a non-streakable gift sent once. */
export function batchGiftStreak(): WebcastMessage[] {
  const groupId = '1700000000123';
  const rose = { giftId: 5655, giftName: 'Rose', giftType: 1, diamondCount: 1, groupId };
  return [
    giftMessage({ ...rose, repeatCount: 1, repeatEnd: false }),
    giftMessage({ ...rose, repeatCount: 2, repeatEnd: false }),
    giftMessage({ ...rose, repeatCount: 3, repeatEnd: true }),
    giftMessage({
      giftId: 6267,
      giftName: 'Corgi',
      giftType: 2,
      diamondCount: 500,
      repeatCount: 1,
      repeatEnd: false,
      groupId: '1700000000999',
    }),
  ];
}

/** B3: emote, envelope, subscription, plus an unknown method and a corrupt chat payload. */
export function batchExtras(): WebcastMessage[] {
  return [
    emoteChatMessage({ emoteId: '7101010101010101010', identity: { isSubscriberOfAnchor: true } }),
    envelopeMessage({ envelopeId: '7301962345897160491', diamondCount: 100 }),
    subNotifyMessage({ subMonth: 3, user: { ...fakeViewer, badgeScenes: [4], isSubscribe: true } }),
    unmappedMessage('WebcastFooMessage'),
    corruptMessage('WebcastChatMessage'),
  ];
}

/** The history the sign API returns with the connection (tagged `isHistory`). */
export function historyMessages(): WebcastMessage[] {
  return [chatMessage({ content: 'an old message', isHistory: true }), likeMessage({ count: 3, total: 1400, isHistory: true })];
}

/** Stream end (`WebcastControlMessage` action 3 ended / 4 suspended). */
export function streamEndMessage(action: 3 | 4 = 3): WebcastMessage {
  return controlMessage({ action });
}
