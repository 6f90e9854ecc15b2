import { createEvent, type StreamEvent } from '@vmsc/core';

/** Realistic samples of every heart rate event type (fresh ids and timestamps each call). */
export function heartrateSamples(): StreamEvent[] {
  const now = Date.now();
  return [
    createEvent({ source: 'heartrate', type: 'bpm_update', data: { bpm: 87, measuredAt: now - 120, provider: 'pulsoid' } }),
    createEvent({
      source: 'heartrate',
      type: 'unknown',
      data: {
        kind: 'clip:created',
        payload: { twitch_slug: 'FuriousExuberantTruffleCmonBruh-AmSuUmskamv8RPin' },
        reason: 'HypeRate clips topic: no VMSC event type',
      },
      meta: { channel: 'internal-testing' },
    }),
  ];
}
