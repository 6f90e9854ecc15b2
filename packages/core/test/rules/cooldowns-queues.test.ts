import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEvent, RuleQueueFullError, type BusNotice, type RuleRunResult } from '@vmsc/core';
import { gift, rosefan, rule, setup } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('cooldowns', () => {
  it('global: at most one run per window, blocked runs reported with the remaining time', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'global', cooldown: { globalMs: 10_000 } }));
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run));
    bus.publish(gift());
    await vi.advanceTimersByTimeAsync(4_000);
    bus.publish(gift({}, { id: 'someone-else', username: 's', nickname: 'S' }));
    await vi.advanceTimersByTimeAsync(6_000);
    bus.publish(gift());
    await engine.idle();
    expect(calls).toHaveLength(2);
    expect(runs.map((run) => run.outcome)).toEqual(['completed', 'cooldown', 'completed']);
    expect(runs[1]!.cooldown).toEqual({ kind: 'global', key: `rule:${engine.getRule('global')!.id}`, remainingMs: 6_000 });
  });

  it('per user: keyed by the stable user id, not the display name', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'per user', cooldown: { perUserMs: 30_000 } }));
    bus.publish(gift());
    // Same person after a rename: still on cooldown.
    bus.publish(gift({}, { ...rosefan, nickname: 'New Name', username: 'renamed' }));
    // A different person who took the old display name: not on cooldown.
    bus.publish(gift({}, { id: '999', username: rosefan.username, nickname: rosefan.nickname }));
    // The same id on another platform is another person.
    bus.publish(
      createEvent({ source: 'twitch', type: 'gift_sub', user: rosefan, data: { tier: '1000', giftCount: 1, isAnonymous: false } } as never),
    );
    await engine.idle();
    expect(calls.map((call) => `${call.event?.source}:${call.event?.user.id}`)).toEqual(['tiktok:7034582914412233733', 'tiktok:999']);
    await vi.advanceTimersByTimeAsync(30_000);
    bus.publish(gift({}, { ...rosefan, nickname: 'New Name' }));
    await engine.idle();
    expect(calls).toHaveLength(3);
  });

  it('group: rules naming the same group share one cooldown; resetCooldowns clears', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'sound A', cooldown: { group: { name: 'sounds', ms: 5_000 } } }));
    engine.addRule(rule({ name: 'sound B', trigger: { types: ['follow'] }, cooldown: { group: { name: 'sounds', ms: 5_000 } } }));
    bus.publish(gift());
    bus.publish(createEvent({ source: 'tiktok', type: 'follow', data: {} }));
    await engine.idle();
    expect(calls.map((call) => call.rule)).toEqual(['sound A']);
    expect(engine.explain('sound B', createEvent({ source: 'tiktok', type: 'follow', data: {} })).cooldowns).toEqual([
      { kind: 'group', key: 'group:sounds', remainingMs: 5_000 },
    ]);
    engine.resetCooldowns();
    bus.publish(createEvent({ source: 'tiktok', type: 'follow', data: {} }));
    await engine.idle();
    expect(calls.map((call) => call.rule)).toEqual(['sound A', 'sound B']);
  });

  it('simulated events: cooldowns apply by default; "ignore" neither checks nor starts them', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'applies', cooldown: { globalMs: 10_000 } }));
    engine.addRule(rule({ name: 'ignores', cooldown: { globalMs: 10_000, simulated: 'ignore' } }));
    const simulated = () => ({ ...gift(), id: crypto.randomUUID(), meta: { simulated: true } });
    bus.publish(simulated());
    bus.publish(simulated());
    bus.publish(gift());
    bus.publish(gift());
    await engine.idle();
    expect(calls.map((call) => `${call.rule}${call.event?.meta?.simulated ? ' (simulated)' : ''}`)).toEqual([
      'applies (simulated)',
      'ignores (simulated)',
      'ignores (simulated)',
      'ignores',
    ]);
  });

  it('trigger ignores cooldowns unless asked, and then honours and starts them', async () => {
    const { engine } = setup();
    engine.addRule(rule({ name: 'cd', cooldown: { globalMs: 1_000 } }));
    expect((await engine.trigger('cd', gift())).outcome).toBe('completed');
    expect((await engine.trigger('cd', gift(), { applyCooldowns: true })).outcome).toBe('completed');
    expect((await engine.trigger('cd', gift(), { applyCooldowns: true })).outcome).toBe('cooldown');
    expect((await engine.trigger('cd', gift())).outcome).toBe('completed');
    engine.resetCooldowns('cd');
    expect((await engine.trigger('cd', gift(), { applyCooldowns: true })).outcome).toBe('completed');
  });
});

describe('run modes and queues', () => {
  const slow = [
    { type: 'delay' as const, ms: 1_000 },
    { type: 'call' as const, action: 'record', params: { n: '{{data.repeatCount}}' } },
  ];

  it('concurrent runs overlap', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'c', actions: slow }));
    const runs = [1, 2, 3].map((n) => engine.trigger('c', gift({ repeatCount: n })));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((call) => call.params.n)).toEqual([1, 2, 3]);
    expect((await Promise.all(runs)).map((run) => run.durationMs)).toEqual([1_000, 1_000, 1_000]);
  });

  it('a queue never overlaps: runs go one after the other, in order', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'q', run: { mode: 'queue', maxLength: 10, overflow: 'reject' }, actions: slow }));
    const runs = [1, 2, 3].map((n) => engine.trigger('q', gift({ repeatCount: n })));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((call) => call.params.n)).toEqual([1]);
    expect(engine.explain('q', gift()).queue).toEqual({
      name: 'rule:q',
      waiting: 1,
      maxLength: 10,
      running: true,
      paused: false,
      overflow: 'reject',
      full: false,
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.map((call) => call.params.n)).toEqual([1, 2, 3]);
    expect((await Promise.all(runs)).map((run) => run.durationMs)).toEqual([1_000, 2_000, 3_000]);
  });

  it('drop-oldest: the longest-waiting run is dropped and reported', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'q', run: { mode: 'queue', maxLength: 2, overflow: 'drop-oldest' }, actions: slow }));
    const notices: BusNotice[] = [];
    bus.onNotice('error', (notice) => notices.push(notice));
    const runs = [1, 2, 3, 4].map((n) => engine.trigger('q', gift({ repeatCount: n })));
    await vi.advanceTimersByTimeAsync(3_000);
    const results = await Promise.all(runs);
    expect(results.map((run) => run.outcome)).toEqual(['completed', 'dropped', 'completed', 'completed']);
    expect(results[1]!.error).toBeInstanceOf(RuleQueueFullError);
    expect(calls.map((call) => call.params.n)).toEqual([1, 3, 4]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'error',
      origin: 'rule-engine',
      error: { code: 'RULE_QUEUE_FULL', message: expect.stringContaining('oldest') },
    });
  });

  it('drop-newest: the new run is dropped and reported', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'q', run: { mode: 'queue', maxLength: 1, overflow: 'drop-newest' }, actions: slow }));
    const notices: BusNotice[] = [];
    bus.onNotice('error', (notice) => notices.push(notice));
    // Through the bus: nobody awaits these runs, yet nothing is lost silently.
    for (const n of [1, 2, 3]) bus.publish(gift({ repeatCount: n }));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.map((call) => call.params.n)).toEqual([1, 2]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ error: { code: 'RULE_QUEUE_FULL', message: expect.stringContaining('dropped the new run') } });
  });

  it('reject: trigger rejects with RuleQueueFullError; the run channel reports it', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'q', run: { mode: 'queue', maxLength: 1, overflow: 'reject' }, actions: slow }));
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run));
    const first = engine.trigger('q', gift({ repeatCount: 1 }));
    const second = engine.trigger('q', gift({ repeatCount: 2 }));
    await expect(engine.trigger('q', gift({ repeatCount: 3 }))).rejects.toBeInstanceOf(RuleQueueFullError);
    expect(engine.explain('q', gift()).reasons).toEqual([expect.stringContaining('queue is full')]);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all([first, second]);
    expect(calls.map((call) => call.params.n)).toEqual([1, 2]);
    expect(runs.map((run) => run.outcome)).toEqual(['rejected', 'completed', 'completed']);
  });

  it('close drops waiting runs and cuts delays', async () => {
    const { engine, calls } = setup();
    engine.addRule(rule({ name: 'q', run: { mode: 'queue', maxLength: 5, overflow: 'reject' }, actions: slow }));
    const runs = [1, 2].map((n) => engine.trigger('q', gift({ repeatCount: n })));
    engine.close();
    const results = await Promise.all(runs);
    expect(results.map((run) => [run.outcome, run.error?.code])).toEqual([
      ['failed', 'RULE_ENGINE_CLOSED'],
      ['dropped', 'RULE_ENGINE_CLOSED'],
    ]);
    expect(calls).toEqual([]);
    await engine.idle();
  });
});
