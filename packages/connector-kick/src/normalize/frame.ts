import type { EventMeta, StreamEvent } from '@vmsc/core';
import type { DecodedFrame } from '../raw/pusher.js';
import { createKickEvent } from './event.js';

/** What the normalizer needs besides the frame. */
export interface NormalizeContext {
  /** The watched channel (slug or id), copied to `meta.channel`. */
  channel?: string;
  /** Keep the decoded frame as `event.raw`. Default false. */
  keepRaw?: boolean;
}

/** One normalized frame. */
export interface NormalizedFrame {
  event: StreamEvent;
  /**
   * Keys of the real-world happening behind the event (`sub:<login>`, `gift:<id>`...). Kick sends one
   * subscription as up to five frames on different channels: the connector folds the frames that
   * share a key into one event.
   */
  dedupeKeys?: readonly string[];
  /**
   * A duplicate-only signal (e.g. `ChannelSubscriptionEvent`, which lacks the months that
   * `SubscriptionEvent` carries): its data never replaces a full frame's when folded.
   */
  secondary?: boolean;
  /** Set when a known event was malformed and is surfaced as `unknown` instead. */
  problem?: string;
}

/** A decoded frame's inner payload, once known to be an object. */
export type Data = Record<string, unknown>;

/** One handler per mapped Kick event name (prefix stripped); `data` is known to be an object. */
export type FrameHandler = (frame: DecodedFrame, data: Data, context: NormalizeContext) => NormalizedFrame;

/** Whether `value` is a plain object (not null, not an array). */
export const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Whether `value` is a string. */
export const isString = (value: unknown): value is string => typeof value === 'string';

/** `meta` of a Kick event: the watched channel and Kick's own message id, when known. */
export function metaOf(context: NormalizeContext, platformMessageId?: string): EventMeta | undefined {
  if (context.channel === undefined && platformMessageId === undefined) return undefined;
  const meta: EventMeta = {};
  if (context.channel !== undefined) meta.channel = context.channel;
  if (platformMessageId !== undefined) meta.platformMessageId = platformMessageId;
  return meta;
}

/** Known Kick events that VMSC does not map to a typed event: published as `unknown` with this reason. */
const UNMAPPED_REASON: Readonly<Record<string, string>> = {
  KicksLeaderboardUpdated: 'leaderboard update (follows every KicksGifted); not mapped',
  GiftsLeaderboardUpdated: 'leaderboard update; not mapped',
  LivestreamUpdated: 'livestream metadata update; not mapped',
  PredictionCreated: 'prediction; not mapped',
  PredictionUpdated: 'prediction; not mapped',
};

/** The `unknown` reason of a known but unmapped event name, if it is one. */
export function unmappedReason(name: string): string | undefined {
  return Object.hasOwn(UNMAPPED_REASON, name) ? UNMAPPED_REASON[name] : undefined;
}

/** The frame as an `unknown` event (never dropped), with an optional reason. */
export function unknownEvent(frame: DecodedFrame, context: NormalizeContext, reason?: string): NormalizedFrame {
  const event = createKickEvent({
    source: 'kick',
    type: 'unknown',
    data: reason === undefined ? { kind: frame.name, payload: frame.data } : { kind: frame.name, payload: frame.data, reason },
    meta: metaOf(context),
  });
  return { event };
}

/** A known event without the fields it needs: `unknown` with a `malformed:` reason and a `problem`. */
export function malformed(frame: DecodedFrame, context: NormalizeContext, missing: string): NormalizedFrame {
  const problem = `${frame.name} on ${frame.channel ?? '?'} lacks ${missing}`;
  return { ...unknownEvent(frame, context, `malformed: ${problem}`), problem };
}

/** Copies `data` without its undefined fields (building a fresh object keeps it in fast mode, unlike `delete`). */
export function stripUndefined(data: Data): Data {
  const out: Data = {};
  for (const key in data) if (data[key] !== undefined) out[key] = data[key];
  return out;
}
