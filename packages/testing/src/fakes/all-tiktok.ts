import { numericIdFor, whenReady, type ScriptedFake } from './all-shared.js';
import type { TikTokFake, TikTokSignFailure } from './tiktok/index.js';
import {
  chatMessage,
  controlMessage,
  fakeViewer,
  giftMessage,
  likeMessage,
  socialMessage,
  type FakeTikTokUser,
} from './tiktok/messages.js';

/** Scripting API of the TikTok fake (Sign API + webcast push WebSocket, protobuf frames). */
export interface TikTokScript extends ScriptedFake<TikTokFake> {
  /** `WebcastChatMessage`. */
  chat(init: { username: string; content: string }): Promise<void>;
  /**
   * `WebcastGiftMessage`. Streakable gifts (`giftType` 1, the default) arrive as a streak: send
   * `repeatCount` 1, 2, 3… with `repeatEnd: false` and the last one with `repeatEnd: true` (same `groupId`).
   */
  gift(init: {
    username: string;
    giftName?: string;
    giftId?: number;
    diamondCount?: number;
    giftType?: number;
    repeatCount?: number;
    repeatEnd?: boolean;
    groupId?: string;
  }): Promise<void>;
  /** `WebcastLikeMessage`. */
  like(init: { username: string; count: number; total?: number }): Promise<void>;
  /** `WebcastSocialMessage` (follow). */
  follow(init: { username: string }): Promise<void>;
  /** `WebcastSocialMessage` (share). */
  share(init: { username: string }): Promise<void>;
  /** `WebcastControlMessage` action 3: the LIVE has ended. */
  streamEnd(): Promise<void>;
  /** The next `times` Sign API calls fail with `failure`. */
  failSign(failure: TikTokSignFailure, times?: number): void;
  /** Answer every WebSocket upgrade with TikTok's `handshake-status`/`handshake-msg` refusal (`undefined` accepts again). */
  rejectHandshake(rejection: { status: string; message: string } | undefined): void;
}

const viewer = (username: string): FakeTikTokUser => ({
  ...fakeViewer,
  id: String(7_000_000_000_000_000_000n + BigInt(numericIdFor(username))),
  uniqueId: username,
  nickname: username,
});

/** Wraps a TikTok fake in the uniform scripting API. */
export function scriptTikTok(fake: TikTokFake): TikTokScript {
  let likes = 0;
  const entered = () => fake.openCount() > 0;
  const send = async (...messages: Parameters<TikTokFake['sendBatch']>[0]) => {
    await whenReady(entered, 'a TikTok client in the room');
    fake.sendBatch(messages);
  };
  return {
    raw: fake,
    dropConnections: () => fake.dropAll(),
    waitForClient: (timeoutMs) => whenReady(entered, 'a TikTok client in the room', timeoutMs),
    chat: ({ username, content }) => send(chatMessage({ user: viewer(username), content })),
    gift: ({ username, giftName = 'Rose', giftId = 5655, diamondCount = 1, giftType = 1, repeatCount = 1, repeatEnd = true, groupId }) =>
      send(
        giftMessage({
          user: viewer(username),
          giftName,
          giftId,
          diamondCount,
          giftType,
          repeatCount,
          repeatEnd,
          groupId: groupId ?? `${numericIdFor(username)}${giftId}`,
        }),
      ),
    like: ({ username, count, total }) => {
      likes += count;
      return send(likeMessage({ user: viewer(username), count, total: total ?? likes }));
    },
    follow: ({ username }) => send(socialMessage({ user: viewer(username), kind: 'follow' })),
    share: ({ username }) => send(socialMessage({ user: viewer(username), kind: 'share' })),
    streamEnd: () => send(controlMessage({ action: 3 })),
    failSign: (failure, times) => fake.failSign(failure, times),
    rejectHandshake: (rejection) => fake.rejectHandshake(rejection),
  };
}
