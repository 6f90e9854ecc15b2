import type { AllFakes } from '@vmsc/testing';

/** One moment of the scripted stream: what the fakes send, for loop number `round` (0, 1, 2…). */
export type DemoStep = (fakes: AllFakes, round: number) => Promise<void>;

const pick = <T>(items: readonly T[], round: number): T => items[round % items.length]!;
const viewers = ['ana', 'bo', 'cyd', 'dee', 'eli', 'fox', 'gus', 'hal'];
const who = (round: number, offset: number) => `${pick(viewers, round + offset)}_${round}`;

/**
 * One loop of the scripted stream (about 20 moments): chat, gifts (a TikTok Rose streak), follows,
 * tips, a Kick `!dice`, cheers, a Super Chat and heart-rate readings, from every platform, so every
 * sample rule fires in every loop. Usernames change per loop (per-user cooldowns, duplicates).
 */
export const DEMO_STREAM: readonly DemoStep[] = [
  (f, r) => f.kick.chat({ username: who(r, 0), content: 'hello from Kick 👋' }),
  (f, r) => f.twitch.chat({ username: who(r, 1), text: 'first time here, love the stream' }),
  (f, r) => f.tiktok.gift({ username: who(r, 2), giftName: 'Rose', repeatCount: 1, repeatEnd: false }),
  (f, r) => f.tiktok.gift({ username: who(r, 2), giftName: 'Rose', repeatCount: 2, repeatEnd: false }),
  (f, r) => f.tiktok.gift({ username: who(r, 2), giftName: 'Rose', repeatCount: 3, repeatEnd: true }),
  (f, r) => f.kick.chat({ username: who(r, 3), content: '!dice' }),
  (f, r) => f.twitch.follow({ username: who(r, 4) }),
  (f, r) => f.youtube.chat({ username: who(r, 5), text: 'watching from YouTube!' }),
  (f) => f.heartrate.beat(88),
  (f, r) => f.streamlabs.donation({ username: who(r, 6), amount: 5, currency: 'USD', message: 'keep it up!' }),
  (f, r) => f.twitch.cheer({ username: who(r, 7), bits: 500, message: 'Cheer500 great play' }),
  (f, r) => f.tiktok.chat({ username: who(r, 0), content: 'so fun 😂' }),
  (f, r) => f.youtube.superChat({ username: who(r, 1), amount: 10, currency: 'USD', text: 'for the next game' }),
  (f, r) => f.kick.gift({ username: who(r, 2), amount: 100, giftName: 'Hell Yeah' }),
  (f, r) => f.streamelements.tip({ username: who(r, 3), amount: 3, currency: 'EUR', message: 'coffee money' }),
  (f, r) => f.tiktok.follow({ username: who(r, 4) }),
  (f) => f.hyperate.beat(146),
  (f, r) => f.tiktok.like({ username: who(r, 5), count: 15 }),
  (f, r) => f.streamlabs.follow({ username: who(r, 6) }),
  (f, r) => f.streamelements.follow({ username: who(r, 7) }),
  (f, r) => f.kick.follow({ followersCount: 350 + r }),
];

/** The event sources the demo stream produces (every platform). */
export const DEMO_SOURCES = ['kick', 'twitch', 'tiktok', 'youtube', 'streamlabs', 'streamelements', 'heartrate'] as const;
