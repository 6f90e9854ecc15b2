import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEvent, RuleEngine, EventBus, type BusNotice, type RuleRunResult, type StreamUser } from '@vmsc/core';
import { chat, rule, setup } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const alice: StreamUser = { id: '1001', username: 'alice', nickname: 'Alice' };
const bob: StreamUser = { id: '1002', username: 'bob', nickname: 'Bob' };
const carol: StreamUser = { id: '1003', username: 'carol', nickname: 'Carol' };

function logs(engine: RuleEngine): string[] {
  const lines: string[] = [];
  engine.onRun((run) => {
    for (const action of run.actions) if (action.type === 'log') lines.push(String(action.output));
  });
  return lines;
}

function runs(engine: RuleEngine): RuleRunResult[] {
  const all: RuleRunResult[] = [];
  engine.onRun((run) => all.push(run));
  return all;
}

describe('viewer variables', () => {
  it('counter and setVariable with scope "user" write per viewer; templates and conditions read user.vars', async () => {
    const { bus, engine } = setup();
    const lines = logs(engine);
    engine.addRule(
      rule({
        name: 'count chat',
        trigger: { types: ['chat'] },
        actions: [
          { type: 'counter', name: 'messages', scope: 'user' },
          { type: 'setVariable', name: 'lastSaid', scope: 'user', value: '{{data.message}}' },
          { type: 'log', message: '{{user.nickname}}: {{user.vars.messages}} ({{user.vars.lastSaid}})' },
        ],
      }),
    );
    engine.addRule(
      rule({
        name: 'regular',
        trigger: { types: ['chat'] },
        conditions: { path: 'user.vars.messages', op: '>=', value: 2 },
        actions: [{ type: 'log', message: 'regular {{user.nickname}}' }],
      }),
    );
    // Rules decide when an event is published and act right after: give each message its moment.
    for (const event of [
      chat('hi', alice),
      chat('hello', bob),
      chat('again', alice),
      // The same id on another platform is another viewer.
      createEvent({ source: 'kick', type: 'chat', user: alice, data: { message: 'kick hi' } }),
    ]) {
      bus.publish(event);
      await engine.idle();
    }
    expect(lines).toEqual(['Alice: 1 (hi)', 'Bob: 1 (hello)', 'regular Alice', 'Alice: 2 (again)', 'Alice: 1 (kick hi)']);
    expect(engine.getViewer('twitch', '1001')).toMatchObject({ nickname: 'Alice', vars: { messages: 2, lastSaid: 'again' } });
    expect(engine.getViewer('kick', '1001')!.vars).toEqual({ messages: 1, lastSaid: 'kick hi' });
    expect(engine.getVariable('messages')).toBeUndefined();
  });

  it('a variable name may be a template, checked when it runs; bad literal parts are issues by path', async () => {
    const { bus, engine } = setup();
    const all = runs(engine);
    engine.addRule(
      rule({
        name: 'win',
        trigger: { command: '!win' },
        actions: [{ type: 'counter', name: 'wins-{{args.0}}', scope: 'user' }],
      }),
    );
    for (const text of ['!win chess', '!win chess', '!win go', '!win a.b']) {
      bus.publish(chat(text, alice));
      await engine.idle();
    }
    expect(engine.getViewer('twitch', '1001')!.vars).toEqual({ 'wins-chess': 2, 'wins-go': 1 });
    expect(all.map((run) => run.outcome)).toEqual(['completed', 'completed', 'completed', 'failed']);
    expect(all[3]!.error).toMatchObject({ code: 'RULE_VARIABLE_NAME_INVALID', actionPath: 'actions[0]' });
    const result = engine.validateRules([rule({ actions: [{ type: 'counter', name: 'wins {{args.0}}' }] })]);
    expect(!result.ok && result.issues).toEqual([{ path: '[0].actions[0].name', message: expect.stringContaining('outside "{{ }}"') }]);
  });

  it('a user variable for an event without a viewer fails with RULE_NO_VIEWER', async () => {
    const { engine } = setup();
    engine.addRule(rule({ name: 'u', actions: [{ type: 'counter', name: 'x', scope: 'user' }] }));
    const run = await engine.trigger('u', createEvent({ source: 'twitch', type: 'stream_online', data: {} } as never));
    expect(run.outcome).toBe('failed');
    expect(run.error).toMatchObject({ code: 'RULE_NO_VIEWER' });
  });
});

describe('points', () => {
  it('addPoints credits the viewer, spends never below the floor, and a condition guards', async () => {
    const { bus, engine } = setup();
    const lines = logs(engine);
    engine.addRule(rule({ name: 'earn', trigger: { types: ['chat'] }, actions: [{ type: 'addPoints', amount: 10 }] }));
    engine.addRule(
      rule({
        name: 'spend',
        trigger: { command: '!spend', args: { pattern: '<amount:int>' } },
        conditions: { path: 'user.vars.points', op: '>=', valueFrom: 'args.amount' },
        actions: [
          { type: 'addPoints', amount: '-{{args.amount}}' },
          { type: 'log', message: '{{user.nickname}} spent {{args.amount}}, has {{user.vars.points}}' },
        ],
      }),
    );
    engine.addRule(
      rule({
        name: 'tax',
        trigger: { command: '!tax' },
        actions: [
          { type: 'addPoints', amount: -1000 },
          { type: 'log', message: 'taxed to {{user.vars.points}}' },
        ],
      }),
    );
    for (const text of ['hello', '!spend 15', '!spend 50', '!spend 5', '!tax']) {
      bus.publish(chat(text, alice));
      await engine.idle();
    }
    // Every chat earns 10 first (rules run in the order they were added), the commands too:
    // 10 → +10 = 20, spend 15 → 5 → +10 = 15, !spend 50 refused → +10 = 25, spend 5 → 20 → !tax → 0.
    expect(lines).toEqual(['Alice spent 15, has 5', 'Alice spent 5, has 20', 'taxed to 0']);
    expect(engine.getViewer('twitch', '1001')!.vars.points).toBe(0);
  });

  it('addPoints to activeViewers credits only those who chatted in the window, on the named platforms', async () => {
    const { bus, engine } = setup();
    engine.addRule(
      rule({
        name: 'accrue',
        trigger: { types: ['viewer_count'] },
        actions: [{ type: 'addPoints', to: 'activeViewers', activeWithinMinutes: 10, amount: 5, sources: ['twitch'] }],
      }),
    );
    bus.publish(chat('early', alice));
    await vi.advanceTimersByTimeAsync(8 * 60_000);
    bus.publish(chat('later', bob));
    bus.publish(createEvent({ source: 'kick', type: 'chat', user: carol, data: { message: 'kick' } }));
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    const run = await engine.trigger('accrue', createEvent({ source: 'tiktok', type: 'viewer_count', data: { viewerCount: 5 } }));
    // Alice chatted 12 minutes ago: out of the window; Carol is on Kick.
    expect(run.actions[0]!.output).toEqual({ viewers: 1, amount: 5, variable: 'points' });
    expect(engine.getViewer('twitch', '1002')!.vars).toEqual({ points: 5 });
    expect(engine.getViewer('twitch', '1001')!.vars).toEqual({});
    expect(engine.getViewer('kick', '1003')!.vars).toEqual({});
  });

  it('leaderboard ranks by points (ties share a rank) into a variable for a reply', async () => {
    const { bus, engine } = setup();
    const lines = logs(engine);
    engine.addRule(rule({ name: 'earn', trigger: { command: '!earn' }, actions: [{ type: 'addPoints', amount: '{{args.0}}' }] }));
    engine.addRule(
      rule({
        name: 'top',
        trigger: { command: '!top' },
        actions: [
          { type: 'leaderboard', top: 3, saveAs: 'top' },
          { type: 'log', message: 'Top: {{vars.top.text}}' },
        ],
      }),
    );
    bus.publish(chat('!earn 30', alice));
    bus.publish(chat('!earn 50', bob));
    bus.publish(chat('!earn 30', carol));
    bus.publish(chat('!earn 1', { id: '1004', username: 'dave', nickname: 'Dave' }));
    bus.publish(chat('!top'));
    await engine.idle();
    expect(lines).toEqual(['Top: 1. Bob (50), 2. Alice (30), 2. Carol (30)']);
    expect(engine.leaderboard('points', 2).map((entry) => [entry.rank, entry.nickname])).toEqual([
      [1, 'Bob'],
      [2, 'Alice'],
    ]);
  });
});

describe('bounded, persisted, migrated', () => {
  it('keeps at most maxViewers: the least recently seen is evicted and reported with its variables', async () => {
    const bus = new EventBus();
    const engine = new RuleEngine({ bus, maxViewers: 2, logger: () => undefined });
    const notices: BusNotice[] = [];
    bus.onNotice('viewer-evicted', (notice) => notices.push(notice));
    engine.addRule(rule({ name: 'earn', trigger: { types: ['chat'] }, actions: [{ type: 'addPoints', amount: 1 }] }));
    bus.publish(chat('a', alice));
    bus.publish(chat('b', bob));
    bus.publish(chat('a again', alice));
    bus.publish(chat('c', carol));
    await engine.idle();
    expect(engine.viewerCount).toBe(2);
    expect(engine.getViewer('twitch', '1002')).toBeUndefined();
    expect(notices).toEqual([
      {
        kind: 'viewer-evicted',
        origin: 'rule-engine',
        viewer: { source: 'twitch', id: '1002', username: 'bob', nickname: 'Bob', lastSeen: Date.now() },
        vars: { points: 1 },
        maxViewers: 2,
      },
    ]);
  });

  it('viewers and their variables survive getState / loadState; a version 1 state loads without viewers', async () => {
    const { bus, engine } = setup();
    engine.addRule(rule({ name: 'earn', trigger: { types: ['chat'] }, actions: [{ type: 'addPoints', amount: 7 }] }));
    bus.publish(chat('hi', alice));
    await engine.idle();
    const saved = JSON.parse(JSON.stringify(engine.getState()));
    expect(saved.version).toBe(2);
    const { engine: restarted } = setup();
    restarted.loadState(saved);
    expect(restarted.getViewer('twitch', '1001')).toMatchObject({ nickname: 'Alice', vars: { points: 7 }, lastChatAt: Date.now() });
    restarted.loadState({ version: 1, savedAt: 0, cooldowns: {}, variables: { total: 3 }, noRepeat: {} });
    expect(restarted.viewerCount).toBe(0);
    expect(restarted.getState()).toMatchObject({ version: 2, variables: { total: 3 }, viewers: [] });
    expect(() => restarted.loadState({ ...saved, viewers: [{ source: 'twitch' }] })).toThrow(/viewers\[0\]/);
  });

  it('a viewer first known by name (an aggregator without an id) is merged into their stable record', async () => {
    const { bus, engine } = setup();
    engine.addRule(rule({ name: 'tip points', trigger: { types: ['tip'] }, actions: [{ type: 'addPoints', amount: 100 }] }));
    engine.addRule(rule({ name: 'chat points', trigger: { types: ['chat'] }, actions: [{ type: 'addPoints', amount: 1 }] }));
    const tip = () =>
      createEvent({
        source: 'streamlabs',
        type: 'tip',
        user: { id: 'alice', username: 'Alice', nickname: 'Alice' },
        data: { amount: 5, currency: 'USD', formattedAmount: '$5.00', message: '' },
        meta: { platform: 'twitch' },
      } as never);
    bus.publish(tip());
    await engine.idle();
    expect(engine.getViewer('twitch', 'alice')!.vars).toEqual({ points: 100 });
    bus.publish(chat('hi', alice));
    await engine.idle();
    expect(engine.getViewer('twitch', 'alice')).toBeUndefined();
    expect(engine.getViewer('twitch', '1001')!.vars).toEqual({ points: 101 });
    // Later name-keyed events of that name go to the stable record.
    bus.publish(tip());
    await engine.idle();
    expect(engine.getViewer('twitch', '1001')!.vars).toEqual({ points: 201 });
    expect(engine.viewerCount).toBe(1);
  });
});
