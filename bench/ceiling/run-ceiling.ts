/**
 * The hub's ceiling (issue 20): the step search (bench/ceiling/search.ts) with a step per rate
 * (bench/ceiling/step.ts), then the heap probe (bench/ceiling/heap-probe.ts), on one Kick fake.
 */
import { startKickPusherFake } from '@vmsc/testing';
import { weighHub, type HeapReading } from './heap-probe.js';
import { ceilingOf, DEFAULT_PLAN, nextRate, type SearchPlan } from './search.js';
import { runStep, type StepResult } from './step.js';

/** Options of {@link runCeiling}. */
export interface CeilingOptions {
  /** Each step's measured window, ms (60,000 for the published figure). */
  durationMs: number;
  /** Warm-up before each window, ms (default a tenth of the window, at least 1 s, at most 5 s). */
  warmupMs?: number;
  /** Subscribers (default 10). */
  subscribers?: number;
  /** The rates to run instead of the search (the short test gives two). */
  rates?: readonly number[];
  plan?: Partial<SearchPlan>;
  /** The channel counts the heap probe weighs (default 0, 1,000, 2,000). */
  channelCounts?: readonly number[];
  /** How long a weighed hub settles after its channels are subscribed, ms (default 2,000). */
  heapSettleMs?: number;
  /** How long after a feed an event may still arrive before it counts as lost, ms (default 10,000). */
  drainMs?: number;
  onStep?: (step: StepResult) => void;
  onProgress?: (line: string) => void;
}

/** What the ceiling bench measured. */
export interface CeilingResult {
  steps: StepResult[];
  /** The highest passing rate below the lowest failing one, events/s (0: none passed). */
  ceiling: number;
  heap: HeapReading[];
  options: { durationMs: number; warmupMs: number; subscribers: number };
}

/** Runs the search and the heap probe. Everything it starts is stopped before it returns. */
export async function runCeiling(options: CeilingOptions): Promise<CeilingResult> {
  const progress = options.onProgress ?? (() => undefined);
  const warmupMs = options.warmupMs ?? Math.min(5_000, Math.max(1_000, options.durationMs / 10));
  const subscribers = options.subscribers ?? 10;
  const plan = { ...DEFAULT_PLAN, ...options.plan };
  const pusher = await startKickPusherFake();
  try {
    const steps: StepResult[] = [];
    let from = 0;
    const fixed = options.rates ? [...options.rates] : undefined;
    for (;;) {
      const rate = fixed ? fixed.shift() : nextRate(steps, plan);
      if (rate === undefined) break;
      progress(`step: ${rate} events/s for ${options.durationMs / 1_000} s (+${warmupMs / 1_000} s warm-up)`);
      const step = await runStep({
        pusher,
        ratePerSecond: rate,
        durationMs: options.durationMs,
        warmupMs,
        subscribers,
        drainMs: 10_000,
        from,
      });
      from = step.next;
      steps.push(step);
      options.onStep?.(step);
    }
    const heap: HeapReading[] = [];
    for (const count of options.channelCounts ?? [0, 1_000, 2_000]) {
      progress(`heap: a hub holding ${count} Kick channels`);
      heap.push(await weighHub(pusher, count, options.heapSettleMs !== undefined ? { settleMs: options.heapSettleMs } : {}));
    }
    return { steps, ceiling: ceilingOf(steps), heap, options: { durationMs: options.durationMs, warmupMs, subscribers } };
  } finally {
    await pusher.close();
  }
}
