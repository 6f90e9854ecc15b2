import { ProtocolError } from '@vmsc/core';
import type { DecodedFrame, PusherFrame } from '../raw/pusher.js';

const APP_EVENTS_PREFIX = 'App\\Events\\';

/**
 * Removes Kick's Laravel namespace from an event name: `App\Events\ChatMessageEvent` →
 * `ChatMessageEvent`. The same event exists with and without it (`GiftedSubscriptionsEvent`).
 */
export function stripEventPrefix(name: string): string {
  return name.startsWith(APP_EVENTS_PREFIX) ? name.slice(APP_EVENTS_PREFIX.length) : name;
}

/**
 * The second parse of a Pusher frame's `data`: a JSON string is parsed (objects, arrays and scalars
 * alike, e.g. `PinnedMessageDeletedEvent`'s `"[]"`); an object or array already parsed (pusher-js
 * does the second parse itself when it can) is kept; a string that is not JSON stays a string.
 */
export function parseInnerData(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  const first = data.charCodeAt(0);
  // Only `{`, `[` and `"` start JSON worth parsing; anything else is a plain string payload.
  if (first !== 123 && first !== 91 && first !== 34) return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/** Turns a Pusher frame (already parsed once) into a {@link DecodedFrame}. */
export function decodePusherFrame(frame: PusherFrame): DecodedFrame {
  return {
    name: stripEventPrefix(frame.event),
    wireName: frame.event,
    channel: frame.channel,
    data: parseInnerData(frame.data),
  };
}

/**
 * Parses one Pusher text frame off the wire: `JSON.parse` of the envelope, then of `data`.
 *
 * @throws `ProtocolError` (from @vmsc/core) when the text is not JSON or has no `event` name.
 */
export function decodeFrameText(text: string): DecodedFrame {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(`Kick sent a frame that is not JSON: ${text.slice(0, 80)}`, { cause: error });
  }
  if (typeof envelope !== 'object' || envelope === null || typeof (envelope as PusherFrame).event !== 'string') {
    throw new ProtocolError(`Kick sent a frame without an event name: ${text.slice(0, 80)}`);
  }
  return decodePusherFrame(envelope as PusherFrame);
}
