import { describe, expect, it } from 'vitest';
import { RuleEngine, EventBus, ValidationError, validateRules, ruleSchema, DuplicateRuleError } from '@vmsc/core';
import { rule } from './helpers.js';

describe('validateRules', () => {
  it('accepts a valid rules file and fills defaults', () => {
    const result = validateRules([rule({ name: 'a' }), rule({ name: 'b', run: { mode: 'queue' } })]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rules[0]!.enabled).toBe(true);
    expect(result.rules[0]!.run).toEqual({ mode: 'concurrent' });
    expect(result.rules[1]!.run).toEqual({ mode: 'queue' });
  });

  it('names every problem of a rules file by path', () => {
    const file = [
      rule({ name: 'fine' }),
      { ...rule(), id: 'not-a-uuid', name: '' },
      {
        ...rule(),
        trigger: { types: ['gift', 'gfit'] },
        conditions: {
          all: [
            { path: 'data.repeatEnd', op: '===', value: true },
            { path: 'data.giftName', op: 'matches', value: '([' },
            {
              any: [
                { path: 'user..id', op: '==', value: 'x' },
                { path: 'data.diamondCount', op: '>', value: [1] },
              ],
            },
            { path: 'data.giftName', op: 'in', value: 'Rose' },
            { not: { path: 'user.id', op: 'exists', value: 'yes' } },
            { all: [], any: [] },
          ],
        },
        cooldown: { perUserMs: -5 },
        run: { mode: 'queue', overflow: 'drop-everything' },
        actions: [
          { type: 'call' },
          { type: 'explode' },
          { type: 'log', message: 'hi {{user.nickname' },
          { type: 'emit', event: { type: 'nope', data: {} } },
          { type: 'random', choices: [{ weight: 0, actions: [] }] },
          { type: 'counter', name: 'total diamonds', by: '{{data..x}}' },
        ],
        extra: true,
      },
    ];
    const result = validateRules(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '[1].id',
        '[1].name',
        '[2].trigger.types[1]',
        '[2].conditions.all[0].op',
        '[2].conditions.all[1].value',
        '[2].conditions.all[2].any[0].path',
        '[2].conditions.all[2].any[1].value',
        '[2].conditions.all[3].value',
        '[2].conditions.all[4].not.value',
        '[2].conditions.all[5]',
        '[2].cooldown.perUserMs',
        '[2].run.overflow',
        '[2].actions[0].action',
        '[2].actions[1].type',
        '[2].actions[2].message',
        '[2].actions[3].event.type',
        '[2].actions[4].choices[0].weight',
        '[2].actions[4].choices[0].actions',
        '[2].actions[5].name',
        '[2].actions[5].by',
        '[2]',
      ]),
    );
    expect(paths).not.toContain('[0]');
    const unknownType = result.issues.find((issue) => issue.path === '[2].actions[1].type');
    expect(unknownType?.message).toContain('"emit"');
    expect(result.issues.find((issue) => issue.path === '[2]')?.message).toContain('extra');
  });

  it('reports duplicate ids and names, and accepts { rules: [...] }', () => {
    const a = rule({ name: 'same' });
    const result = validateRules({ rules: [a, { ...rule(), name: 'same' }, { ...rule(), id: a.id }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'rules[1].name', message: 'duplicate name "same" (also rules[0])' },
      { path: 'rules[2].id', message: `duplicate id "${a.id}" (also rules[0])` },
    ]);
    expect(validateRules('nope')).toEqual({ ok: false, issues: [{ path: '', message: expect.stringContaining('array') }] });
  });

  it('rules are JSON round-trippable', () => {
    const input = rule({
      conditions: { all: [{ path: 'data.repeatEnd', op: '==', value: true }] },
      actions: [{ type: 'random', noRepeat: true, choices: [{ weight: 2, actions: [{ type: 'delay', ms: 5 }] }] }],
      meta: { x: [1, 'two', null] },
    });
    const parsed = ruleSchema.parse(input);
    expect(ruleSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('addRule throws a ValidationError naming paths; duplicates are refused', () => {
    const engine = new RuleEngine({ bus: new EventBus() });
    try {
      engine.addRule({ ...rule(), conditions: { path: 'data.x', op: 'nope' } } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['conditions.op']);
    }
    const first = engine.addRule(rule({ name: 'one' }));
    expect(() => engine.addRule(rule({ name: 'one' }))).toThrow(DuplicateRuleError);
    expect(() => engine.addRule({ ...rule(), id: first.id })).toThrow(/already exists/);
    expect(() => engine.addRule(rule({ name: first.id }))).toThrow(DuplicateRuleError);
    expect(() => engine.addRules([rule({ name: 'two' }), { ...rule(), actions: [] }])).toThrow(/\[1\]\.actions/);
    expect(engine.listRules().map((r) => r.name)).toEqual(['one']);
  });
});
