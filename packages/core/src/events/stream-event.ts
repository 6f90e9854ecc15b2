import type { z } from 'zod';
import type { Catalogue } from './catalogue/index.js';
import type { EventMeta } from './meta.js';
import type { StreamUser } from './user.js';

/** A built-in platform: the `source` of the events its connector emits. */
export type Platform = keyof Catalogue;

/** The event types a platform emits. */
export type PlatformEventType<P extends Platform = Platform> = P extends Platform ? keyof Catalogue[P] & string : never;

/** Every event type of every platform (the spec's `StreamEventType`). */
export type StreamEventType = PlatformEventType<Platform>;

/** The `data` payload of event type `T` from platform `P`. */
export type EventData<P extends Platform, T extends PlatformEventType<P>> = z.output<Catalogue[P][T]>;

/** The platforms that emit event type `T`. */
export type PlatformsWithType<T extends StreamEventType> = {
  [P in Platform]: T extends PlatformEventType<P> ? P : never;
}[Platform];

/** The `data` of event type `T` from any platform (a union where platforms differ). */
export type DataOfType<T extends StreamEventType> = {
  [P in PlatformsWithType<T>]: EventData<P, T & PlatformEventType<P>>;
}[PlatformsWithType<T>];

/**
 * The source of an event that does not come from a built-in platform: a game, a custom WS client,
 * a script (`"my-game"`). Any string works; the `& {}` keeps editor completion for the platforms.
 */
export type CustomSource = string & {};

/** The fields every event shares (spec 002's `StreamEvent` interface). */
export interface StreamEventBase<S extends string, T extends string, D> {
  /** Unique event identifier (UUID v4). */
  id: string;
  /** The event type. */
  type: T;
  /** Origin: a {@link Platform} or a custom source name. */
  source: S;
  /** Unix epoch milliseconds. */
  timestamp: number;
  /** Who the event is about. */
  user: StreamUser;
  /** The type-specific payload. */
  data: D;
  /** The unprocessed source data, for debugging only: its shape may change without notice. */
  raw?: unknown;
  /** Delivery metadata (VMSC extension; optional). */
  meta?: EventMeta;
}

/** An event of type `T` from built-in platform `P` (unions distribute). */
export type PlatformEvent<P extends Platform = Platform, T extends string = PlatformEventType<P>> = P extends Platform
  ? {
      [U in T & PlatformEventType<P>]: StreamEventBase<P, U, EventData<P, U>>;
    }[T & PlatformEventType<P>]
  : never;

/**
 * An event from a custom source. It may use any catalogue type; its data must match that type's
 * payload on one of the platforms that define it.
 */
export type CustomSourceEvent<T extends StreamEventType = StreamEventType> = T extends StreamEventType
  ? StreamEventBase<CustomSource, T, DataOfType<T>>
  : never;

/**
 * An event as it flows through VMSC: a discriminated union on `type` (and on `source` for built-in
 * platforms), so that narrowing on `type` types `data`.
 */
export type StreamEvent = PlatformEvent | CustomSourceEvent;

/** Every event of type `T`, from any platform or custom source. */
export type EventOfType<T extends StreamEventType> = Extract<StreamEvent, { type: T }>;
