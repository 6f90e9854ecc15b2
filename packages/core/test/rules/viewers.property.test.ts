import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEvent, EventBus, RuleEngine, type StreamEvent } from '@vmsc/core';

/** A small cast of viewers: a Twitch id per name, and the same names relayed by Streamlabs without ids. */
const names = ['ann', 'bea', 'cid', 'dot', 'eve', 'fay'];
const idOf = (name: string) => String(1000 + names.indexOf(name));

/** One event of the stream: a Twitch chat message (stable id) or a Streamlabs tip relayed for Twitch (name only). */
const streamEvent = fc.record({ name: fc.constantFrom(...names), relayed: fc.boolean() }).map(({ name, relayed }): StreamEvent =>
  relayed
    ? createEvent({
        source: 'streamlabs',
        type: 'tip',
        user: { id: name, username: name.toUpperCase(), nickname: name },
        data: { amount: 1, currency: 'USD', formattedAmount: '$1.00', message: '' },
        meta: { platform: 'twitch' },
      } as never)
    : createEvent({ source: 'twitch', type: 'chat', user: { id: idOf(name), username: name, nickname: name }, data: { message: 'hi' } }),
);

describe('viewer store', () => {
  it('bounded, and no point is lost: kept + evicted points = points given, whatever the order of relays, chats and evictions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(streamEvent, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (events, maxViewers) => {
        const bus = new EventBus({ idMemory: 10 });
        const engine = new RuleEngine({ bus, maxViewers, logger: () => undefined });
        let evicted = 0;
        bus.onNotice('viewer-evicted', (notice) => {
          evicted += Number(notice.vars.points ?? 0);
        });
        engine.addRule({ id: crypto.randomUUID(), name: 'points', trigger: {}, actions: [{ type: 'addPoints', amount: 1 }] });
        for (const event of events) {
          bus.publish(event);
          await engine.idle();
          expect(engine.viewerCount).toBeLessThanOrEqual(maxViewers);
        }
        const kept = engine.getState().viewers.reduce((sum, viewer) => sum + Number(viewer.vars.points ?? 0), 0);
        expect(kept + evicted).toBe(events.length);
        // A viewer seen with their stable id never also has a name-keyed record (their points were merged).
        const keys = new Set(engine.getState().viewers.map((viewer) => viewer.id));
        for (const name of names) expect(keys.has(idOf(name)) && keys.has(name)).toBe(false);
        // Saved and restored, the viewers are the same.
        const restored = new RuleEngine({ bus: new EventBus(), maxViewers, logger: () => undefined });
        restored.loadState(JSON.parse(JSON.stringify(engine.getState())));
        expect(restored.getState().viewers).toEqual(engine.getState().viewers);
        engine.close();
        restored.close();
      }),
      { numRuns: 200 },
    );
  });
});
