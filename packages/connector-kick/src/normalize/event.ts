import { systemUser, type EventData, type EventMeta, type PlatformEvent, type PlatformEventType, type StreamUser } from '@vmsc/core';

const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
const POOL_SIZE = 16 * 512;
const pool = new Uint8Array(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * A random (v4) UUID from a pooled `crypto.getRandomValues` buffer: the same randomness as
 * `crypto.randomUUID()`, formatted with a byte → hex table.
 */
export function fastUuid(): string {
  if (offset === POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool);
    offset = 0;
  }
  const o = offset;
  offset += 16;
  const b = pool;
  return (
    HEX[b[o]!]! +
    HEX[b[o + 1]!]! +
    HEX[b[o + 2]!]! +
    HEX[b[o + 3]!]! +
    '-' +
    HEX[b[o + 4]!]! +
    HEX[b[o + 5]!]! +
    '-' +
    HEX[(b[o + 6]! & 0x0f) | 0x40]! +
    HEX[b[o + 7]!]! +
    '-' +
    HEX[(b[o + 8]! & 0x3f) | 0x80]! +
    HEX[b[o + 9]!]! +
    '-' +
    HEX[b[o + 10]!]! +
    HEX[b[o + 11]!]! +
    HEX[b[o + 12]!]! +
    HEX[b[o + 13]!]! +
    HEX[b[o + 14]!]! +
    HEX[b[o + 15]!]!
  );
}

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
    id: id ?? fastUuid(),
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
