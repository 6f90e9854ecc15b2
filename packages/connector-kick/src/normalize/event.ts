import {
  newEventId,
  systemUser,
  type EventData,
  type EventMeta,
  type PlatformEvent,
  type PlatformEventType,
  type StreamUser,
} from '@vmsc/core';

/**
 * Kick's own id when it is a UUID v4 (chat message ids and Kicks transaction ids are), so that the
 * same Kick message always becomes the same event id (the bus's same-id suppression then catches a
 * double delivery); `undefined` otherwise, and a fresh id is drawn.
 */
export function platformUuid(id: unknown): string | undefined {
  if (typeof id !== 'string' || id.length !== 36) return undefined;
  // Shape check only (dashes, version 4, RFC variant): the ids come from Kick's own UUID generator.
  const variant = id.charCodeAt(19);
  return id.charCodeAt(8) === 45 &&
    id.charCodeAt(13) === 45 &&
    id.charCodeAt(18) === 45 &&
    id.charCodeAt(23) === 45 &&
    id.charCodeAt(14) === 52 &&
    (variant === 56 || variant === 57 || variant === 97 || variant === 98)
    ? id
    : undefined;
}

/** Kick event types. */
export type KickEventType = PlatformEventType<'kick'>;

/**
 * Builds a typed Kick StreamEvent with one fixed object shape (what `createEvent` does, minus its
 * generic plumbing, for the per-frame hot path). `meta` is always present (possibly undefined is
 * dropped) so every event has the same hidden class.
 */
export function kickEvent<T extends KickEventType>(
  type: T,
  data: EventData<'kick', T>,
  user: StreamUser | undefined,
  timestamp: number | undefined,
  meta: EventMeta | undefined,
  id?: string,
): PlatformEvent<'kick', T> {
  const event = {
    id: id ?? newEventId(),
    type,
    source: 'kick' as const,
    timestamp: timestamp ?? Date.now(),
    user: user ?? systemUser(),
    data,
  } as PlatformEvent<'kick', T> & { meta?: EventMeta };
  if (meta !== undefined) event.meta = meta;
  return event;
}

/** The input of {@link createKickEvent}: `createEvent`'s, for source `kick`. */
export interface KickEventInput<T extends KickEventType> {
  source: 'kick';
  type: T;
  data: EventData<'kick', T>;
  user?: StreamUser;
  timestamp?: number | undefined;
  meta?: EventMeta | undefined;
  /** The event id (default: a fresh UUID v4). */
  id?: string | undefined;
}

/** `createEvent` for Kick on the hot path (pooled UUIDs, one object shape). */
export function createKickEvent<T extends KickEventType>(input: KickEventInput<T>): PlatformEvent<'kick', T> {
  return kickEvent(input.type, input.data, input.user, input.timestamp, input.meta, input.id);
}
