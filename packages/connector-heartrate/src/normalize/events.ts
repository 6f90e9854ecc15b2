import { createEvent, newEventId, systemUser, type EventMeta, type PlatformEvent } from '@vmsc/core';

/** Every event the heart rate connectors publish: `bpm_update` or `unknown`, source `heartrate`. */
export type HeartRateEvent = PlatformEvent<'heartrate'>;

/** Which service a reading came from. */
export type HeartRateProvider = 'pulsoid' | 'hyperate';

/**
 * Builds a `bpm_update` received at `receivedAt` (its `timestamp`). A reading of 0 is published with
 * `inactive: true` (the service's way of saying "no sensor"), never dropped.
 *
 * The event is one object literal (what `createEvent` builds, without its optional-field checks):
 * this runs once per reading, several times a second per sensor (see the heart rate benchmark).
 */
export function bpmUpdate(
  bpm: number,
  measuredAt: number,
  provider: HeartRateProvider,
  raw: unknown,
  receivedAt: number,
  meta?: EventMeta,
): HeartRateEvent {
  const data = bpm === 0 ? { bpm, measuredAt, provider, inactive: true } : { bpm, measuredAt, provider };
  const event =
    meta === undefined
      ? { id: newEventId(), type: 'bpm_update', source: 'heartrate', timestamp: receivedAt, user: systemUser(), data, raw }
      : { id: newEventId(), type: 'bpm_update', source: 'heartrate', timestamp: receivedAt, user: systemUser(), data, raw, meta };
  return event as HeartRateEvent;
}

/** Builds an `unknown` event for a message no mapping covers. */
export function unknownEvent(kind: string, payload: unknown, reason: string, receivedAt?: number, meta?: EventMeta): HeartRateEvent {
  return createEvent({
    id: newEventId(),
    ...(receivedAt === undefined ? {} : { timestamp: receivedAt }),
    source: 'heartrate',
    type: 'unknown',
    data: { kind, payload, reason },
    raw: payload,
    meta,
  });
}

/** A finite, non-negative number from a number or a numeric string; undefined otherwise. */
export function readingValue(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}
