/**
 * Floor tasks: the least any implementation of the spec does to turn a parsed frame into an event.
 * The event pieces a connector maps from the frame (type, user, data, meta, timestamp) are taken
 * from the real normalizer, once, outside the timed loop; per frame the floor pays only what the
 * spec requires of every event: its UUID v4 id (a fresh one from core's `newEventId`, unless the
 * connector uses the platform's) and the event object,
 * plus, where a connector must check a frame's shape against the catalogue, that check.
 *
 * @packageDocumentation
 */
import { newEventId, validateData, type StreamEvent } from '@vmsc/core';

/** What a normalizer mapped from one frame, kept to rebuild the event at the floor's cost. */
export interface MappedPieces {
  /** The platform's own id when the connector uses it as the event id (Kick's UUIDs); else a new one per event. */
  platformId: string | undefined;
  type: string;
  source: string;
  timestamp: number;
  user: StreamEvent['user'];
  data: unknown;
  meta: StreamEvent['meta'];
}

/** The pieces of a normalized event; `frame`, the frame's text, tells whether its id came from the platform. */
export function piecesOf(event: StreamEvent, frame: string): MappedPieces {
  return {
    platformId: frame.includes(event.id) ? event.id : undefined,
    type: event.type,
    source: event.source,
    timestamp: event.timestamp,
    user: event.user,
    data: event.data,
    meta: event.meta,
  };
}

/**
 * The event at the floor's cost: a new UUID v4 and one object literal (`raw` the parsed frame).
 * `timestamp`: pass `Date.now()` for a platform that sends no time (the event must still have one).
 */
export function floorEvent(pieces: MappedPieces, raw: unknown, timestamp: number = pieces.timestamp): StreamEvent {
  return {
    id: pieces.platformId ?? newEventId(),
    type: pieces.type,
    source: pieces.source,
    timestamp,
    user: pieces.user,
    data: pieces.data,
    raw,
    meta: pieces.meta,
  } as StreamEvent;
}

/** {@link floorEvent} after the catalogue's shape check of its data (`validateData`), as a checking connector does. */
export function checkedFloorEvent(pieces: MappedPieces, raw: unknown): StreamEvent | undefined {
  const checked = validateData(pieces.source, pieces.type, pieces.data);
  return checked.ok ? floorEvent(pieces, raw) : undefined;
}

/** How close to its floor a candidate must stay. */
export const AT_THE_FLOOR = 1.15;

/** The floor target of `candidate`: within {@link AT_THE_FLOOR} of the `floor` task. */
export function floorTarget(candidate: string, floor: string): { label: string; task: string; against: string; max: number } {
  return { label: `at the floor (within ${AT_THE_FLOOR}x of it)`, task: candidate, against: floor, max: AT_THE_FLOOR };
}
