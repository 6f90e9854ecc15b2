import { newEventId, type EventData, type EventMeta, type PlatformEvent, type PlatformEventType, type StreamUser } from '@vmsc/core';

/**
 * Builds a `streamelements` StreamEvent in one object literal: what `createEvent` does, minus its
 * optional-field checks, because this runs once per activity on the hot path (see the benchmark).
 */
export function streamelementsEvent<T extends PlatformEventType<'streamelements'>>(
  type: T,
  user: StreamUser,
  data: EventData<'streamelements', T>,
  meta: EventMeta,
  raw: unknown,
  timestamp: number,
): PlatformEvent<'streamelements'> {
  return {
    id: newEventId(),
    type,
    source: 'streamelements',
    timestamp,
    user,
    data,
    raw,
    meta,
  } as unknown as PlatformEvent<'streamelements'>;
}
