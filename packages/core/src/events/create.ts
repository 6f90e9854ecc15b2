import { ValidationError } from '../errors.js';
import type { EventMeta } from './meta.js';
import type {
  CustomSourceEvent,
  DataOfType,
  EventData,
  Platform,
  PlatformEvent,
  PlatformEventType,
  StreamEventType,
} from './stream-event.js';
import { systemUser, type StreamUser } from './user.js';
import { validateData } from './validate.js';

/** The event types a source may use: a platform's own, or any catalogue type for a custom source. */
export type TypesFor<S extends string> = S extends Platform ? PlatformEventType<S> : StreamEventType;

/** The data payload for source `S` and type `T`. */
export type DataFor<S extends string, T extends string> = S extends Platform
  ? T extends PlatformEventType<S>
    ? EventData<S, T>
    : never
  : T extends StreamEventType
    ? DataOfType<T>
    : never;

/** The event produced for source `S` and type `T`. */
export type EventFor<S extends string, T extends string> = S extends Platform
  ? PlatformEvent<S, T>
  : T extends StreamEventType
    ? CustomSourceEvent<T>
    : never;

/** What {@link createEvent} takes: the event without `id`/`timestamp`, which it fills in. */
export interface CreateEventInput<S extends string, T extends string> {
  source: S;
  type: T;
  data: DataFor<S, T>;
  /** Defaults to the {@link systemUser} placeholder. */
  user?: StreamUser;
  /** Defaults to a new UUID v4. */
  id?: string;
  /** Defaults to now (Unix epoch ms). */
  timestamp?: number;
  raw?: unknown;
  meta?: EventMeta;
}

/** Options of {@link createEvent}. */
export interface CreateEventOptions {
  /**
   * Validate `data` against the catalogue at run time and throw a {@link ValidationError} naming
   * every problem. Off by default: the types already check it, and connectors build events on the
   * hot path.
   */
  validate?: boolean;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const POOL = new Uint8Array(16 * 256);
let poolOffset = POOL.length;

/**
 * A new random UUID v4 (RFC 9562), from the Web Crypto CSPRNG (Node 20 and browsers). Random bytes
 * are drawn 4 KiB at a time, which makes this cheaper than `crypto.randomUUID()` per call on the hot
 * path of every connector.
 */
export function newEventId(): string {
  if (poolOffset + 16 > POOL.length) {
    globalThis.crypto.getRandomValues(POOL);
    poolOffset = 0;
  }
  const b = POOL;
  const o = poolOffset;
  poolOffset += 16;
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
 * Builds a typed {@link StreamEvent}, filling `id` (UUID v4) and `timestamp` (now).
 *
 * @example
 * ```ts
 * const gift = createEvent({
 *   source: 'tiktok',
 *   type: 'gift',
 *   user: { id: '6812', username: 'rosefan', nickname: 'Rose Fan' },
 *   data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
 * });
 * ```
 * @throws {@link ValidationError} only with `{ validate: true }`, when `data` does not match.
 */
export function createEvent<S extends string, T extends TypesFor<S>>(
  input: CreateEventInput<S, T>,
  options?: CreateEventOptions,
): EventFor<S, T> {
  let data = input.data as Record<string, unknown>;
  if (options?.validate) {
    const checked = validateData(input.source, input.type, input.data);
    if (!checked.ok) throw new ValidationError(`invalid ${input.source} ${input.type} event`, checked.issues);
    data = checked.data;
  }
  const event: Record<string, unknown> = {
    id: input.id ?? newEventId(),
    type: input.type,
    source: input.source,
    timestamp: input.timestamp ?? Date.now(),
    user: input.user ?? systemUser(),
    data,
  };
  if (input.raw !== undefined) event.raw = input.raw;
  if (input.meta !== undefined) event.meta = input.meta;
  return event as unknown as EventFor<S, T>;
}
