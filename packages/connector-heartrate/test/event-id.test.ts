import { describe, expect, it } from 'vitest';
import { createEvent, parseEvent } from '@vmsc/core';
import { nextEventId } from '../src/normalize/event-id.js';

describe('nextEventId', () => {
  it('returns distinct RFC 9562 UUIDs (version 8) that the event schema accepts, across the 256-id formatting boundary', () => {
    const ids = Array.from({ length: 5_000 }, () => nextEventId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0]!, ids[255]!, ids[256]!, ids[4_999]!]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const event = createEvent({ id, source: 'heartrate', type: 'bpm_update', data: { bpm: 60, measuredAt: 1 } });
      expect(parseEvent(event).ok).toBe(true);
    }
  });
});
