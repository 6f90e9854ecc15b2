import { parseTimestamp, RecentIds } from '@vmsc/core';
import type { RawListResponse, RawLiveChatMessage } from '../raw/messages.js';
import { dedupeKey } from './dedupe.js';
import { normalizeMessage, type NormalizeContext, type YouTubeEvent } from './message.js';
import { PollTracker, type PollTransition } from './polls.js';

/** What one page (a polled response or one streamed element) produced. */
export interface PageResult {
  /** The events, oldest first; at most one `stream_offline`, always last. */
  events: YouTubeEvent[];
  /** The chat ended (`chatEndedEvent` item or `offlineAt`): stop after publishing. */
  ended: boolean;
  /** Items skipped as repeats (same id, same gift combo, same removal, unchanged poll). */
  duplicates: number;
}

/** Options of {@link ChatPipeline}. */
export interface ChatPipelineOptions {
  liveChatId?: string;
  keepRaw?: boolean;
  /** How many message ids are remembered for dedupe (default 10,000). */
  idMemory?: number;
}

/**
 * The stateful half of normalization: dedupe across pages and reconnects, poll transitions, and the
 * end-of-chat signal. Pages in, typed events out; no I/O.
 */
export class ChatPipeline {
  readonly #seen: RecentIds;
  readonly #polls = new PollTracker();
  readonly #context: NormalizeContext;
  #offlineSent = false;

  constructor(options: ChatPipelineOptions = {}) {
    this.#seen = new RecentIds(options.idMemory ?? 10_000);
    this.#context = { ...(options.liveChatId ? { liveChatId: options.liveChatId } : {}), ...(options.keepRaw ? { keepRaw: true } : {}) };
  }

  /** Normalizes one page; `history` tags its events `meta.history`. */
  process(page: RawListResponse, history = false, now = Date.now()): PageResult {
    const context: NormalizeContext = history ? { ...this.#context, history: true, now } : { ...this.#context, now };
    const events: YouTubeEvent[] = [];
    let duplicates = 0;
    let offline: YouTubeEvent | undefined;
    const items = Array.isArray(page.items) ? page.items : [];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) {
        events.push(normalizeMessage(item, context));
        continue;
      }
      const key = dedupeKey(item);
      if (key !== undefined && !this.#seen.add(key)) {
        duplicates++;
        continue;
      }
      if (item.snippet?.type === 'pollEvent') {
        const transition = this.#polls.classify(item, this.#context.liveChatId);
        if (transition) events.push(this.#pollEvent(item, context, transition));
        else if (item.snippet.pollDetails) duplicates++;
        else events.push(normalizeMessage(item, context));
        continue;
      }
      const event = normalizeMessage(item, context);
      if (event.type === 'stream_offline') offline ??= event;
      else events.push(event);
    }
    if (page.activePollItem?.snippet?.pollDetails) {
      const transition = this.#polls.classify(page.activePollItem, this.#context.liveChatId);
      if (transition) events.push(this.#pollEvent(page.activePollItem, context, transition));
    }
    const offlineAt = parseTimestamp(page.offlineAt);
    if (offlineAt !== undefined && !offline) {
      offline = normalizeMessage(
        {
          snippet: {
            type: 'chatEndedEvent',
            ...(this.#context.liveChatId ? { liveChatId: this.#context.liveChatId } : {}),
            publishedAt: page.offlineAt,
          },
        },
        context,
      );
      offline.data = { reason: 'offlineAt' };
    }
    if (offline && offline.type === 'stream_offline') {
      if (offlineAt !== undefined) offline.data = { ...offline.data, offlineAt };
      if (!this.#offlineSent) events.push(offline);
      this.#offlineSent = true;
    }
    return { events, ended: offline !== undefined, duplicates };
  }

  /**
   * A poll event whose `data.pollId` is the poll's stable id (the message that began it); the
   * snapshot's own message id stays in `meta.platformMessageId`.
   */
  #pollEvent(item: RawLiveChatMessage, context: NormalizeContext, transition: PollTransition): YouTubeEvent {
    const event = normalizeMessage(item, context, transition.type);
    if (event.type === 'poll_begin' || event.type === 'poll_progress' || event.type === 'poll_end') event.data.pollId = transition.pollId;
    return event;
  }

  /** Forgets the chat-ended state (a new chat after a re-resolve). */
  reset(liveChatId?: string): void {
    this.#offlineSent = false;
    if (liveChatId) this.#context.liveChatId = liveChatId;
  }
}
