import { describe, expect, it } from 'vitest';
import { RuleLoopError, validateRules, ValidationError, type RuleInput } from '@vmsc/core';
import { gift, rule, setup } from './helpers.js';

const bigGift = { path: 'data.diamondCount', op: '>=', value: 100 } as const;

describe('the if action', () => {
  const ifRule = (): RuleInput =>
    rule({
      name: 'sized',
      actions: [
        { type: 'setVariable', name: 'seen', value: '{{data.giftName}}' },
        {
          type: 'if',
          condition: { all: [bigGift, { path: 'vars.seen', op: '==', value: 'Lion' }] },
          then: [
            { type: 'log', message: 'big {{data.giftName}}' },
            { type: 'call', action: 'record', params: { size: 'big' } },
          ],
          else: [{ type: 'counter', name: 'small' }],
        },
        { type: 'if', condition: bigGift, then: [{ type: 'call', action: 'record', params: { again: true } }] },
      ],
    });

  it('runs then or else by the condition (reading variables set by earlier actions), each branch action recorded by path', async () => {
    const { engine, calls } = setup();
    engine.addRule(ifRule());
    const big = await engine.trigger('sized', gift({ giftName: 'Lion', diamondCount: 29_999 }));
    expect(big.outcome).toBe('completed');
    expect(big.actions.map(({ path, status, output }) => ({ path, status, output }))).toEqual([
      { path: 'actions[0]', status: 'ok', output: 'Lion' },
      { path: 'actions[1]', status: 'ok', output: { condition: true, branch: 'then' } },
      { path: 'actions[1].then[0]', status: 'ok', output: 'big Lion' },
      { path: 'actions[1].then[1]', status: 'ok', output: 'ok' },
      { path: 'actions[2]', status: 'ok', output: { condition: true, branch: 'then' } },
      { path: 'actions[2].then[0]', status: 'ok', output: 'ok' },
    ]);
    expect(calls.map((call) => call.params)).toEqual([{ size: 'big' }, { again: true }]);
    const small = await engine.trigger('sized', gift({ giftName: 'Rose', diamondCount: 1 }));
    expect(small.actions.map(({ path, type, output }) => [path, type, output])).toEqual([
      ['actions[0]', 'setVariable', 'Rose'],
      ['actions[1]', 'if', { condition: false, branch: 'else' }],
      ['actions[1].else[0]', 'counter', 1],
      ['actions[2]', 'if', { condition: false, branch: 'none' }],
    ]);
  });

  it('a failing branch action fails the if and the run, with its typed error', async () => {
    const { engine } = setup();
    engine.addRule(rule({ name: 'f', actions: [{ type: 'if', condition: bigGift, then: [{ type: 'call', action: 'nobody' }] }] }));
    const run = await engine.trigger('f', gift({ diamondCount: 500 }));
    expect(run.outcome).toBe('failed');
    expect(run.error).toMatchObject({ code: 'ACTION_NOT_REGISTERED', actionPath: 'actions[0].then[0]' });
    expect(run.actions.map(({ path, status, error }) => [path, status, error])).toEqual([
      ['actions[0]', 'failed', run.error],
      ['actions[0].then[0]', 'failed', run.error],
    ]);
  });

  it('validates nested action lists and the condition by path', () => {
    const result = validateRules({
      rules: [
        rule({
          actions: [
            { type: 'log', message: 'x' },
            { type: 'delay', ms: 1 },
            {
              type: 'if',
              condition: { path: 'data.x', op: 'nope' },
              then: [{ type: 'log', message: 'ok' }, { type: 'explode' }],
              else: [],
              extra: 1,
            } as never,
            { type: 'if', then: [{ type: 'log', message: '{{broken' }] } as never,
          ],
        }),
      ],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path).sort()).toEqual([
      'rules[0].actions[2]',
      'rules[0].actions[2].condition.op',
      'rules[0].actions[2].else',
      'rules[0].actions[2].then[1].type',
      'rules[0].actions[3].condition',
      'rules[0].actions[3].then[0].message',
    ]);
  });

  it('explain shows the condition trace, which branch would run and both branches', () => {
    const { engine } = setup();
    engine.addRule(ifRule());
    const explanation = engine.explain('sized', gift({ giftName: 'Rose', diamondCount: 5 }));
    const preview = explanation.actions[2]!;
    expect(preview).toMatchObject({
      path: 'actions[2]',
      type: 'if',
      branch: 'none',
      condition: { kind: 'field', path: 'data.diamondCount', actual: 5, expected: 100, result: false },
      then: [{ path: 'actions[2].then[0]', type: 'call' }],
    });
    expect(preview.else).toBeUndefined();
    expect(engine.explain('sized', gift({ diamondCount: 100 })).actions[2]!.branch).toBe('then');
    expect(explanation.actions[1]).toMatchObject({ branch: 'else', else: [{ path: 'actions[1].else[0]', type: 'counter' }] });
  });
});

describe('the runRule action', () => {
  it('runs another rule’s actions (by name or id) inside the run, its records naming that rule', async () => {
    const { engine, calls } = setup();
    const thank = engine.addRule(
      rule({
        name: 'thank',
        trigger: undefined,
        cooldown: { globalMs: 60_000 },
        conditions: { path: 'data.giftName', op: '==', value: 'never' },
        actions: [
          { type: 'log', message: '{{rule.name}} {{user.nickname}}' },
          { type: 'call', action: 'record' },
        ],
      }),
    );
    engine.addRule(
      rule({
        name: 'main',
        actions: [
          { type: 'runRule', rule: 'thank' },
          { type: 'runRule', rule: thank.id },
          { type: 'log', message: 'after in {{rule.name}}' },
        ],
      }),
    );
    const run = await engine.trigger('main', gift());
    expect(run.outcome).toBe('completed');
    const ref = { id: thank.id, name: 'thank' };
    expect(run.actions).toEqual([
      { path: 'actions[0]', type: 'runRule', status: 'ok', output: { rule: ref } },
      { path: 'actions[0]', type: 'log', status: 'ok', output: 'thank Rose Fan', rule: ref },
      { path: 'actions[1]', type: 'call', status: 'ok', output: 'ok', rule: ref },
      { path: 'actions[1]', type: 'runRule', status: 'ok', output: { rule: ref } },
      { path: 'actions[0]', type: 'log', status: 'ok', output: 'thank Rose Fan', rule: ref },
      { path: 'actions[1]', type: 'call', status: 'ok', output: 'ok', rule: ref },
      { path: 'actions[2]', type: 'log', status: 'ok', output: 'after in main' },
    ]);
    // Only the actions ran: the called rule's conditions and cooldown did not stop the second call.
    expect(calls.map((call) => call.rule)).toEqual(['thank', 'thank']);
  });

  it('refuses a cycle (A → B → A) with a RuleLoopError in the run and in explain', async () => {
    const { engine, bus } = setup();
    const errors: unknown[] = [];
    bus.onNotice('error', (notice) => errors.push(notice.error));
    const a = rule({ name: 'A', actions: [{ type: 'runRule', rule: 'B' }] });
    const b = rule({
      name: 'B',
      trigger: undefined,
      actions: [
        { type: 'log', message: 'in B' },
        { type: 'runRule', rule: 'A' },
      ],
    });
    engine.addRules([a, b]);
    const run = await engine.trigger('A', gift());
    expect(run.outcome).toBe('failed');
    expect(run.error).toBeInstanceOf(RuleLoopError);
    expect(run.error!.message).toContain('"A" → "B" → "A"');
    expect(run.actions.map(({ path, type, status, rule }) => [path, type, status, rule?.name])).toEqual([
      ['actions[0]', 'runRule', 'failed', undefined],
      ['actions[0]', 'log', 'ok', 'B'],
      ['actions[1]', 'runRule', 'failed', 'B'],
    ]);
    expect(errors).toEqual([run.error]);
    const preview = engine.explain('A', gift()).actions[0]!;
    expect(preview.actions![1]).toMatchObject({ type: 'runRule', problem: expect.stringContaining('would loop') });
    // A self-call is a cycle too.
    engine.addRule(rule({ name: 'self', actions: [{ type: 'runRule', rule: 'self' }] }));
    expect((await engine.trigger('self')).error).toBeInstanceOf(RuleLoopError);
  });

  it('cuts nesting past maxDepth', async () => {
    const { engine } = setup({ maxDepth: 2 });
    engine.addRules([
      rule({ name: 'r1', actions: [{ type: 'runRule', rule: 'r2' }] }),
      rule({ name: 'r2', actions: [{ type: 'runRule', rule: 'r3' }] }),
      rule({ name: 'r3', actions: [{ type: 'runRule', rule: 'r4' }] }),
      rule({ name: 'r4', actions: [{ type: 'log', message: 'deep' }] }),
    ]);
    expect((await engine.trigger('r2')).outcome).toBe('completed');
    const run = await engine.trigger('r1');
    expect(run.error).toMatchObject({ code: 'RULE_LOOP', message: expect.stringContaining('past maxDepth 2') });
  });

  it('an unknown rule is a validation issue at load; a rule removed later fails the run; a disabled one is skipped', async () => {
    const result = validateRules([
      rule({ name: 'x', actions: [{ type: 'if', condition: bigGift, then: [{ type: 'runRule', rule: 'nope' }] }] }),
      rule({ name: 'y', actions: [{ type: 'runRule', rule: 'x' }] }),
    ]);
    expect(!result.ok && result.issues).toEqual([{ path: '[0].actions[0].then[0].rule', message: expect.stringContaining('"nope"') }]);
    const { engine } = setup();
    expect(() => engine.addRule(rule({ name: 'early', actions: [{ type: 'runRule', rule: 'later' }] }))).toThrow(ValidationError);
    engine.addRule(rule({ name: 'later', actions: [{ type: 'log', message: 'later' }] }));
    engine.addRule(
      rule({
        name: 'early',
        actions: [
          { type: 'runRule', rule: 'later' },
          { type: 'log', message: 'next' },
        ],
      }),
    );
    engine.setEnabled('later', false);
    const skipped = await engine.trigger('early');
    expect(skipped.outcome).toBe('completed');
    expect(skipped.actions.map(({ type, status, reason }) => [type, status, reason])).toEqual([
      ['runRule', 'skipped', 'rule "later" is disabled'],
      ['log', 'ok', undefined],
    ]);
    expect(engine.explain('early', gift()).actions[0]!.description).toContain('skipped');
    engine.removeRule('later');
    const failed = await engine.trigger('early');
    expect(failed.error).toMatchObject({ code: 'RULE_NOT_FOUND', actionPath: 'actions[0]' });
    expect(engine.explain('early', gift()).actions[0]!.problem).toContain('no rule with id or name "later"');
  });
});
