import {
  chatMessage,
  giftMessage,
  likeMessage,
  memberMessage,
  roomUserSeqMessage,
  socialMessage,
  type FakeTikTokUser,
} from './messages.js';
import type { WebcastMessage } from './proto.js';

/**
 * A busy live's batch: what one `WebcastPushFrame` carries when a room is popular — mostly chat,
 * many likes, gift streaks, a few joins and follows — from many viewers with badges and avatars,
 * built with the message builders of ./messages.ts. Deterministic: the same `seed` gives the same
 * content (fresh message ids aside), different seeds vary users, texts, counts and streaks.
 *
 * @packageDocumentation
 */

const NAMES = [
  'Luna ✨',
  'Mateo',
  'Sakura 🌸',
  'Dani_Gamer',
  'Aylin',
  'Kofi 🎧',
  'Ömer',
  'Priya',
  'Jules 🐺',
  'Noah K',
  'Zoë',
  'Wei 🐉',
  'Ana Clara',
  'Tomás',
  'Mia 💜',
  'Yusuf',
];

const TEXTS = [
  'hiii from Brazil 🇧🇷',
  'lol 😂😂😂',
  'what game is this?',
  'LETS GOOO 🔥🔥',
  'can you say hi to me pls',
  'first time here, love the vibe',
  '❤️❤️❤️',
  'that was insane!!',
  'where are you from?',
  'song name? 🎶',
  'gg',
  'W stream',
  'te amo 😍',
  '@mod can I share the link?',
  'send roses for the goal 🌹',
  'こんにちは！',
  'bro 💀💀',
  'how long have you been streaming today?',
  '10 more likes and we hit the goal 👏',
  'ok that was actually funny',
];

/** Streakable (type 1) and one-shot gifts with their diamond values. */
const GIFTS = [
  { giftId: 5655, giftName: 'Rose', giftType: 1, diamondCount: 1 },
  { giftId: 5487, giftName: 'Finger Heart', giftType: 1, diamondCount: 5 },
  { giftId: 5827, giftName: 'Ice Cream Cone', giftType: 1, diamondCount: 1 },
  { giftId: 6064, giftName: 'GG', giftType: 1, diamondCount: 1 },
  { giftId: 6267, giftName: 'Corgi', giftType: 2, diamondCount: 299 },
  { giftId: 5953, giftName: 'Galaxy', giftType: 2, diamondCount: 1000 },
];

/** A small deterministic generator (LCG), so that a seed always builds the same batch. */
function generator(seed: number): (n: number) => number {
  let state = (seed * 2_654_435_761 + 1) >>> 0;
  return (n) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

/** A handle from a display name: `Ömer`, 6 → `omer6`. */
function handle(name: string, i: number): string {
  const base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return `${base}${i}`;
}

/** The viewers of a busy room: varied names (emoji too), avatars, grade/subscriber/moderator badges, follow states. */
export function busyViewers(count = 24): FakeTikTokUser[] {
  return Array.from({ length: count }, (_, i) => {
    const id = String(7_100_000_000_000_000_000n + BigInt(i) * 7_919_000_003n);
    const badgeScenes = i % 7 === 0 ? [1, 8] : i % 3 === 0 ? [4, 8] : i % 2 === 0 ? [8] : [];
    return {
      id,
      uniqueId: handle(NAMES[i % NAMES.length]!, i),
      nickname: NAMES[i % NAMES.length]!,
      avatarUrl: `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${id}~c5_100x100.webp?x-expires=1732400000&x-signature=abc${i}`,
      followStatus: i % 4 === 0 ? 0 : i % 5 === 0 ? 2 : 1,
      badgeScenes,
      ...(i % 7 === 0 ? { isAdmin: true } : {}),
      ...(i % 3 === 0 ? { isSubscribe: true } : {}),
    };
  });
}

const VIEWERS = busyViewers();

/**
 * A 60-message batch of a busy live (36 chat, 12 likes, 8 gifts in streaks, 2 joins, 1 follow,
 * 1 viewer count), interleaved as they arrive. Gift streaks count `repeatCount` up and end with
 * `repeatEnd`; a one-shot gift comes once. `seed` varies the content (use the frame number).
 *
 * @example
 * ```ts
 * fake.sendBatch(busyBatch(7));
 * ```
 */
export function busyBatch(seed = 0): WebcastMessage[] {
  const pick = generator(seed);
  const viewer = () => VIEWERS[pick(VIEWERS.length)]!;
  const createTime = 1_732_300_000_000 + seed * 1_000;
  const chats: WebcastMessage[] = Array.from({ length: 36 }, (_, i) => {
    const text = TEXTS[pick(TEXTS.length)]!;
    const user = viewer();
    const moderator = user.badgeScenes?.includes(1) ?? false;
    return chatMessage({
      user,
      content: i % 9 === 4 ? `${text} [wave]` : text,
      ...(i % 9 === 4 ? { emoteIds: ['7258946584013573894'] } : {}),
      ...(i % 11 === 7 ? { atUser: viewer() } : {}),
      identity: { isFollowerOfAnchor: user.followStatus !== 0, isModeratorOfAnchor: moderator, isSubscriberOfAnchor: !!user.isSubscribe },
      createTime: createTime + i * 20,
    });
  });
  let total = 120_000 + seed * 900;
  const likes: WebcastMessage[] = Array.from({ length: 12 }, (_, i) => {
    const count = 1 + pick(15);
    total += count;
    return likeMessage({ user: viewer(), count, total, createTime: createTime + i * 60 });
  });
  // A 5-gift streak, a 2-gift streak still running, and a one-shot gift.
  const streak = GIFTS[pick(4)]!;
  const second = GIFTS[pick(4)]!;
  const groupId = String(1_700_000_000_000 + seed * 10);
  const streaker = viewer();
  const secondSender = viewer();
  const gifts: WebcastMessage[] = [
    ...[1, 2, 3, 4, 5].map((repeatCount) =>
      giftMessage({
        ...streak,
        user: streaker,
        repeatCount,
        repeatEnd: repeatCount === 5,
        groupId,
        createTime: createTime + repeatCount * 100,
      }),
    ),
    ...[1, 2].map((repeatCount) =>
      giftMessage({ ...second, user: secondSender, repeatCount, repeatEnd: false, groupId: `${groupId}1`, createTime: createTime + 600 }),
    ),
    giftMessage({ ...GIFTS[4 + pick(2)]!, user: viewer(), repeatCount: 1, repeatEnd: false, groupId: `${groupId}2`, createTime }),
  ];
  const others: WebcastMessage[] = [
    memberMessage({ user: viewer(), memberCount: 2_400 + seed, createTime }),
    memberMessage({ user: viewer(), memberCount: 2_401 + seed, createTime: createTime + 500 }),
    socialMessage({ kind: 'follow', user: viewer(), createTime: createTime + 700 }),
    roomUserSeqMessage({ total: 2_400 + seed, totalUser: 58_000 + seed * 3, createTime }),
  ];
  // Interleave: every fifth slot a like, gifts and the others spread through the chat.
  const out: WebcastMessage[] = [];
  const rest = [...gifts, ...others];
  for (let i = 0; i < 36; i++) {
    out.push(chats[i]!);
    if (i % 3 === 2) out.push(likes.shift()!);
    if (i % 3 === 1 && rest.length > 0) out.push(rest.shift()!);
  }
  out.push(...likes, ...rest);
  return out;
}
