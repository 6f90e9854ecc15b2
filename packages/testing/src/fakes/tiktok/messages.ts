import type { BinaryWriter } from '@bufbuild/protobuf/wire';
import { bool, embed, encode, image, int, str, type WebcastMessage } from './proto.js';

/**
 * Builders of the webcast messages the fake sends, one per mapped method, with realistic values.
 * Each returns an encoded {@link WebcastMessage} (method + bytes + msgId).
 *
 * @packageDocumentation
 */

/** A TikTok user as the fake encodes it. */
export interface FakeTikTokUser {
  id: string;
  /** The user handle (`displayId`, field 38). */
  uniqueId: string;
  nickname: string;
  avatarUrl?: string;
  /** followInfo.followStatus: 0 none, 1 follower, 2 friends. */
  followStatus?: number;
  /** userAttr.isAdmin. */
  isAdmin?: boolean;
  /** Badge scene types (1 admin, 4 subscriber, 7 new subscriber, 8 grade...). */
  badgeScenes?: number[];
  isSubscribe?: boolean;
}

/** `UserIdentity` flags. */
export interface FakeIdentity {
  isSubscriberOfAnchor?: boolean;
  isFollowerOfAnchor?: boolean;
  isModeratorOfAnchor?: boolean;
  /** The streamer (host) of the room. */
  isAnchor?: boolean;
}

/** What every builder accepts. */
export interface CommonInit {
  msgId?: string;
  createTime?: number;
  roomId?: string;
  displayKey?: string;
  isHistory?: boolean;
}

/** A realistic viewer. */
export const fakeViewer: FakeTikTokUser = {
  id: '7034582914412233733',
  uniqueId: 'rosefan.88',
  nickname: 'Rose Fan 🌹',
  avatarUrl: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7034582914412233733~c5_100x100.webp',
  followStatus: 1,
  badgeScenes: [8],
};

let nextMsgId = 7_301_962_345_897_100_000n;

/** A fresh, unique message id. */
export function freshMsgId(): string {
  nextMsgId += 1n;
  return nextMsgId.toString();
}

function writeUser(w: BinaryWriter, fieldNo: number, user: FakeTikTokUser | undefined): void {
  if (!user) return;
  embed(w, fieldNo, (u) => {
    int(u, 1, user.id);
    str(u, 3, user.nickname);
    image(u, 9, user.avatarUrl);
    // A few fields the connector does not map, so decoders must skip them.
    str(u, 5, 'bio: streaming every day');
    if (user.followStatus !== undefined) {
      const status = user.followStatus;
      embed(u, 22, (f) => {
        int(f, 1, 120);
        int(f, 2, 4300);
        int(f, 3, status);
      });
    }
    if (user.isAdmin) embed(u, 32, (a) => int(a, 2, 1));
    str(u, 38, user.uniqueId);
    str(u, 46, `MS4wLjABAAAA${user.id}`);
    for (const scene of user.badgeScenes ?? []) {
      embed(u, 64, (b) => {
        int(b, 1, 1);
        int(b, 3, scene);
        embed(b, 12, (p) => str(p, 5, '12'));
      });
    }
    str(u, 1028, user.id);
    bool(u, 1090, user.isSubscribe);
  });
}

function writeIdentity(w: BinaryWriter, fieldNo: number, identity: FakeIdentity | undefined): void {
  if (!identity) return;
  embed(w, fieldNo, (i) => {
    bool(i, 2, identity.isSubscriberOfAnchor);
    bool(i, 4, identity.isFollowerOfAnchor);
    bool(i, 5, identity.isModeratorOfAnchor);
    bool(i, 6, identity.isAnchor);
  });
}

function message(method: string, init: CommonInit, body: (w: BinaryWriter, msgId: string) => void): WebcastMessage {
  const msgId = init.msgId ?? freshMsgId();
  const payload = encode((w) => {
    embed(w, 1, (c) => {
      str(c, 1, method);
      int(c, 2, msgId);
      int(c, 3, init.roomId ?? '7301962345897160001');
      int(c, 4, init.createTime ?? Date.now());
      if (init.displayKey) {
        const key = init.displayKey;
        embed(c, 8, (t) => {
          str(t, 1, key);
          str(t, 2, '{0:user} did something');
        });
      }
      str(c, 12, `20251123${msgId.slice(-6)}`);
    });
    body(w, msgId);
  });
  return { method, payload, msgId, ...(init.isHistory ? { isHistory: true } : {}) };
}

/** `WebcastChatMessage`. */
export function chatMessage(
  init: CommonInit & { user?: FakeTikTokUser; content: string; emoteIds?: string[]; identity?: FakeIdentity; atUser?: FakeTikTokUser },
): WebcastMessage {
  return message('WebcastChatMessage', init, (w) => {
    writeUser(w, 2, init.user ?? fakeViewer);
    str(w, 3, init.content);
    writeUser(w, 12, init.atUser);
    (init.emoteIds ?? []).forEach((emoteId, index) => {
      embed(w, 13, (e) => {
        int(e, 1, index);
        embed(e, 2, (m) => {
          str(m, 1, emoteId);
          image(m, 2, `https://p16-webcast.tiktokcdn.com/emote/${emoteId}.webp`);
        });
      });
    });
    str(w, 14, 'en');
    writeIdentity(w, 18, init.identity);
  });
}

/** `WebcastGiftMessage`. `giftType` 1 = streakable. */
export function giftMessage(
  init: CommonInit & {
    user?: FakeTikTokUser;
    giftId: number;
    giftName: string;
    giftType: number;
    diamondCount: number;
    repeatCount: number;
    repeatEnd: boolean;
    groupId?: string;
    toUser?: FakeTikTokUser;
    identity?: FakeIdentity;
  },
): WebcastMessage {
  return message('WebcastGiftMessage', init, (w) => {
    int(w, 2, init.giftId);
    int(w, 3, init.diamondCount);
    int(w, 5, init.repeatCount);
    int(w, 6, init.repeatCount);
    writeUser(w, 7, init.user ?? fakeViewer);
    writeUser(w, 8, init.toUser);
    int(w, 9, init.repeatEnd ? 1 : 0);
    int(w, 11, init.groupId);
    embed(w, 15, (g) => {
      image(g, 1, `https://p19-webcast.tiktokcdn.com/img/gift/${init.giftId}.png`);
      str(g, 2, `sent ${init.giftName}`);
      int(g, 5, init.giftId);
      bool(g, 10, init.giftType === 1);
      int(g, 11, init.giftType);
      int(g, 12, init.diamondCount);
      str(g, 16, init.giftName);
    });
    str(w, 22, '{"anchor_id":1}');
    writeIdentity(w, 32, init.identity);
  });
}

/** `WebcastLikeMessage`. */
export function likeMessage(init: CommonInit & { user?: FakeTikTokUser; count: number; total: number }): WebcastMessage {
  return message('WebcastLikeMessage', init, (w) => {
    int(w, 2, init.count);
    int(w, 3, init.total);
    int(w, 4, 16_711_680);
    writeUser(w, 5, init.user ?? fakeViewer);
  });
}

/** `WebcastMemberMessage` (action 1 = joined). */
export function memberMessage(init: CommonInit & { user?: FakeTikTokUser; action?: number; memberCount?: number }): WebcastMessage {
  return message('WebcastMemberMessage', init, (w) => {
    writeUser(w, 2, init.user ?? fakeViewer);
    int(w, 3, init.memberCount ?? 321);
    int(w, 10, init.action ?? 1);
  });
}

/** `WebcastSocialMessage`: follow (`pm_main_follow_message_viewer_2`, action 1) or share (`pm_mt_guidance_share`, action 3). */
export function socialMessage(
  init: CommonInit & { user?: FakeTikTokUser; kind: 'follow' | 'share' | 'other'; action?: number },
): WebcastMessage {
  const displayKey =
    init.displayKey ??
    (init.kind === 'follow' ? 'pm_main_follow_message_viewer_2' : init.kind === 'share' ? 'pm_mt_guidance_share' : 'pm_mt_other');
  const action = init.action ?? (init.kind === 'follow' ? 1 : init.kind === 'share' ? 3 : 7);
  return message('WebcastSocialMessage', { ...init, displayKey }, (w) => {
    writeUser(w, 2, init.user ?? fakeViewer);
    int(w, 4, action);
    int(w, 6, init.kind === 'follow' ? 4301 : 0);
  });
}

/** `WebcastRoomUserSeqMessage`. */
export function roomUserSeqMessage(init: CommonInit & { total: number; totalUser: number }): WebcastMessage {
  return message('WebcastRoomUserSeqMessage', init, (w) => {
    embed(w, 2, (r) => {
      int(r, 1, 500);
      writeUser(r, 2, fakeViewer);
      int(r, 3, 1);
    });
    int(w, 3, init.total);
    str(w, 4, `${init.total}`);
    int(w, 7, init.totalUser);
  });
}

/** `WebcastEnvelopeMessage` (treasure chest). */
export function envelopeMessage(
  init: CommonInit & { envelopeId: string; diamondCount: number; sender?: FakeTikTokUser; peopleCount?: number; businessType?: number },
): WebcastMessage {
  const sender = init.sender ?? fakeViewer;
  return message('WebcastEnvelopeMessage', init, (w) => {
    embed(w, 2, (e) => {
      str(e, 1, init.envelopeId);
      int(e, 2, init.businessType ?? 1);
      str(e, 4, sender.nickname);
      int(e, 5, init.diamondCount);
      int(e, 6, init.peopleCount ?? 20);
      int(e, 7, Math.floor(Date.now() / 1000) + 60);
      str(e, 8, sender.id);
      image(e, 9, sender.avatarUrl);
    });
    int(w, 3, 1);
  });
}

/** `WebcastEmoteChatMessage` (standalone emote). */
export function emoteChatMessage(init: CommonInit & { user?: FakeTikTokUser; emoteId: string; identity?: FakeIdentity }): WebcastMessage {
  return message('WebcastEmoteChatMessage', init, (w) => {
    writeUser(w, 2, init.user ?? fakeViewer);
    embed(w, 3, (e) => {
      str(e, 1, init.emoteId);
      image(e, 2, `https://p16-webcast.tiktokcdn.com/emote/${init.emoteId}.webp`);
      int(e, 5, 1);
    });
    writeIdentity(w, 5, init.identity);
  });
}

/** `WebcastSubNotifyMessage`. */
export function subNotifyMessage(init: CommonInit & { user?: FakeTikTokUser; subMonth: number }): WebcastMessage {
  return message('WebcastSubNotifyMessage', init, (w) => {
    writeUser(w, 2, init.user ?? fakeViewer);
    int(w, 4, init.subMonth);
    int(w, 5, 1);
  });
}

/** `WebcastControlMessage`: 1 paused, 2 resumed, 3 ended, 4 suspended. */
export function controlMessage(init: CommonInit & { action: number; tips?: string }): WebcastMessage {
  return message('WebcastControlMessage', init, (w) => {
    int(w, 2, init.action);
    str(w, 3, init.tips ?? (init.action === 3 ? 'The LIVE has ended' : ''));
  });
}

/** A message of a method no connector maps (random-looking bytes). */
export function unmappedMessage(method = 'WebcastFooMessage', init: CommonInit = {}): WebcastMessage {
  return message(method, init, (w) => {
    str(w, 2, 'not mapped');
    int(w, 3, 42);
  });
}

/** A known method whose payload is corrupt (truncated mid-field): must be reported and skipped. */
export function corruptMessage(method = 'WebcastChatMessage', msgId: string = freshMsgId()): WebcastMessage {
  // Field 1 (common) claims 200 bytes but only 3 follow.
  return { method, payload: Uint8Array.of(0x0a, 0xc8, 0x01, 0x08, 0x01, 0x10), msgId };
}
