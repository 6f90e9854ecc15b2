/**
 * A tiny bot, the kind you would test against the fakes: it answers `!dice` in Kick chat with a roll
 * (through whatever `say` you give it: your Kick chat sender in production, a recorder in tests) and
 * thanks every TikTok gift streak once, when the streak ends.
 */
import type { EventBus, Unsubscribe } from '@vmsc/core';
import { isEvent } from '@vmsc/core';

/** What the bot needs: a bus to listen on and a way to speak. */
export interface BotOptions {
  bus: EventBus;
  say: (platform: string, text: string) => void;
  /** Dice roll source (injected so tests are deterministic). Default `Math.random`. */
  random?: () => number;
}

/** Starts the bot; returns a function that stops it. */
export function startBot({ bus, say, random = Math.random }: BotOptions): Unsubscribe {
  const offs = [
    bus.on('chat', (event) => {
      if (!isEvent(event, 'kick', 'chat') || !event.data.message.trim().startsWith('!dice')) return;
      const roll = 1 + Math.floor(random() * 6);
      say('kick', `@${event.user.username} rolled a ${roll} 🎲`);
    }),
    bus.on('gift', (event) => {
      // TikTok sends a streakable gift once per step (repeatCount 1, 2, 3…): thank only the last one.
      if (!isEvent(event, 'tiktok', 'gift') || !event.data.repeatEnd) return;
      say('tiktok', `Thank you @${event.user.username} for ${event.data.repeatCount}× ${event.data.giftName}!`);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
