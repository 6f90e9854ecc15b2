/**
 * The hub's ceiling (issue 20): the step search (bench/ceiling/search.ts) with a step per rate
 * (bench/ceiling/step.ts), then the heap probe (bench/ceiling/heap-probe.ts), on one Kick fake.
 */
import { startKickPusherFake, startNatsServer } from '@vmsc/testing';
import { weighHub, type HeapReading } from './heap-probe.js';
import { ceilingOf, DEFAULT_PLAN, nextRate, type SearchPlan } from './search.js';
import { runStep, type StepResult } from './step.js';
import type { LogLevel } from './hub-dir.js';

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
  /**
   * The channel counts `vmsc worker` is weighed at, on a local nats-server (default the same as
   * the hub's; empty: no worker probe, e.g. where nats-server is not installed).
   */
  workerChannelCounts?: readonly number[];
  /** How long a weighed hub settles after its channels are subscribed, ms (default 2,000). */
  heapSettleMs?: number;
  /** The hubs' log level (default the config's default, `info`: a log line per rule run). */
  logLevel?: LogLevel;
  /** How long after a feed an event may still arrive before it counts as lost, ms (default 10,000). */
  drainMs?: number;
  /**
   * The niceness of the hubs and the subscribers (where allowed; `pnpm bench:ceiling` gives -10 and
   * renices itself too): on a shared machine, other work yields to the bench. Default: unchanged.
   */
  nice?: number;
  /**
   * Run a failed step once more and count the rate as passed if the second run passes (default
   * false): on a shared machine another process on the hub's core can fail a step the hub holds.
   */
  retryFailed?: boolean;
  onStep?: (step: StepResult) => void;
  onProgress?: (line: string) => void;
}

/** What the ceiling bench measured. */
export interface CeilingResult {
  /** One per rate: the run that decided it (the retry's when a failed step was run again). */
  steps: StepResult[];
  /** Every run in order, retries included. */
  attempts: StepResult[];
  /** The highest passing rate below the lowest failing one, events/s (0: none passed). */
  ceiling: number;
  heap: HeapReading[];
  options: { durationMs: number; warmupMs: number; subscribers: number; logLevel: LogLevel; nice: number };
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
    const attempts: StepResult[] = [];
    let from = 0;
    const run = async (rate: number, again: boolean) => {
      progress(`step: ${rate} events/s for ${options.durationMs / 1_000} s (+${warmupMs / 1_000} s warm-up)${again ? ', again' : ''}`);
      const step = await runStep({
        pusher,
        ratePerSecond: rate,
        durationMs: options.durationMs,
        warmupMs,
        subscribers,
        drainMs: options.drainMs ?? 10_000,
        from,
        ...(options.logLevel ? { logLevel: options.logLevel } : {}),
        ...(options.nice !== undefined ? { nice: options.nice } : {}),
      });
      from = step.next;
      attempts.push(step);
      options.onStep?.(step);
      return step;
    };
    const fixed = options.rates ? [...options.rates] : undefined;
    for (;;) {
      const rate = fixed ? fixed.shift() : nextRate(steps, plan);
      if (rate === undefined) break;
      const first = await run(rate, false);
      steps.push(!first.pass && options.retryFailed ? await run(rate, true) : first);
    }
    const heap: HeapReading[] = [];
    const counts = options.channelCounts ?? [0, 1_000, 2_000];
    const settle = {
      ...(options.heapSettleMs !== undefined ? { settleMs: options.heapSettleMs } : {}),
      ...(options.nice !== undefined ? { nice: options.nice } : {}),
    };
    for (const count of counts) {
      progress(`heap: a hub holding ${count} Kick channels`);
      heap.push(await weighHub(pusher, count, settle));
    }
    const workerCounts = options.workerChannelCounts ?? counts;
    if (workerCounts.length > 0) {
      const nats = await startNatsServer();
      try {
        for (const count of workerCounts) {
          progress(`heap: a worker holding ${count} Kick channels`);
          heap.push(await weighHub(pusher, count, { ...settle, worker: { natsUrl: nats.url } }));
        }
      } finally {
        await nats.close();
      }
    }
    return {
      steps,
      attempts,
      ceiling: ceilingOf(steps),
      heap,
      options: { durationMs: options.durationMs, warmupMs, subscribers, logLevel: options.logLevel ?? 'info', nice: options.nice ?? 0 },
    };
  } finally {
    await pusher.close();
  }
}
