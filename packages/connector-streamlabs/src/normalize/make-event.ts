import { newEventId, type EventData, type EventMeta, type PlatformEvent, type PlatformEventType, type StreamUser } from '@vmsc/core';

/**
 * Builds a `streamlabs` StreamEvent in one object literal: what `createEvent` does, minus its
 * optional-field checks, because this runs once per alert on the hot path (see the benchmark).
 */
export function streamlabsEvent<T extends PlatformEventType<'streamlabs'>>(
  type: T,
  user: StreamUser,
  data: EventData<'streamlabs', T>,
  meta: EventMeta,
  raw: unknown,
): PlatformEvent<'streamlabs'> {
  return {
    id: newEventId(),
    type,
    source: 'streamlabs',
    timestamp: Date.now(),
    user,
    data,
    raw,
    meta,
  } as unknown as PlatformEvent<'streamlabs'>;
}
