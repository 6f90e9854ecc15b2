import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent, parseEvent, RuleNotFoundError, VmscError, type BusNotice, type RuleRunResult, type StreamEvent } from '@vmsc/core';
import { chat, gift, rosefan, rule, setup } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('RuleEngine: matching', () => {
  it('a gift streak fires a repeatEnd == true rule exactly once', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(
      rule({
        name: 'streak',
        trigger: { types: ['gift'], sources: ['tiktok'] },
        conditions: { path: 'data.repeatEnd', op: '==', value: true },
        actions: [{ type: 'call', action: 'record', params: { text: '{{user.nickname}} sent {{data.repeatCount}}x {{data.giftName}}' } }],
      }),
    );
    for (let count = 1; count <= 5; count++) bus.publish(gift({ repeatCount: count, repeatEnd: count === 5 }));
    await engine.idle();
    expect(calls.map((call) => call.params)).toEqual([{ text: 'Rose Fan sent 5x Rose' }]);
  });

  it('matches by type and source, any of each, and wildcard triggers; a rule without trigger never matches', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'tiktok gifts', trigger: { types: ['gift'], sources: ['tiktok'] } }));
    engine.addRule(rule({ name: 'twitch anything', trigger: { sources: ['twitch'] } }));
    engine.addRule(rule({ name: 'chat anywhere', trigger: { types: ['chat', 'super_chat'] } }));
    engine.addRule(rule({ name: 'everything', trigger: {} }));
    engine.addRule(rule({ name: 'manual only', trigger: undefined }));
    bus.publish(gift());
    bus.publish(chat('hi'));
    bus.publish(createEvent({ source: 'kick', type: 'follow', data: {} }));
    await engine.idle();
    expect(calls.map((call) => `${call.event?.source}/${call.event?.type}: ${call.rule}`)).toEqual([
      'tiktok/gift: tiktok gifts',
      'tiktok/gift: everything',
      'twitch/chat: twitch anything',
      'twitch/chat: chat anywhere',
      'twitch/chat: everything',
      'kick/follow: everything',
    ]);
  });

  it('indexed equality conditions still pick exactly the matching rules, in insertion order', async () => {
    const { bus, engine, calls } = setup();
    for (const name of ['Lion', 'Rose', 'Galaxy']) {
      engine.addRule(
        rule({
          name: `gift ${name}`,
          conditions: {
            all: [
              { path: 'data.giftName', op: '==', value: name },
              { path: 'data.repeatEnd', op: '==', value: true },
            ],
          },
        }),
      );
    }
    engine.addRule(rule({ name: 'user rose fan', conditions: { path: 'user.id', op: '==', value: rosefan.id } }));
    engine.addRule(rule({ name: 'big', conditions: { path: 'data.diamondCount', op: '>=', value: 100 } }));
    bus.publish(gift({ giftName: 'Rose' }));
    bus.publish(gift({ giftName: 'Galaxy', diamondCount: 1000, repeatEnd: false }, { id: 'other', username: 'o', nickname: 'O' }));
    await engine.idle();
    expect(calls.map((call) => call.rule)).toEqual(['gift Rose', 'user rose fan', 'big']);
    engine.removeRule('gift Rose');
    bus.publish(gift({ giftName: 'Rose' }));
    await engine.idle();
    expect(calls.map((call) => call.rule).slice(3)).toEqual(['user rose fan']);
  });

  it('setEnabled, removeRule, listRules, getRule', async () => {
    const { bus, engine, calls } = setup();
    const added = engine.addRule(rule({ name: 'gifts' }));
    expect(engine.listRules()).toEqual([expect.objectContaining({ id: added.id, name: 'gifts', enabled: true })]);
    expect(engine.setEnabled('gifts', false).enabled).toBe(false);
    bus.publish(gift());
    await engine.idle();
    expect(calls).toHaveLength(0);
    engine.setEnabled(added.id, true);
    bus.publish(gift());
    await engine.idle();
    expect(calls).toHaveLength(1);
    expect(engine.getRule('gifts')?.enabled).toBe(true);
    expect(engine.removeRule(added.id)).toBe(true);
    expect(engine.removeRule(added.id)).toBe(false);
    expect(engine.listRules()).toEqual([]);
    expect(() => engine.setEnabled('gifts', true)).toThrow(RuleNotFoundError);
  });

  it("returns frozen rules, never the caller's objects; listRules is a cached snapshot", () => {
    const { engine } = setup();
    const input = rule({
      name: 'frozen',
      conditions: { all: [{ path: 'data.giftName', op: 'in', value: ['Rose'] }] },
      meta: { tags: ['a'] },
    });
    const added = engine.addRule(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.meta!.tags)).toBe(false);
    expect(Object.isFrozen(added.meta!.tags)).toBe(true);
    expect(() => (added.actions as unknown[]).push({})).toThrow(TypeError);
    const first = engine.listRules();
    expect(engine.listRules()).toBe(first);
    engine.setEnabled('frozen', false);
    expect(engine.listRules()).not.toBe(first);
    expect(engine.listRules()[0]!.enabled).toBe(false);
    expect(JSON.parse(JSON.stringify(engine.listRules()))).toEqual(engine.listRules());
  });
});

describe('RuleEngine: trigger and onRun', () => {
  it('trigger fires by id or name, bypassing trigger and conditions, and resolves with the run', async () => {
    const { engine, calls } = setup();
    const added = engine.addRule(
      rule({ name: 'manual', trigger: undefined, conditions: { path: 'data.repeatEnd', op: '==', value: true } }),
    );
    const byName = await engine.trigger('manual');
    expect(byName).toMatchObject({ rule: { id: added.id, name: 'manual' }, cause: 'trigger', outcome: 'completed', depth: 0 });
    expect(byName.actions).toEqual([{ path: 'actions[0]', type: 'call', status: 'ok', output: 'ok' }]);
    const event = gift({ repeatEnd: false });
    const byId = await engine.trigger(added.id, event);
    expect(byId.event).toBe(event);
    expect(calls).toHaveLength(2);
    const checked = await engine.trigger(added.id, event, { checkConditions: true });
    expect(checked.outcome).toBe('conditions-not-met');
    expect(calls).toHaveLength(2);
  });

  it('rejects with RULE_NOT_FOUND for an unknown rule; a disabled rule resolves as disabled', async () => {
    const { engine } = setup();
    const error = await engine.trigger('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuleNotFoundError);
    expect(error).toBeInstanceOf(VmscError);
    expect((error as RuleNotFoundError).code).toBe('RULE_NOT_FOUND');
    expect(() => engine.explain('nope', gift())).toThrow(RuleNotFoundError);
    engine.addRule(rule({ name: 'off', enabled: false }));
    expect((await engine.trigger('off')).outcome).toBe('disabled');
  });

  it('reports every run on onRun (outcome, duration, error) and failed runs as bus error notices', async () => {
    vi.useFakeTimers();
    const { bus, engine } = setup();
    engine.registerAction('boom', () => {
      throw new Error('speaker unplugged');
    });
    engine.addRule(
      rule({
        name: 'slow',
        actions: [
          { type: 'delay', ms: 250 },
          { type: 'call', action: 'record' },
        ],
      }),
    );
    engine.addRule(
      rule({
        name: 'fails',
        actions: [
          { type: 'call', action: 'boom' },
          { type: 'call', action: 'record' },
        ],
      }),
    );
    engine.addRule(rule({ name: 'unregistered', actions: [{ type: 'call', action: 'nobody' }] }));
    const runs: RuleRunResult[] = [];
    const off = engine.onRun((run) => runs.push(run));
    const notices: BusNotice[] = [];
    bus.onNotice('error', (notice) => notices.push(notice));
    const event = gift();
    bus.publish(event);
    await vi.advanceTimersByTimeAsync(250);
    await engine.idle();
    const byName = Object.fromEntries(runs.map((run) => [run.rule.name, run]));
    expect(byName.slow).toMatchObject({ outcome: 'completed', durationMs: 250, cause: 'event', event });
    // The failed action is in the report with its typed error; the later one did not run.
    expect(byName.fails).toMatchObject({ outcome: 'failed', actions: [{ path: 'actions[0]', type: 'call', status: 'failed' }] });
    expect(byName.fails!.actions[0]!.error).toBe(byName.fails!.error);
    expect(byName.fails!.error).toMatchObject({
      code: 'RULE_ACTION_FAILED',
      actionPath: 'actions[0]',
      message: expect.stringContaining('speaker unplugged'),
    });
    expect(byName.unregistered!.error?.code).toBe('ACTION_NOT_REGISTERED');
    expect(notices.map((notice) => notice.kind === 'error' && notice.error.code).sort()).toEqual([
      'ACTION_NOT_REGISTERED',
      'RULE_ACTION_FAILED',
    ]);
    off();
    bus.publish(gift());
    await vi.advanceTimersByTimeAsync(250);
    expect(runs).toHaveLength(3);
  });

  it('registerAction returns an unregister function; handlers get params and context', async () => {
    const { engine } = setup();
    const seen: unknown[] = [];
    const off = engine.registerAction('speak', (params, context) => seen.push([params, context.rule.name, context.event?.type]));
    engine.addRule(
      rule({
        name: 'say',
        actions: [{ type: 'call', action: 'speak', params: { text: 'thanks {{user.nickname}}', n: '{{data.repeatCount}}' } }],
      }),
    );
    await engine.trigger('say', gift({ repeatCount: 4 }));
    expect(seen).toEqual([[{ text: 'thanks Rose Fan', n: 4 }, 'say', 'gift']]);
    off();
    expect((await engine.trigger('say', gift())).error?.code).toBe('ACTION_NOT_REGISTERED');
  });

  it('log actions write rendered text to the logger', async () => {
    const lines: string[] = [];
    const { engine } = setup({ logger: (level, message, context) => lines.push(`${level} ${context.rule.name}: ${message}`) });
    engine.addRule(
      rule({ name: 'logger', actions: [{ type: 'log', message: '{{user.nickname}} sent {{data.giftName}}', level: 'warn' }] }),
    );
    const run = await engine.trigger('logger', gift());
    expect(lines).toEqual(['warn logger: Rose Fan sent Rose']);
    expect(run.actions[0]).toEqual({ path: 'actions[0]', type: 'log', status: 'ok', output: 'Rose Fan sent Rose' });
  });
});

describe('RuleEngine: derived events and loops', () => {
  it('emit publishes a valid StreamEvent carrying the depth marker, which triggers other rules', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(
      rule({
        name: 'thank',
        conditions: { path: 'data.repeatEnd', op: '==', value: true },
        actions: [
          {
            type: 'emit',
            event: { type: 'chat', data: { message: 'thanks {{user.nickname}} for {{data.repeatCount}} {{data.giftName}}' } },
          },
        ],
      }),
    );
    engine.addRule(rule({ name: 'relay', trigger: { types: ['chat'], sources: ['rules'] } }));
    const published: StreamEvent[] = [];
    bus.on('chat', (event) => {
      published.push(event);
    });
    const cause = gift({ repeatCount: 3 });
    bus.publish(cause);
    await engine.idle();
    expect(published).toHaveLength(1);
    const derived = published[0]!;
    expect(parseEvent(JSON.parse(JSON.stringify(derived))).ok).toBe(true);
    expect(derived).toMatchObject({ source: 'rules', type: 'chat', user: cause.user, data: { message: 'thanks Rose Fan for 3 Rose' } });
    expect(derived.meta).toMatchObject({ ruleDepth: 1, causeEventId: cause.id, ruleId: engine.getRule('thank')!.id });
    expect(calls.map((call) => [call.rule, call.event?.id])).toEqual([['relay', derived.id]]);
  });

  it('an invalid derived event fails the run with RULE_EMIT_INVALID and nothing is published', async () => {
    const { bus, engine } = setup();
    engine.addRule(
      rule({ name: 'bad emit', actions: [{ type: 'emit', event: { type: 'gift', data: { giftName: '{{data.nothing}}' } } }] }),
    );
    const published: StreamEvent[] = [];
    bus.onAny((event) => {
      published.push(event);
    });
    const run = await engine.trigger('bad emit', gift());
    expect(run.outcome).toBe('failed');
    expect(run.error?.code).toBe('RULE_EMIT_INVALID');
    expect(run.error?.message).toContain('data.giftName');
    expect(published).toEqual([]);
  });

  it('a rule re-triggering itself is cut at maxDepth and reported, never spins', async () => {
    const { bus, engine } = setup({ maxDepth: 4 });
    engine.addRule(
      rule({
        name: 'echo',
        trigger: { types: ['chat'] },
        actions: [{ type: 'emit', event: { type: 'chat', data: { message: 'again: {{data.message}}' } } }],
      }),
    );
    const notices: BusNotice[] = [];
    bus.onNotice('error', (notice) => notices.push(notice));
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run));
    bus.publish(chat('hello'));
    await engine.idle();
    // A derived event's run starts (and here ends) inside its parent's emit: reports come deepest first.
    expect(runs.map((run) => [run.depth, run.outcome]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [0, 'completed'],
      [1, 'completed'],
      [2, 'completed'],
      [3, 'completed'],
      [4, 'failed'],
    ]);
    expect(runs.find((run) => run.depth === 4)!.error).toMatchObject({ code: 'RULE_LOOP', depth: 5 });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'error', origin: 'rule-engine', error: { code: 'RULE_LOOP' } });
  });

  it('a loop through two rules is cut too; an event arriving past maxDepth runs nothing and is reported', async () => {
    const { bus, engine } = setup({ maxDepth: 3 });
    engine.addRule(rule({ name: 'ping', trigger: { types: ['follow'] }, actions: [{ type: 'emit', event: { type: 'share', data: {} } }] }));
    engine.addRule(rule({ name: 'pong', trigger: { types: ['share'] }, actions: [{ type: 'emit', event: { type: 'follow', data: {} } }] }));
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run));
    const notices: BusNotice[] = [];
    bus.onNotice('error', (notice) => notices.push(notice));
    bus.publish(createEvent({ source: 'tiktok', type: 'follow', data: {} }));
    await engine.idle();
    expect(runs.map((run) => `${run.rule.name}@${run.depth}:${run.outcome}`).reverse()).toEqual([
      'ping@0:completed',
      'pong@1:completed',
      'ping@2:completed',
      'pong@3:failed',
    ]);
    const forged = createEvent({ source: 'tiktok', type: 'follow', data: {}, meta: { ruleDepth: 9 } as never });
    bus.publish(forged);
    await engine.idle();
    expect(runs).toHaveLength(4);
    expect(notices.map((notice) => notice.kind === 'error' && notice.error.code)).toEqual(['RULE_LOOP', 'RULE_LOOP']);
  });
});
