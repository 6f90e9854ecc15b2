/**
 * The chat-out half of the connector contract: what a connector can do (`capabilities`), the
 * platform's limits as data (`chatLimits`), `sendChat(text, { replyTo })` and its typed result.
 *
 * @packageDocumentation
 */
import { ChatMessageTooLongError, type ChatLengthUnit } from '../errors.js';
import type { StreamEvent } from '../events/stream-event.js';

/** What a connector can do besides reading. Immutable; an application and the rule validator read it. */
export interface ConnectorCapabilities {
  readonly chat: {
    /** `sendChat` works (with the credentials given): the connector is a {@link ChatSender}. */
    readonly send: boolean;
    /** `sendChat(text, { replyTo })` sends a threaded reply to that message (not just a message). */
    readonly reply: boolean;
  };
}

/** The capabilities of a connector that only reads (the default of `BaseConnector`). */
export const READ_ONLY_CAPABILITIES: ConnectorCapabilities = Object.freeze({ chat: Object.freeze({ send: false, reply: false }) });

/** The capabilities of a connector that sends chat, with or without threaded replies. */
export function chatCapabilities(reply: boolean): ConnectorCapabilities {
  return Object.freeze({ chat: Object.freeze({ send: true, reply }) });
}

/** At most `messages` messages in any window of `windowMs` milliseconds. */
export interface ChatRateLimit {
  readonly messages: number;
  readonly windowMs: number;
}

/** A platform's chat limits, as data. Absent fields: the platform states no such limit. */
export interface ChatLimits {
  /** The longest message the platform accepts, in {@link ChatLimits.lengthUnit}s. */
  readonly maxLength?: number;
  /** How the platform counts `maxLength`. */
  readonly lengthUnit: ChatLengthUnit;
  /** The rate this connector sends at (its outbox never exceeds it). */
  readonly rate?: ChatRateLimit;
  /** The platform's higher rate for moderators / the broadcaster / verified bots, when it has one. */
  readonly elevatedRate?: ChatRateLimit;
}

/** Options every {@link ChatSender.sendChat} accepts. */
export interface SendChatOptions {
  /**
   * The event being answered. When it came from this connector's platform and the platform has
   * threaded replies (`capabilities.chat.reply`), the message is sent as a reply to it (the
   * connector picks the platform's reply id); otherwise it is sent as an ordinary message.
   */
  replyTo?: StreamEvent;
  /**
   * Identifies this message across the caller's retries (e.g. `${ruleId}:${event.id}`). A second
   * `sendChat` with a key that is waiting, in flight or sent gets the first one's outcome: the
   * message is never sent twice (see `ChatOutbox`).
   */
  idempotencyKey?: string;
}

/** What a successful `sendChat` returns. */
export interface SendChatResult {
  /** The platform's id of the sent message, when it gives one. */
  messageId?: string;
}

/**
 * The chat-sending capability. Connectors that can send chat implement it and say so in
 * `capabilities.chat.send`; {@link canSendChat} narrows to it.
 *
 * `sendChat` rejects with core's typed errors: `ChatMessageTooLongError` (checked before sending),
 * `ChatRateLimitedError` (with `retryAfterMs`), `ChatNotAllowedError`, `ChatDroppedError` (the
 * platform's reason), or a `ConnectionError` / `TimeoutError` when the outcome is unknown.
 */
export interface ChatSender<Options extends SendChatOptions = SendChatOptions> {
  /** The platform's length and rate limits. */
  readonly chatLimits: ChatLimits;
  sendChat(text: string, options?: Options): Promise<SendChatResult>;
}

/** The length of `text` counted in `unit`. */
export function chatLength(text: string, unit: ChatLengthUnit): number {
  if (unit === 'utf16') return text.length;
  if (unit === 'utf8-bytes') return new TextEncoder().encode(text).length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Throws a {@link ChatMessageTooLongError} when `text` is longer than `limits.maxLength` (counted the
 * platform's way); does nothing when the platform states no limit.
 */
export function checkChatLength(text: string, limits: ChatLimits, platform?: string): void {
  if (limits.maxLength === undefined) return;
  const length = chatLength(text, limits.lengthUnit);
  if (length > limits.maxLength) {
    throw new ChatMessageTooLongError(limits.maxLength, length, limits.lengthUnit, platform === undefined ? undefined : { platform });
  }
}
