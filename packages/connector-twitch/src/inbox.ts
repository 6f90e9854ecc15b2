import { parseTimestamp, ProtocolError } from '@vmsc/core';
import { MessageDeduplicator } from './dedupe.js';
import type { RawFrame, RawNotificationMessage } from './raw/eventsub.js';

/** A text frame parsed into the EventSub envelope, or the `ProtocolError` to report instead. */
export function parseFrame(text: string | null): RawFrame | ProtocolError {
  if (text === null) return new ProtocolError('EventSub sent a binary frame; only JSON text frames are expected');
  try {
    return JSON.parse(text) as RawFrame;
  } catch (error) {
    return new ProtocolError(`EventSub sent a frame that is not JSON: ${text.slice(0, 120)}`, { cause: error });
  }
}

/**
 * The gate notifications pass before they are published: a `message_id` seen within the window is a
 * redelivery (dropped, counted), a message older than the window is stale (dropped, counted, reported).
 */
export class NotificationInbox {
  readonly #windowMs: number;
  readonly #dedupe: MessageDeduplicator;
  #duplicatesDropped = 0;
  #staleDropped = 0;

  constructor(windowMs: number, maxIds: number) {
    this.#windowMs = windowMs;
    this.#dedupe = new MessageDeduplicator(windowMs, maxIds);
  }

  /** Redelivered messages dropped so far. */
  get duplicatesDropped(): number {
    return this.#duplicatesDropped;
  }

  /** Messages older than the window dropped so far. */
  get staleDropped(): number {
    return this.#staleDropped;
  }

  /**
   * A number: publish it (the number is its `message_timestamp`, parsed, or `NaN` when it has none that
   * parses); `false`: a duplicate, drop it; a `ProtocolError`: stale, drop and report it.
   */
  admit(message: RawNotificationMessage, now: number): number | false | ProtocolError {
    const id = message.metadata.message_id;
    const sentAt = parseTimestamp(message.metadata.message_timestamp);
    if (sentAt !== undefined && now - sentAt > this.#windowMs) {
      this.#staleDropped++;
      const ago = Math.round((now - sentAt) / 1000);
      return new ProtocolError(`dropped EventSub message ${id}: sent ${ago} s ago (older than the dedupe window)`, {
        code: 'TWITCH_STALE_MESSAGE',
      });
    }
    if (typeof id === 'string' && this.#dedupe.isDuplicate(id, now)) {
      this.#duplicatesDropped++;
      return false;
    }
    return sentAt ?? Number.NaN;
  }
}
