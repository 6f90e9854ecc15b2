import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEvent, type RuleRunResult } from '@vmsc/core';
import { chat, rule, setup } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function runsOf(engine: ReturnType<typeof setup>['engine']): RuleRunResult[] {
  const runs: RuleRunResult[] = [];
  engine.onRun((run) => runs.push(run));
  return runs;
}

const online = (source = 'twitch') => createEvent({ source, type: 'stream_online', data: { type: 'live' } } as never);
const offline = (source = 'twitch') => createEvent({ source, type: 'stream_offline', data: {} } as never);

describe('timer triggers', () => {
  it('run every N seconds with a system event, through the runner (cause "timer")', async () => {
    const { engine, calls } = setup();
    const runs = runsOf(engine);
    engine.addRule(rule({ name: 'tick', trigger: { timer: { everySeconds: 60 } } }));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(3);
    expect(runs.map((run) => run.cause)).toEqual(['timer', 'timer', 'timer']);
    expect(runs[0]!.event).toMatchObject({
      source: 'rules',
      type: 'unknown',
      user: { id: 'system' },
      data: { kind: 'timer', payload: { rule: 'tick' } },
    });
  });

  it('minChatMessages: runs only after M chat messages (of its sources) since it last ran', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'promo', trigger: { timer: { everySeconds: 600, minChatMessages: 5 }, sources: ['twitch'] } }));
    for (let i = 0; i < 4; i++) bus.publish(chat(`hi ${i}`));
    bus.publish(createEvent({ source: 'kick', type: 'chat', data: { message: 'not counted' } } as never));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(0);
    const explained = engine.explain('promo', chat('x'));
    expect(explained.timer).toMatchObject({
      chatMessages: 4,
      minChatMessages: 5,
      lastSkip: 'too-few-chat-messages',
      nextAt: Date.now() + 600_000,
    });
    expect(explained.reasons).toEqual(['a timer: 4 chat message(s) since it last ran, it needs 5']);
    bus.publish(chat('fifth'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event?.data).toEqual({ kind: 'timer', payload: { rule: 'promo', chatMessages: 5 } });
    // The count starts again after a run.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
    expect(engine.explain('promo', chat('x')).timer?.chatMessages).toBe(0);
  });

  it('whileLive: runs only while the named stream is live (stream_online / stream_offline, setLive)', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(rule({ name: 'live only', trigger: { timer: { everySeconds: 10, whileLive: 'twitch' } } }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(0);
    expect(engine.explain('live only', chat('x')).timer).toMatchObject({ whileLive: 'twitch', live: false, lastSkip: 'not-live' });
    bus.publish(online());
    expect(engine.isLive('twitch')).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(2);
    bus.publish(offline());
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(2);
    engine.setLive('twitch', true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
    // A simulated stream_offline does not end a real stream.
    bus.publish(createEvent({ source: 'twitch', type: 'stream_offline', data: {}, meta: { simulated: true } } as never));
    expect(engine.isLive('twitch')).toBe(true);
  });

  it('for platforms without stream_online (TikTok, YouTube), a connected connector is live', () => {
    const { bus, engine } = setup();
    bus.notify({ kind: 'status', connector: 'tiktok:host', source: 'tiktok', status: 'connected', previous: 'connecting' });
    expect(engine.isLive('tiktok:host')).toBe(true);
    expect(engine.isLive('tiktok')).toBe(true);
    bus.notify({ kind: 'status', connector: 'tiktok:host', source: 'tiktok', status: 'reconnecting', previous: 'connected' });
    expect(engine.isLive('tiktok')).toBe(false);
    // Twitch announces its streams: its connection says nothing about being live.
    bus.notify({ kind: 'status', connector: 'twitch', source: 'twitch', status: 'connected', previous: 'connecting' });
    expect(engine.isLive('twitch')).toBe(false);
  });

  it('jitter spreads runs within [every, every + jitter]', async () => {
    let roll = 0.5;
    const { engine, calls } = setup({ random: () => roll });
    engine.addRule(rule({ name: 'spread', trigger: { timer: { everySeconds: 100, jitterSeconds: 20 } } }));
    await vi.advanceTimersByTimeAsync(109_999);
    expect(calls).toHaveLength(0);
    roll = 0;
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(calls).toHaveLength(2);
  });

  it('cooldowns and queues apply; a disabled or removed timer does not run; close stops timers', async () => {
    const { engine, calls } = setup();
    const runs = runsOf(engine);
    engine.addRule(rule({ name: 't', trigger: { timer: { everySeconds: 10 } }, cooldown: { globalMs: 15_000 } }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(runs.map((run) => run.outcome)).toEqual(['completed', 'cooldown', 'completed']);
    engine.setEnabled('t', false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(engine.explain('t', chat('x')).timer?.lastSkip).toBe('disabled');
    expect(calls).toHaveLength(2);
    engine.setEnabled('t', true);
    engine.removeRule('t');
    engine.addRule(rule({ name: 'u', trigger: { timer: { everySeconds: 10 } } }));
    engine.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('validation: a timer is its own kind of trigger; a reply from a timer names its connector', () => {
    const { engine } = setup({ connectors: [] });
    const result = engine.validateRules([
      rule({ trigger: { timer: { everySeconds: 10 }, types: ['chat'] } }),
      rule({ trigger: { timer: { everySeconds: 10, jitterSeconds: 11 } } }),
      rule({ trigger: { timer: { everySeconds: 0 } } }),
      rule({ trigger: { timer: { everySeconds: 10 } }, actions: [{ type: 'reply', text: 'hi' }] }),
    ]);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual([
      '[0].trigger.types',
      '[1].trigger.timer.jitterSeconds',
      '[2].trigger.timer.everySeconds',
      '[3].actions[0]',
    ]);
  });
});
