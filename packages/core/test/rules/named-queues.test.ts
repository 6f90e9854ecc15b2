import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RuleQueueNotFoundError, ValidationError, type BusNotice, type RuleRunResult } from '@vmsc/core';
import { chat, gift, rule, setup } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const alert = (label: string) => [
  { type: 'call' as const, action: 'record', params: { label } },
  { type: 'delay' as const, ms: 1_000 },
];

describe('named queues shared across rules', () => {
  it('alerts of different rules play one after another, in arrival order', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'gift alert', run: { mode: 'queue', queue: 'alerts' }, actions: alert('gift') }));
    engine.addRule(
      rule({ name: 'follow alert', trigger: { types: ['follow'] }, run: { mode: 'queue', queue: 'alerts' }, actions: alert('follow') }),
    );
    engine.addRule(
      rule({ name: 'chat alert', trigger: { types: ['chat'] }, run: { mode: 'queue', queue: 'alerts' }, actions: alert('chat') }),
    );
    bus.publish(gift());
    bus.publish({ ...gift(), type: 'follow', data: {} } as never);
    bus.publish(chat('hello'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.params.label)).toEqual(['gift']);
    expect(engine.queues()).toEqual([
      { name: 'alerts', waiting: 2, running: true, paused: false, maxLength: 100, overflow: 'drop-oldest' },
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((call) => call.params.label)).toEqual(['gift', 'follow']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.map((call) => call.params.label)).toEqual(['gift', 'follow', 'chat']);
    expect(engine.explain('chat alert', chat('x')).queue).toMatchObject({ name: 'alerts', waiting: 0, running: false });
  });

  it('priority: a high run starts before every waiting normal one, low after them', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'normal', run: { mode: 'queue', queue: 'alerts' }, actions: alert('normal') }));
    engine.addRule(rule({ name: 'low', run: { mode: 'queue', queue: 'alerts', priority: 'low' }, actions: alert('low') }));
    engine.addRule(rule({ name: 'high', run: { mode: 'queue', queue: 'alerts', priority: 'high' }, actions: alert('high') }));
    const runs = ['normal', 'low', 'normal', 'high', 'high'].map((name) => engine.trigger(name, gift()));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(runs);
    expect(calls.map((call) => call.params.label)).toEqual(['normal', 'high', 'high', 'normal', 'low']);
  });

  it('a full queue takes a higher-priority run by dropping the newest lower one, whatever its policy', async () => {
    const { bus, engine, calls } = setup();
    const notices: BusNotice[] = [];
    bus.onNotice('error', (notice) => notices.push(notice));
    engine.addRule(
      rule({ name: 'normal', run: { mode: 'queue', queue: 'alerts', maxLength: 2, overflow: 'reject' }, actions: alert('normal') }),
    );
    engine.addRule(rule({ name: 'high', run: { mode: 'queue', queue: 'alerts', priority: 'high' }, actions: alert('high') }));
    const first = engine.trigger('normal', gift({ repeatCount: 1 }));
    const second = engine.trigger('normal', gift({ repeatCount: 2 }));
    const third = engine.trigger('normal', gift({ repeatCount: 3 }));
    await expect(engine.trigger('normal', gift({ repeatCount: 4 }))).rejects.toMatchObject({ code: 'RULE_QUEUE_FULL' });
    const high = engine.trigger('high', gift());
    expect((await third).outcome).toBe('dropped');
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await Promise.all([first, second, high])).map((run) => run.outcome)).toEqual(['completed', 'completed', 'completed']);
    expect(calls.map((call) => call.params.label)).toEqual(['normal', 'high', 'normal']);
    expect(notices.map((notice) => notice.kind === 'error' && notice.error.message)).toEqual([
      expect.stringContaining('run of "normal" rejected'),
      expect.stringContaining('newest lower-priority waiting run'),
    ]);
  });

  it('pause keeps runs waiting, resume plays them, clear drops them (reported)', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'a', run: { mode: 'queue', queue: 'alerts' }, actions: alert('a') }));
    expect(engine.pauseQueue('alerts')).toMatchObject({ paused: true, waiting: 0 });
    const runs = [engine.trigger('a', gift()), engine.trigger('a', gift())];
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(0);
    expect(engine.queues()[0]).toMatchObject({ waiting: 2, running: false, paused: true });
    expect(engine.explain('a', gift()).queue).toMatchObject({ paused: true, full: false });
    engine.resumeQueue('alerts');
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await Promise.all(runs)).map((run) => run.outcome)).toEqual(['completed', 'completed']);

    engine.pauseQueue('alerts');
    const waiting = [engine.trigger('a', gift()), engine.trigger('a', gift())];
    expect(engine.clearQueue('alerts')).toBe(2);
    const dropped = await Promise.all(waiting);
    expect(dropped.map((run) => [run.outcome, run.error?.code])).toEqual([
      ['dropped', 'RULE_RUN_CLEARED'],
      ['dropped', 'RULE_RUN_CLEARED'],
    ]);
    expect(calls).toHaveLength(2);
  });

  it('an unknown queue name is a typed error', () => {
    const { engine } = setup();
    expect(() => engine.pauseQueue('nope')).toThrow(RuleQueueNotFoundError);
    expect(() => engine.clearQueue('nope')).toThrow(expect.objectContaining({ code: 'RULE_QUEUE_NOT_FOUND' }));
  });

  it('removing a rule drops only its own waiting runs from a shared queue', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'a', run: { mode: 'queue', queue: 'alerts' }, actions: alert('a') }));
    engine.addRule(rule({ name: 'b', run: { mode: 'queue', queue: 'alerts' }, actions: alert('b') }));
    const runs = ['a', 'a', 'b', 'a'].map((name) => engine.trigger(name, gift()));
    engine.removeRule('a');
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await Promise.all(runs)).map((run) => run.outcome)).toEqual(['completed', 'dropped', 'completed', 'dropped']);
    expect(calls.map((call) => call.params.label)).toEqual(['a', 'b']);
  });

  it('rules sharing a queue must agree on its maxLength and overflow (issues by path)', () => {
    const { engine } = setup();
    engine.addRule(rule({ name: 'a', run: { mode: 'queue', queue: 'alerts', maxLength: 5 } }));
    expect(() => engine.addRule(rule({ run: { mode: 'queue', queue: 'alerts', maxLength: 6 } }))).toThrow(ValidationError);
    const result = engine.validateRules([
      rule({ run: { mode: 'queue', queue: 'alerts', overflow: 'reject' } }),
      rule({ run: { mode: 'queue', queue: 'alerts', overflow: 'drop-newest', maxLength: 5 } }),
      rule({ run: { mode: 'queue', queue: 'other', maxLength: 9 } }),
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { path: '[1].run.overflow', message: expect.stringContaining('queue "alerts" has overflow "reject"') },
    ]);
    engine.addRule(rule({ name: 'b', run: { mode: 'queue', queue: 'alerts', overflow: 'drop-newest' } }));
    expect(engine.queues()).toEqual([expect.objectContaining({ name: 'alerts', maxLength: 5, overflow: 'drop-newest' })]);
  });
});

describe('cooldowns start when a run starts', () => {
  it('a run dropped by its full queue does not use the cooldown up', async () => {
    const { engine, calls } = setup();
    engine.addRule(
      rule({
        name: 'q',
        cooldown: { perUserMs: 30_000 },
        run: { mode: 'queue', maxLength: 1, overflow: 'drop-newest' },
        actions: alert('q'),
      }),
    );
    const other = { id: '2', username: 'other', nickname: 'Other' };
    const running = engine.trigger('q', gift(), { applyCooldowns: true });
    const waiting = engine.trigger('q', gift({}, { id: '3', username: 'third', nickname: 'Third' }), { applyCooldowns: true });
    const dropped = await engine.trigger('q', gift({}, other), { applyCooldowns: true });
    expect(dropped.outcome).toBe('dropped');
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all([running, waiting]);
    // `other` was dropped, not run: no cooldown holds them back.
    const again = engine.trigger('q', gift({}, other), { applyCooldowns: true });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await again).outcome).toBe('completed');
    expect(calls).toHaveLength(3);
  });

  it('a queued run whose cooldown another run started meanwhile ends "cooldown"', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'busy', trigger: { types: ['follow'] }, run: { mode: 'queue', queue: 'alerts' }, actions: alert('busy') }));
    engine.addRule(rule({ name: 'q', cooldown: { perUserMs: 30_000 }, run: { mode: 'queue', queue: 'alerts' }, actions: alert('q') }));
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run));
    void engine.trigger('busy', gift());
    // Both offered while the queue is busy: neither cooldown has started, so both wait.
    bus.publish(gift());
    bus.publish(gift());
    expect(engine.queues()[0]!.waiting).toBe(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls.map((call) => call.params.label)).toEqual(['busy', 'q']);
    expect(runs.map((run) => `${run.rule.name}:${run.outcome}`)).toEqual(['busy:completed', 'q:completed', 'q:cooldown']);
    expect(runs[2]!.cooldown).toMatchObject({ kind: 'perUser', remainingMs: 29_000 });
  });
});

describe('resetCooldowns', () => {
  it("clears a rule's cooldowns and its no-repeat memory, and only that rule's", async () => {
    const choices = [0, 1, 2].map((n) => ({ weight: 1, actions: [{ type: 'call' as const, action: 'record', params: { n } }] }));
    const { engine, calls } = setup({ random: () => 0 });
    engine.addRule(rule({ name: 'pick', cooldown: { globalMs: 60_000 }, actions: [{ type: 'random', noRepeat: true, choices }] }));
    engine.addRule(rule({ name: 'other', actions: [{ type: 'random', noRepeat: true, choices }] }));
    await engine.trigger('pick', gift(), { applyCooldowns: true });
    await engine.trigger('other', gift());
    expect((await engine.trigger('pick', gift(), { applyCooldowns: true })).outcome).toBe('cooldown');
    engine.resetCooldowns('pick');
    await engine.trigger('pick', gift(), { applyCooldowns: true });
    await engine.trigger('other', gift());
    // `pick` starts afresh (0 again); `other` remembers it used 0 (then 1).
    expect(calls.map((call) => `${call.rule}:${String(call.params.n)}`)).toEqual(['pick:0', 'other:0', 'pick:0', 'other:1']);
    engine.resetCooldowns();
    expect(engine.getState().noRepeat).toEqual({});
    expect(engine.getState().cooldowns).toEqual({});
  });
});
