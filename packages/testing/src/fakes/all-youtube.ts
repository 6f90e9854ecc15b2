import { numericIdFor, type ScriptedFake } from './all-shared.js';
import { youtubeGiftEvent, youtubeMessage, youtubeTextMessage, type YouTubeFakeAuthor } from './youtube/messages.js';
import type { YouTubeFake, YouTubeFakeFault } from './youtube/server.js';

/** Scripting API of the YouTube fake (Data API v3 live chat, polled or streamed). */
export interface YouTubeScript extends ScriptedFake<YouTubeFake> {
  /** A `textMessageEvent`. */
  chat(init: { username: string; text: string }): Promise<void>;
  /** A `superChatEvent` (`amount` in the currency's units, e.g. 5 for $5.00). */
  superChat(init: { username: string; amount: number; currency?: string; text?: string; tier?: number }): Promise<void>;
  /** A Jewels `giftEvent` (send again with a higher `comboCount` and the same `id` for a combo). */
  jewels(init: { username: string; comboCount?: number; giftName?: string; jewelsAmount?: number; id?: string }): Promise<void>;
  /** A `newSponsorEvent` (a new member). */
  member(init: { username: string; level?: string }): Promise<void>;
  /** Ends the chat (a `chatEndedEvent`, or `liveChatEnded` errors with `'error'`). */
  endChat(how?: 'event' | 'error'): void;
  /** The next `count` chat requests fail with `fault` (e.g. `{ kind: 'status', status: 503 }`). */
  fail(fault: YouTubeFakeFault, count?: number): void;
}

const author = (username: string): YouTubeFakeAuthor => ({
  channelId: `UCfake${String(numericIdFor(username)).padStart(18, '0')}`,
  displayName: username.startsWith('@') ? username : `@${username}`,
});

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/**
 * Wraps a YouTube fake in the uniform scripting API. YouTube has no socket to wait for: a message
 * pushed now arrives with the connector's next poll (or at once on an open stream).
 */
export function scriptYouTube(fake: YouTubeFake): YouTubeScript {
  return {
    raw: fake,
    dropConnections() {
      // A polling client's "connection" is its next request: reset it (and any open stream).
      fake.fail({ kind: 'reset' });
      fake.dropStreams();
    },
    waitForClient: () => Promise.resolve(),
    chat: async ({ username, text }) => fake.push(youtubeTextMessage(text, { author: author(username) })),
    superChat: async ({ username, amount, currency = 'USD', text = '', tier = 2 }) => {
      const display = `${CURRENCY_SYMBOLS[currency] ?? `${currency} `}${amount.toFixed(2)}`;
      fake.push(
        youtubeMessage(
          'superChatEvent',
          {
            superChatDetails: {
              amountMicros: String(Math.round(amount * 1_000_000)),
              currency,
              amountDisplayString: display,
              userComment: text,
              tier,
            },
          },
          { author: author(username), displayMessage: `${display} from ${username}: "${text}"` },
        ),
      );
    },
    jewels: async ({ username, comboCount = 1, giftName, jewelsAmount, id }) =>
      fake.push(
        youtubeGiftEvent(comboCount, {
          author: author(username),
          ...(giftName ? { giftName } : {}),
          ...(jewelsAmount ? { jewelsAmount } : {}),
          ...(id ? { id } : {}),
        }),
      ),
    member: async ({ username, level = 'Member' }) =>
      fake.push(
        youtubeMessage(
          'newSponsorEvent',
          { newSponsorDetails: { memberLevelName: level, isUpgrade: false } },
          { author: { ...author(username), isChatSponsor: true }, displayMessage: `Welcome to ${level}!` },
        ),
      ),
    endChat: (how) => fake.endChat(how),
    fail: (fault, count) => fake.fail(fault, count),
  };
}
