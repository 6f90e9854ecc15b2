import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent, EventBus, RuleEngine, ValidationError } from '@vmsc/core';
import { chat, gift, rule, setup } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (weights: number[], noRepeat = false) =>
  rule({
    name: 'pick',
    trigger: undefined,
    actions: [
      {
        type: 'random',
        noRepeat,
        choices: weights.map((weight, index) => ({
          weight,
          actions: [{ type: 'call' as const, action: 'record', params: { choice: index } }],
        })),
      },
    ],
  });

describe('weighted random choice', () => {
  it('picks by weight', async () => {
    const { engine, calls } = setup({ random: seeded(42) });
    engine.addRule(pick([1, 3, 6]));
    for (let i = 0; i < 3000; i++) await engine.trigger('pick');
    const counts = [0, 0, 0];
    for (const call of calls) counts[call.params.choice as number]!++;
    expect(counts[0]! / 3000).toBeCloseTo(0.1, 1);
    expect(counts[1]! / 3000).toBeCloseTo(0.3, 1);
    expect(counts[2]! / 3000).toBeCloseTo(0.6, 1);
  });

  it('no repeat until all used, whatever the weights; the run records the choice', async () => {
    const { engine, calls } = setup({ random: seeded(7) });
    engine.addRule(pick([100, 1, 1, 1], true));
    const recorded: unknown[] = [];
    for (let round = 0; round < 5; round++) {
      const seen = new Set<unknown>();
      for (let i = 0; i < 4; i++) {
        const run = await engine.trigger('pick');
        recorded.push(run.actions[0]!.output);
        seen.add(calls.at(-1)!.params.choice);
      }
      expect(seen.size).toBe(4);
    }
    expect(recorded).toHaveLength(20);
  });

  it('explain shows each choice probability with the no-repeat memory applied', async () => {
    const { engine } = setup({ random: () => 0 });
    engine.addRule(pick([1, 1, 2], true));
    await engine.trigger('pick');
    const [preview] = engine.explain('pick', gift()).actions;
    expect(preview!.choices!.map((choice) => choice.probability)).toEqual([0, 1 / 3, 2 / 3]);
  });
});

describe('counters, variables and state persistence', () => {
  it('counters add (templated) amounts; conditions and templates read vars', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(
      rule({
        name: 'tally',
        actions: [
          { type: 'counter', name: 'diamonds', by: '{{data.diamondCount}}' },
          { type: 'counter', name: 'gifts' },
          { type: 'setVariable', name: 'lastGifter', value: { id: '{{user.id}}', name: '{{user.nickname}}' } },
        ],
      }),
    );
    engine.addRule(
      rule({
        name: 'goal',
        trigger: { types: ['gift'] },
        conditions: {
          all: [
            { path: 'vars.diamonds', op: '>=', value: 100 },
            { path: 'vars.goalDone', op: 'exists', value: false },
          ],
        },
        actions: [
          { type: 'setVariable', name: 'goalDone', value: true },
          { type: 'call', action: 'record', params: { text: 'goal reached: {{vars.diamonds}} by {{vars.lastGifter.name}}' } },
        ],
      }),
    );
    bus.publish(gift({ diamondCount: 99 }));
    await engine.idle();
    expect(calls).toHaveLength(0);
    bus.publish(gift({ diamondCount: 5 }));
    await engine.idle();
    bus.publish(gift({ diamondCount: 1 }));
    await engine.idle();
    expect(calls.map((call) => call.params.text)).toEqual(['goal reached: 104 by Rose Fan']);
    expect(engine.getVariable('diamonds')).toBe(105);
    expect(engine.getVariable('gifts')).toBe(3);
    expect(engine.getVariable('lastGifter')).toEqual({ id: '7034582914412233733', name: 'Rose Fan' });
  });

  it('a counter on a non-number fails the run with a clear error', async () => {
    const { engine } = setup();
    engine.setVariable('label', 'text');
    engine.addRule(rule({ name: 'bad', trigger: undefined, actions: [{ type: 'counter', name: 'label' }] }));
    engine.addRule(rule({ name: 'bad step', trigger: undefined, actions: [{ type: 'counter', name: 'n', by: '{{data.giftName}}' }] }));
    expect((await engine.trigger('bad')).error).toMatchObject({
      code: 'RULE_COUNTER_NOT_NUMBER',
      message: expect.stringContaining('"text"'),
    });
    expect((await engine.trigger('bad step', gift())).error?.code).toBe('RULE_COUNTER_NOT_NUMBER');
    expect(() => engine.setVariable('x', Number.NaN)).toThrow(ValidationError);
  });

  it('cooldowns, counters and no-repeat memory survive a restart through JSON', async () => {
    vi.useFakeTimers();
    const rules = [
      rule({ name: 'cd', cooldown: { globalMs: 60_000, perUserMs: 120_000 }, actions: [{ type: 'counter', name: 'n' }] }),
      pick([1, 1, 1], true),
    ];
    const first = new RuleEngine({ bus: new EventBus(), rules, random: () => 0 });
    first.registerAction('record', () => undefined);
    await first.trigger('cd', gift(), { applyCooldowns: true });
    await first.trigger('pick');
    const saved = JSON.stringify(first.getState());
    first.close();

    vi.advanceTimersByTime(30_000);
    const bus = new EventBus();
    const second = new RuleEngine({ bus, rules, random: () => 0 });
    const seen: unknown[] = [];
    second.registerAction('record', (params) => seen.push(params.choice));
    second.loadState(JSON.parse(saved));
    expect(second.getVariable('n')).toBe(1);
    expect(second.explain('cd', gift()).cooldowns.map((block) => [block.kind, block.remainingMs])).toEqual([
      ['global', 30_000],
      ['perUser', 90_000],
    ]);
    expect((await second.trigger('cd', gift(), { applyCooldowns: true })).outcome).toBe('cooldown');
    await second.trigger('pick');
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(90_000);
    expect(second.getState().cooldowns).toEqual({});
    expect(() => second.loadState({ version: 2 })).toThrow(ValidationError);
  });
});

describe('explain', () => {
  it('answers why a rule would not run, without side effects', async () => {
    vi.useFakeTimers();
    const { engine, calls } = setup();
    engine.addRule(
      rule({
        name: 'streak end',
        trigger: { types: ['gift'], sources: ['tiktok'] },
        conditions: {
          all: [
            { path: 'data.repeatEnd', op: '==', value: true },
            { path: 'data.diamondCount', op: '>=', value: 10 },
          ],
        },
        cooldown: { perUserMs: 5_000 },
        actions: [
          { type: 'call', action: 'record', params: { text: '{{user.nickname}}: {{data.repeatCount}}x' } },
          { type: 'counter', name: 'streaks' },
          { type: 'emit', event: { type: 'chat', data: { message: 'thanks {{user.nickname}}' } } },
          { type: 'call', action: 'unknownThing' },
        ],
      }),
    );
    const midStreak = gift({ repeatEnd: false, diamondCount: 20, repeatCount: 3 });
    const explanation = engine.explain('streak end', midStreak);
    expect(explanation.wouldRun).toBe(false);
    expect(explanation.trigger).toEqual({ matched: true, manualOnly: false, types: ['gift'], sources: ['tiktok'] });
    expect(explanation.conditions).toEqual({
      kind: 'all',
      result: false,
      children: [
        { kind: 'field', path: 'data.repeatEnd', op: '==', expected: true, actual: false, result: false },
        { kind: 'field', path: 'data.diamondCount', op: '>=', expected: 10, actual: 20, result: true },
      ],
    });
    expect(explanation.reasons).toEqual(['the conditions do not hold (see conditions)']);
    expect(explanation.actions.map((action) => [action.path, action.description, action.problem])).toEqual([
      ['actions[0]', 'call "record" with {"text":"Rose Fan: 3x"}', undefined],
      ['actions[1]', 'set counter "streaks" to 1', undefined],
      ['actions[2]', 'emit rules "chat" with data {"message":"thanks Rose Fan"}', undefined],
      ['actions[3]', 'call "unknownThing" with {}', 'no handler registered as "unknownThing"'.replace('no handler', 'no action handler')],
    ]);
    expect(calls).toEqual([]);
    expect(engine.getVariable('streaks')).toBeUndefined();

    const end = gift({ repeatEnd: true, diamondCount: 20 });
    expect(engine.explain('streak end', end).wouldRun).toBe(true);
    expect(engine.explain('streak end', chat('hi')).reasons).toEqual([
      expect.stringContaining('trigger does not match twitch "chat"'),
      'the conditions do not hold (see conditions)',
    ]);
    engine.setEnabled('streak end', false);
    expect(engine.explain('streak end', end).reasons).toEqual(['the rule is disabled']);
    engine.setEnabled('streak end', true);
    await engine.trigger('streak end', end, { applyCooldowns: true });
    expect(engine.explain('streak end', end).reasons).toEqual([expect.stringMatching(/perUser cooldown .* blocks it for 5000 ms/)]);
  });

  it('explains a manual-only rule and a derived event that would be invalid or too deep', () => {
    const { engine } = setup({ maxDepth: 1 });
    engine.addRule(
      rule({ name: 'manual', trigger: undefined, actions: [{ type: 'emit', event: { type: 'gift', data: { giftName: 'x' } } }] }),
    );
    const deep = createEvent({ source: 'rules', type: 'follow', data: {}, meta: { ruleDepth: 1 } as never });
    const explanation = engine.explain('manual', deep);
    expect(explanation.trigger.manualOnly).toBe(true);
    expect(explanation.reasons[0]).toContain('only runs through engine.trigger()');
    expect(explanation.actions[0]!.problem).toContain('past maxDepth 1');
    expect(engine.explain('manual', gift()).actions[0]!.problem).toMatch(/invalid: data\.giftId/);
  });
});
