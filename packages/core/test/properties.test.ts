import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventBus, parseEvent, RuleEngine, validateRules, ValidationError, type RuleInput } from '@vmsc/core';
import { clientMessageSchema, serverMessageSchema } from '@vmsc/core/protocol';
import { checkProperty, mutatedJsonOf, sampleEvents, type JsonLike } from '@vmsc/testing';

const samples = sampleEvents().map((event) => JSON.parse(JSON.stringify(event)) as JsonLike);

/** A rules file that uses every part of the schema: conditions, cooldowns, run modes, every action kind. */
const realRules: JsonLike[] = [
  {
    id: '6f1c1f0e-5d64-4d8e-9a3e-1a2b3c4d5e6f',
    name: 'big gifts',
    trigger: { types: ['gift', 'cheer'], sources: ['tiktok', 'twitch'] },
    conditions: {
      all: [
        { path: 'data.diamondCount', op: '>=', value: 100 },
        {
          any: [
            { path: 'data.giftName', op: 'matches', value: '^(Rose|Lion)$' },
            { path: 'user.id', op: 'in', value: ['1', '2'] },
          ],
        },
        { not: { path: 'meta.simulated', op: 'exists', value: true } },
      ],
    },
    cooldown: { globalMs: 1000, perUserMs: 5000 },
    run: { mode: 'queue', maxLength: 10, overflow: 'drop-newest' },
    actions: [
      { type: 'log', message: '{{user.nickname}} sent {{data.giftName}}' },
      { type: 'delay', ms: 10 },
      { type: 'counter', name: 'diamonds', by: '{{data.diamondCount}}' },
      { type: 'setVariable', name: 'last', value: '{{user.username}}' },
      { type: 'random', choices: [{ weight: 1, actions: [{ type: 'call', action: 'obs.scene', params: { scene: 'A' } }] }] },
      { type: 'emit', event: { type: 'chat', data: { message: 'thanks {{user.nickname}}' } } },
    ],
  },
  {
    id: '0b7a4f2e-2c1d-4e3f-8a9b-0c1d2e3f4a5b',
    name: 'follows',
    trigger: { types: ['follow'] },
    actions: [{ type: 'call', action: 'record' }],
  },
];

describe('parseEvent: any value ends as a valid event or a ValidationError with issues', () => {
  function check(value: unknown): void {
    const result = parseEvent(value);
    if (result.ok) {
      expect(parseEvent(JSON.parse(JSON.stringify(result.event))).ok).toBe(true);
    } else {
      expect(result.error).toBeInstanceOf(ValidationError);
      expect(result.error.issues.length).toBeGreaterThan(0);
      for (const issue of result.error.issues) expect(typeof issue.message).toBe('string');
    }
  }

  it('arbitrary values', () => {
    checkProperty('core parseEvent(arbitrary value)', fc.anything(), check, { numRuns: 1000 });
  });

  it('mutated sample events of every platform', () => {
    checkProperty('core parseEvent(mutated sample event)', mutatedJsonOf(samples), check, { numRuns: 2000 });
  });
});

describe('validateRules: any rules file ends as rules the engine accepts or issues by path', () => {
  function check(value: JsonLike): void {
    let result: ReturnType<typeof validateRules>;
    try {
      result = validateRules(value);
    } catch (error) {
      throw new Error(`validateRules threw: ${String(error)}`);
    }
    if (!result.ok) {
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(typeof issue.path).toBe('string');
      return;
    }
    // Valid rules: the engine takes them, and explaining any event against them never throws.
    const engine = new RuleEngine({ bus: new EventBus(), logger: () => undefined, listen: false });
    try {
      engine.addRules(result.rules as RuleInput[]);
      for (const rule of engine.listRules()) {
        for (const event of sampleEvents().slice(0, 8)) engine.explain(rule.id, event);
      }
    } finally {
      engine.close();
    }
  }

  it('arbitrary JSON', () => {
    checkProperty('core validateRules(arbitrary JSON)', fc.jsonValue() as fc.Arbitrary<JsonLike>, check, { numRuns: 1000 });
  });

  it('mutated real rules files', () => {
    expect(validateRules(realRules).ok).toBe(true);
    const files: JsonLike[] = [realRules, { rules: realRules }, [realRules[1]!]];
    checkProperty('core validateRules(mutated rules file)', mutatedJsonOf(files), check, { numRuns: 1500 });
  });
});

describe('custom WS protocol schemas: safeParse never throws', () => {
  const clientMessages: JsonLike[] = [
    { action: 'hello', protocolVersion: 1, requestId: 1 },
    { action: 'subscribe', eventTypes: ['chat'], sources: ['twitch'], since: 'b3c1d3e0-0000-4000-8000-000000000000', requestId: 'a' },
    { action: 'triggerRule', ruleName: 'big gifts', requestId: 2 },
    { action: 'injectEvent', event: { type: 'chat', source: 'custom', user: { id: '1', username: 'u' }, data: { message: 'hi' } } },
  ];

  it('client messages (arbitrary and mutated)', () => {
    checkProperty(
      'core clientMessageSchema(arbitrary / mutated message)',
      fc.oneof(fc.jsonValue() as fc.Arbitrary<JsonLike>, mutatedJsonOf(clientMessages)),
      (value) => {
        const result = clientMessageSchema.safeParse(value);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      },
      { numRuns: 1000 },
    );
  });

  it('server messages (mutated events)', () => {
    const events = samples.slice(0, 20).map((event): JsonLike => ({ action: 'event', event }));
    checkProperty(
      'core serverMessageSchema(mutated event message)',
      mutatedJsonOf(events),
      (value) => {
        const result = serverMessageSchema.safeParse(value);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      },
      { numRuns: 500 },
    );
  });
});
