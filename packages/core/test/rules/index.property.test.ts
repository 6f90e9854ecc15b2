import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEvent, type Condition, type StreamEvent } from '@vmsc/core';
import { compileCondition } from '../../src/rules/conditions.js';
import { triggerMatches } from '../../src/rules/compiled-rule.js';
import { rule, setup } from './helpers.js';

const types = ['gift', 'chat', 'follow'] as const;
const sources = ['tiktok', 'twitch', 'kick'] as const;
const userIds = ['u1', 'u2', 'u3'];

const field: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ path: fc.constant('user.id'), op: fc.constant('==' as const), value: fc.constantFrom(...userIds) }),
  fc.record({ path: fc.constant('data.n'), op: fc.constant('==' as const), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ path: fc.constant('data.n'), op: fc.constantFrom('>=' as const, '<' as const), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ path: fc.constant('user.id'), op: fc.constant('in' as const), value: fc.subarray(userIds, { minLength: 1 }) }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    field,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;

const trigger = fc.option(
  fc.record(
    { types: fc.subarray([...types], { minLength: 1 }), sources: fc.subarray([...sources], { minLength: 1 }) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const ruleSpec = fc.record({ trigger, conditions: fc.option(condition, { nil: undefined }), enabled: fc.boolean() });
const eventSpec = fc.record({
  type: fc.constantFrom(...types),
  source: fc.constantFrom(...sources),
  user: fc.constantFrom(...userIds),
  n: fc.integer({ min: 0, max: 3 }),
});

describe('trigger index', () => {
  it('fires exactly the rules a linear scan (trigger + conditions) selects, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ruleSpec, { maxLength: 25 }),
        fc.array(eventSpec, { minLength: 1, maxLength: 8 }),
        async (specs, eventSpecs) => {
          const { bus, engine, calls } = setup();
          const rules = specs.map((spec) => engine.addRule(rule({ ...spec, trigger: spec.trigger })));
          const events: StreamEvent[] = eventSpecs.map(
            (spec) =>
              createEvent({
                source: spec.source,
                type: spec.type,
                user: { id: spec.user, username: spec.user, nickname: spec.user },
                data: { n: spec.n },
              } as never) as StreamEvent,
          );
          const expected: string[] = [];
          for (const event of events) {
            for (const added of rules) {
              const scope = { event, vars: {}, rule: { id: added.id, name: added.name } };
              if (added.enabled && triggerMatches(added, event) && (!added.conditions || compileCondition(added.conditions)(scope))) {
                expected.push(`${event.id}:${added.name}`);
              }
            }
            bus.publish(event);
          }
          await engine.idle();
          expect(calls.map((call) => `${call.event?.id}:${call.rule}`)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
