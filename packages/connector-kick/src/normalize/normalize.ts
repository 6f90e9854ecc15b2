import { parseEvent, validateData } from '@vmsc/core';
import type { RawChatMessageEvent } from '../raw/kick-events.js';
import type { DecodedFrame } from '../raw/pusher.js';
import { CHANNEL_STATE_HANDLERS } from './channel-state.js';
import { chatMessage } from './chat.js';
import { chatLooksValid, envelopeLooksValid } from './chat-check.js';
import { createKickEvent as createEvent } from './event.js';
import {
  isObject,
  malformed,
  metaOf,
  unknownEvent,
  unmappedReason,
  type FrameHandler,
  type NormalizeContext,
  type NormalizedFrame,
} from './frame.js';
import { MODERATION_HANDLERS } from './moderation.js';
import { SUPPORT_HANDLERS } from './support.js';

export type { NormalizeContext, NormalizedFrame } from './frame.js';

/** Mapped events whose payload carries nothing (`PinnedMessageDeletedEvent` sends `[]`). */
const EMPTY_EVENTS = {
  PinnedMessageDeletedEvent: 'message_unpinned',
  PollDeleteEvent: 'poll_delete',
  ChatroomClearEvent: 'chat_clear',
} as const;

/** How a frame is normalized once its inner payload is known to be an object, or whatever it is. */
type Dispatch =
  { handler: FrameHandler; empty?: undefined } | { empty: (typeof EMPTY_EVENTS)[keyof typeof EMPTY_EVENTS]; handler?: undefined };

/**
 * One entry per mapped Kick event name (prefix stripped). A Map: one hash of the wire name (a fresh
 * string per frame) finds the handler, where an object of spread handler tables is a dictionary.
 */
const DISPATCH = new Map<string, Dispatch>([
  ['ChatMessageEvent', { handler: (frame, data, context) => chatMessage(frame, data as unknown as RawChatMessageEvent, context) }],
  ...[SUPPORT_HANDLERS, MODERATION_HANDLERS, CHANNEL_STATE_HANDLERS].flatMap((table) =>
    Object.entries(table).map(([name, handler]): [string, Dispatch] => [name, { handler }]),
  ),
  ...Object.entries(EMPTY_EVENTS).map(([name, empty]): [string, Dispatch] => [name, { empty }]),
]);

/**
 * Normalizes one decoded Kick frame into a StreamEvent. Pure: no I/O, no clock except `Date.now`
 * for frames without a timestamp. Unknown events become `unknown` events (never dropped); known
 * events with missing fields become `unknown` with a `malformed:` reason and a `problem`.
 *
 * @example
 * ```ts
 * const { event } = normalizeKickFrame(decodeFrameText(text), { channel: 'xqc' });
 * ```
 */
export function normalizeKickFrame(frame: DecodedFrame, context: NormalizeContext = {}): NormalizedFrame {
  let result: NormalizedFrame;
  try {
    result = checked(normalize(frame, context), frame, context);
  } catch (error) {
    result = malformed(frame, context, `the documented shape (${error instanceof Error ? error.message : String(error)})`);
  }
  if (context.keepRaw) (result.event as { raw?: unknown }).raw = frame;
  return result;
}

/**
 * The handlers trust Kick's documented field types; a frame that breaks them (a number where a
 * string belongs, an object as a user id) must not yield an invalid event: the mapped data is
 * checked against the catalogue (`parseEvent`: data, user, timestamp, meta), and a mismatch becomes
 * `unknown` with the issues as the reason.
 */
function checked(result: NormalizedFrame, frame: DecodedFrame, context: NormalizeContext): NormalizedFrame {
  const event = result.event;
  if (event.type === 'unknown' || chatLooksValid(event)) return result;
  // Other kinds: the data through its catalogue schema, the envelope by hand.
  const data = event.type === 'chat' ? undefined : validateData('kick', event.type, event.data);
  if (data?.ok && envelopeLooksValid(event)) return result;
  const parsed = parseEvent(event);
  if (parsed.ok) return result;
  const issues = parsed.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return malformed(frame, context, `the documented shape (${issues})`);
}

function normalize(frame: DecodedFrame, context: NormalizeContext): NormalizedFrame {
  const data = frame.data;
  const dispatch = DISPATCH.get(frame.name);
  if (dispatch?.empty !== undefined) {
    return { event: createEvent({ source: 'kick', type: dispatch.empty, data: {}, meta: metaOf(context) }) };
  }
  if (!isObject(data)) {
    return dispatch === undefined
      ? unknownEvent(frame, context, unmappedReason(frame.name))
      : malformed(frame, context, 'an object payload');
  }
  return dispatch === undefined ? unknownEvent(frame, context, unmappedReason(frame.name)) : dispatch.handler(frame, data, context);
}

/** Whether the normalizer maps this event name (prefix stripped) to a typed event. */
export function isMappedKickEvent(name: string): boolean {
  return DISPATCH.has(name);
}
