import { createEvent, type StreamEvent } from '@vmsc/core';

/** Realistic samples of every heart rate event type (fresh ids and timestamps each call). */
export function heartrateSamples(): StreamEvent[] {
  return [
    createEvent({ source: 'heartrate', type: 'bpm_update', data: { bpm: 87, measuredAt: Date.now() } }),
    createEvent({ source: 'heartrate', type: 'unknown', data: { kind: 'clip_created', payload: {} } }),
  ];
}
