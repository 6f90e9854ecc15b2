import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent, EventBus, type StreamEvent } from '@vmsc/core';

const sources = ['twitch', 'streamelements', 'streamlabs'] as const;
type Source = (typeof sources)[number];

/** A Twitch follow as received from `source` (the aggregators relay it with `meta.platform`). */
function follow(source: Source, username: string): StreamEvent {
  return createEvent({
    source,
    type: 'follow',
    user: { id: `${source}-${username}`, username, nickname: username },
    data: {},
    ...(source === 'twitch' ? {} : { meta: { platform: 'twitch' } }),
  });
}

const arrival = fc.record({
  afterMs: fc.integer({ min: 0, max: 1_500 }),
  source: fc.constantFrom(...sources),
  username: fc.constantFrom('viewer1', 'Viewer1', 'viewer2'),
  /** Re-publish the previous event object's id (a same-id duplicate) instead of a new event. */
  repeat: fc.boolean(),
});

describe('cross-source dedupe (property)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('every published event is delivered or reported, never both, never neither, for any window, hold and arrival order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.shuffledSubarray([...sources]),
        fc.array(arrival, { minLength: 1, maxLength: 12 }),
        (windowMs, holdMs, priority, arrivals) => {
          vi.useFakeTimers();
          try {
            const bus = new EventBus({ crossSourceDedupe: { windowMs, holdMs, priority } });
            const delivered = new Map<StreamEvent, number>();
            const dropped = new Map<StreamEvent, number>();
            const count = (map: Map<StreamEvent, number>, event: StreamEvent) => map.set(event, (map.get(event) ?? 0) + 1);
            bus.onAny((event) => count(delivered, event));
            bus.onNotice('deduped', (notice) => count(dropped, notice.dropped));
            const published: StreamEvent[] = [];
            for (const { afterMs, source, username, repeat } of arrivals) {
              vi.advanceTimersByTime(afterMs);
              const previous = published.at(-1);
              const event = repeat && previous ? { ...previous } : follow(source, username);
              published.push(event);
              bus.publish(event);
            }
            vi.advanceTimersByTime(holdMs + 1);
            for (const event of published) {
              const outcomes = (delivered.get(event) ?? 0) + (dropped.get(event) ?? 0);
              expect(outcomes, `event ${event.id} from ${event.source}`).toBe(1);
            }
            expect([...delivered.keys(), ...dropped.keys()].every((event) => published.includes(event))).toBe(true);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holdMs longer than windowMs: the held copy is still delivered when its hold ends', () => {
    vi.useFakeTimers();
    const bus = new EventBus({ crossSourceDedupe: { windowMs: 100, holdMs: 500, priority: ['twitch', 'streamelements'] } });
    const delivered: StreamEvent[] = [];
    bus.onAny((event) => delivered.push(event));
    const relayed = follow('streamelements', 'viewer1');
    bus.publish(relayed);
    vi.advanceTimersByTime(200);
    bus.publish(follow('streamelements', 'viewer2')); // prunes the window while the first is held
    vi.advanceTimersByTime(500);
    expect(delivered[0]).toBe(relayed);
  });
});
