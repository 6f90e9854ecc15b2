import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createEvent, EventBus, RuleEngine, type BusNotice, type RuleRunResult, type StreamEvent, type Unsubscribe } from '@vmsc/core';
import { gift, rule } from './rules/helpers.js';

const chat = () => createEvent({ source: 'kick', type: 'chat', user: { id: '1', username: 'u', nickname: 'U' }, data: { message: 'hi' } });

// The type tests are checked by `tsc` (pnpm typecheck): a handler type that rejects an expression
// body (`TS2322: Type 'number' is not assignable to type 'void | Promise<void>'`) fails the build.
describe('handlers may return anything (type tests)', () => {
  it('bus subscribers accept expression bodies returning a number, an array length or a Promise<number>', () => {
    const bus = new EventBus();
    const seen: StreamEvent[] = [];
    expectTypeOf(bus.on('gift', (e) => e.data.diamondCount)).toEqualTypeOf<Unsubscribe>();
    bus.on('gift', async (e) => e.data.diamondCount);
    bus.once('gift', (e) => e.data.repeatCount);
    bus.once('chat', (e) => seen.push(e));
    bus.once('chat', async (e) => e.data.message.length);
    bus.onAny((e) => seen.push(e));
    bus.onAny(async () => seen.length);
    bus.onSource('twitch', (e) => seen.push(e));
    bus.onSource('tiktok', async () => 1);
    bus.onMatch(
      (e) => e.source === 'kick',
      (e) => seen.push(e),
    );
    bus.onMatch(
      (e): e is Extract<StreamEvent, { type: 'chat' }> => e.type === 'chat',
      async (e) => e.data.message.length,
    );
  });

  it('notice and run handlers accept expression bodies too', () => {
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice((n) => notices.push(n));
    bus.onNotice('deduped', (n) => n.detail.length);
    bus.onNotice('handler-error', async () => notices.length);
    const engine = new RuleEngine({ bus });
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run));
    engine.onRun(async (run) => run.durationMs);
    engine.onRun((run) => run.outcome);
  });

  it('the README "Using the core" snippet is compiled verbatim', () => {
    // test/readme-snippet.ts is type-checked by tsc; this test keeps it identical to the README.
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## Using the core'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const snippet = readFileSync(fileURLToPath(new URL('./readme-snippet.ts', import.meta.url)), 'utf8');
    expect(block).toBe(snippet);
  });
});

describe('handlers may return anything (at run time)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a subscriber whose returned promise rejects is reported as a handler-error notice', async () => {
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice('handler-error', (n) => notices.push(n));
    const event = chat();
    bus.on('chat', () => Promise.reject(new Error('on failed')));
    bus.onAny(() => Promise.reject(new Error('onAny failed')));
    bus.onSource('kick', () => ({ then: (_: unknown, reject: (error: unknown) => void) => reject(new Error('thenable failed')) }));
    bus.publish(event);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reported = notices.map((n) => n.kind === 'handler-error' && [(n.error as Error).message, n.event]);
    expect(reported).toHaveLength(3);
    expect(reported).toEqual(
      expect.arrayContaining([
        ['on failed', event],
        ['thenable failed', event],
        ['onAny failed', event],
      ]),
    );
  });

  it('a returned value that is not a thenable (a number, an object without then) is ignored', async () => {
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice((n) => notices.push(n));
    const seen: StreamEvent[] = [];
    bus.on('chat', () => 42);
    bus.on('chat', () => ({ then: 'not a function' }));
    bus.onAny((e) => seen.push(e));
    bus.onAny(() => ({ answer: 42 }));
    const event = chat();
    expect(bus.publish(event)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([event]);
    expect(notices).toEqual([]);
  });

  it('a notice handler whose promise rejects breaks nothing (no unhandled rejection)', async () => {
    const bus = new EventBus();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      bus.onNotice(() => Promise.reject(new Error('notice handler failed')));
      bus.notify({ kind: 'gap', connector: 'c', source: 'kick', from: 1, to: 2, reason: 'test' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('an onRun handler whose promise rejects is reported as a RUN_HANDLER_FAILED error notice', async () => {
    const bus = new EventBus();
    const engine = new RuleEngine({ bus, logger: () => undefined });
    engine.registerAction('record', () => undefined);
    engine.addRule(rule());
    const errors: BusNotice[] = [];
    bus.onNotice('error', (n) => errors.push(n));
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => runs.push(run)); // a number, ignored
    engine.onRun(() => Promise.reject(new Error('run handler failed')));
    bus.publish(gift());
    await engine.idle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(1);
    expect(errors).toMatchObject([{ kind: 'error', origin: 'rule-engine', error: { code: 'RUN_HANDLER_FAILED' } }]);
    expect(errors[0]!.kind === 'error' && errors[0]!.error.message).toMatch(/an onRun handler rejected: run handler failed/);
  });

  it('the README snippet runs: the gift is logged, the untrusted text is rejected with its issues', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('./readme-snippet.js');
    expect(log).toHaveBeenCalledWith('Rose Fan', 'Rose', 1);
    expect(error).toHaveBeenCalledWith(expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]));
  });
});
