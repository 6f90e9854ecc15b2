import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  ActionRegistry,
  actionTypes,
  defineAction,
  DuplicateActionTypeError,
  NotFoundError,
  RuleActionError,
  validateRules,
  ValidationError,
  type ActionContext,
  type ActionOf,
} from '@vmsc/core';
import { gift, rule, setup } from './helpers.js';

const played: Array<{ file: string; volume: number }> = [];

/** A custom action type: its JSON type comes from its schema. */
const playSound = defineAction({
  type: 'playSound',
  schema: z.strictObject({ type: z.literal('playSound'), file: z.string().min(1), volume: z.number().min(0).max(1).optional() }),
  run(action, context) {
    const rendered = context.render(action.file);
    if (rendered === undefined || rendered === '') return context.skip('no file for this gift');
    const file = String(rendered);
    if (file === 'missing.mp3') throw new NotFoundError(`no sound file ${file}`);
    if (file === 'broken.mp3') throw new Error('speaker unplugged');
    played.push({ file, volume: action.volume ?? 1 });
    return file;
  },
  preview: (action, context) => ({ description: `play ${String(context.render(action.file))}` }),
});

describe('the action registry', () => {
  it('types a registered action from its zod schema', () => {
    type PlaySound = ActionOf<typeof playSound>;
    expectTypeOf<PlaySound>().toEqualTypeOf<{ type: 'playSound'; file: string; volume?: number | undefined }>();
    defineAction({
      type: 'typed',
      schema: z.strictObject({ type: z.literal('typed'), count: z.number() }),
      run(action, context) {
        expectTypeOf(action.count).toEqualTypeOf<number>();
        expectTypeOf(context).toEqualTypeOf<ActionContext>();
      },
    });
    // @ts-expect-error the schema's `type` must be the definition's type
    defineAction({ type: 'one', schema: z.strictObject({ type: z.literal('other') }), run: () => undefined });
  });

  it('validates a registered action by path when rules are added, and runs it', async () => {
    const { engine } = setup({ actions: [playSound] });
    try {
      engine.addRules([rule({ actions: [{ type: 'log', message: 'x' }, { type: 'playSound', volume: 3 } as never] })]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['[0].actions[1].file', '[0].actions[1].volume']);
    }
    engine.addRule(rule({ name: 'sound', actions: [{ type: 'playSound', file: '{{data.giftName}}.mp3', volume: 0.5 } as never] }));
    const run = await engine.trigger('sound', gift());
    expect(run.outcome).toBe('completed');
    expect(run.actions).toEqual([{ path: 'actions[0]', type: 'playSound', status: 'ok', output: 'Rose.mp3' }]);
    expect(played.at(-1)).toEqual({ file: 'Rose.mp3', volume: 0.5 });
    expect(engine.explain('sound', gift({ giftName: 'Lion' })).actions).toEqual([
      { path: 'actions[0]', type: 'playSound', description: 'play Lion.mp3' },
    ]);
  });

  it('records skipped actions (the run goes on) and failed ones with their typed error', async () => {
    const { engine, calls } = setup({ actions: [playSound] });
    const actions = (file: string) => [{ type: 'playSound', file } as never, { type: 'call' as const, action: 'record' }];
    engine.addRules([
      rule({ name: 'skip', actions: actions('{{data.noSuchField}}') }),
      rule({ name: 'missing', actions: actions('missing.mp3') }),
    ]);
    engine.addRule(rule({ name: 'broken', actions: actions('broken.mp3') }));
    const skipped = await engine.trigger('skip', gift());
    expect(skipped.outcome).toBe('completed');
    expect(skipped.actions).toEqual([
      { path: 'actions[0]', type: 'playSound', status: 'skipped', reason: 'no file for this gift' },
      { path: 'actions[1]', type: 'call', status: 'ok', output: 'ok' },
    ]);
    const missing = await engine.trigger('missing', gift());
    expect(missing.outcome).toBe('failed');
    expect(missing.error).toBeInstanceOf(NotFoundError);
    expect(missing.actions).toEqual([{ path: 'actions[0]', type: 'playSound', status: 'failed', error: missing.error }]);
    const broken = await engine.trigger('broken', gift());
    expect(broken.error).toBeInstanceOf(RuleActionError);
    expect(broken.error).toMatchObject({
      code: 'RULE_ACTION_FAILED',
      actionPath: 'actions[0]',
      message: 'action "playSound" failed: speaker unplugged',
    });
    expect(calls).toHaveLength(1);
  });

  it('gives run the context: render, variables (JSON only), log; explain uses preview, or a default, or reports its throw', async () => {
    const lines: string[] = [];
    const stash = defineAction({
      type: 'stash',
      schema: z.strictObject({ type: z.literal('stash'), value: z.string(), bad: z.boolean().optional() }),
      run(action, context) {
        const before = context.getVariable('stash');
        context.setVariable('stash', [before ?? null, context.render(action.value) as string]);
        context.log('warn', `stashed at ${context.path} in ${context.rule.name}`);
        if (action.bad) context.setVariable('stash', (() => undefined) as never);
        return context.getVariable('stash');
      },
    });
    const fragile = defineAction({
      type: 'fragile',
      schema: z.strictObject({ type: z.literal('fragile') }),
      run: () => 'ran',
      preview: () => {
        throw new Error('cannot tell');
      },
    });
    const { engine } = setup({ actions: [stash, fragile], logger: (level, message) => lines.push(`${level} ${message}`) });
    engine.addRule(
      rule({ name: 's', actions: [{ type: 'stash', value: '{{data.diamondCount}}' } as never, { type: 'fragile' } as never] }),
    );
    const run = await engine.trigger('s', gift({ diamondCount: 7 }));
    expect(run.actions.map((record) => record.output)).toEqual([[null, 7], 'ran']);
    expect(lines).toEqual(['warn stashed at actions[0] in s']);
    expect(engine.explain('s', gift()).actions).toEqual([
      { path: 'actions[0]', type: 'stash', description: 'stash {"value":"{{data.diamondCount}}"}' },
      { path: 'actions[1]', type: 'fragile', description: 'fragile {}', problem: 'preview failed: cannot tell' },
    ]);
    engine.addRule(rule({ name: 'bad', actions: [{ type: 'stash', value: 'x', bad: true } as never] }));
    const bad = await engine.trigger('bad');
    expect(bad.error).toBeInstanceOf(ValidationError);
    expect(bad.error!.message).toContain('invalid value for variable "stash"');
  });

  it('reports a rule using an unregistered type by path; types registered later apply to rules added later', async () => {
    const { engine } = setup();
    const input = rule({ name: 'later', actions: [{ type: 'playSound', file: 'a.mp3' } as never] });
    try {
      engine.addRule(input);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        { path: 'actions[0].type', message: expect.stringContaining('unknown action type "playSound"') },
      ]);
    }
    expect(engine.listRules()).toEqual([]);
    engine.registerActionType(playSound);
    engine.addRule(input);
    expect((await engine.trigger('later')).actions[0]).toMatchObject({ status: 'ok', output: 'a.mp3' });
    expect(() => engine.registerActionType(playSound)).toThrow(DuplicateActionTypeError);
    expect(() => engine.registerActionType({ ...playSound, type: 'log' })).toThrow(/"log" is already registered/);
    expect(() => engine.registerActionType({ ...playSound, type: 'bad type' })).toThrow(ValidationError);
  });

  it('validateRules checks against the registry it is given (default: the built-ins)', () => {
    const registry = new ActionRegistry();
    registry.register(playSound);
    expect(registry.types()).toEqual([...actionTypes, 'playSound']);
    const file = {
      rules: [
        rule({
          actions: [{ type: 'if', condition: { path: 'data.x', op: 'exists' }, then: [{ type: 'playSound', file: 'a.mp3' } as never] }],
        }),
      ],
    };
    expect(validateRules(file, { actions: registry }).ok).toBe(true);
    const result = validateRules(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['rules[0].actions[0].then[0].type']);
    const { engine } = setup({ actions: [playSound] });
    expect(engine.validateRules(file).ok).toBe(true);
    expect(engine.actionRegistry.has('playSound')).toBe(true);
  });
});
