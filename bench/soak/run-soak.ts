/**
 * The soak: the `vmsc` hub (bus, rule engine, custom WS server) with the REAL connector of every
 * platform connected to its @vmsc/testing fake, 10 custom-WS subscribers and 1,000 rules, fed a mixed
 * stream at a fixed rate. Every scripted event carries a sequence number (`soak#<n>` in its text), so
 * each subscriber can tell what it received, what it missed and what it got twice, and how long the
 * event took from the fake's send to the subscriber's receive.
 *
 * The hub runs on the main thread; the fakes, the feeder and the subscribers run in a worker thread
 * (bench/soak/soak-worker.ts), as the platforms and the overlays are other machines in production.
 * The heap figures are the main thread's: the hub's and the connectors'.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { EventBus, validateRules, type Connector, type ConnectorStatus, type RuleInput, type StreamEvent } from '@vmsc/core';
import { parseConfig } from '../../packages/cli/src/config/load-config.js';
import { demoSetup } from '../../packages/cli/src/demo/demo-config.js';
import { createConnector } from '../../packages/cli/src/hub/create-connector.js';
import { Hub } from '../../packages/cli/src/hub/hub.js';
import type { HubView } from '../../packages/cli/src/view/hub-view.js';
import { SOAK_SOURCES } from './soak-feeders.js';
import type { FromWorker, ToWorker } from './soak-worker.js';

/** Options of {@link runSoak}. */
export interface SoakOptions {
  /** How long the stream is fed, ms. */
  durationMs: number;
  /** Scripted events per second, spread over the platforms. */
  ratePerSecond: number;
  /** Custom WS subscribers (default 10). */
  subscribers?: number;
  /** Rules loaded into the engine (default 1,000). */
  rules?: number;
  /** How often the heap is sampled, ms (default 5,000). */
  heapEveryMs?: number;
  /** Called with a one-line progress report at every heap sample. */
  onProgress?: (line: string) => void;
}

/** One heap reading. */
export interface HeapSample {
  atMs: number;
  heapUsedMiB: number;
}

/** What a soak measured. */
export interface SoakResult {
  durationMs: number;
  targetRate: number;
  /** Events actually scripted per second (the feeder may fall behind the target). */
  achievedRate: number;
  sent: number;
  sentBySource: Record<string, number>;
  subscribers: number;
  rules: number;
  /** Per subscriber: sequence numbers never received (after a drain of up to 15 s). */
  lost: number[];
  /** Per subscriber: sequence numbers received more than once. */
  duplicates: number[];
  latencyMs: { p50: number; p99: number; max: number; samples: number };
  /**
   * The most events a subscriber was behind the feeder at a progress report (once a second), and when:
   * how far delivery fell behind at its worst before catching up.
   */
  maxBacklog: { events: number; atSeconds: number };
  /** p50/p99 per platform, ms. */
  latencyBySource: Record<string, { p50: number; p99: number }>;
  heap: { startMiB: number; endMiB: number; maxMiB: number; samples: HeapSample[]; gcExposed: boolean };
  /** Rule runs the engine reported (the matching rules count every soak event). */
  ruleRuns: number;
  /** Errors the hub reported (connector errors, handler errors): none are expected. */
  errors: string[];
  /** Status changes away from `connected` during the run (none are expected). */
  statusChanges: string[];
}

/** 1,000 rules like a busy streamer's: most never match (chat commands, gift thresholds), a few count every soak event. */
function soakRules(count: number): RuleInput[] {
  const rules: RuleInput[] = SOAK_SOURCES.map((source) => ({
    id: randomUUID(),
    name: `count ${source}`,
    trigger: { types: ['chat', 'donation', 'tip'], sources: [source] },
    conditions: { path: 'data.message', op: 'contains', value: 'soak#' },
    actions: [{ type: 'counter', name: `soak-${source}` }],
  }));
  const types = ['chat', 'gift', 'follow', 'tip', 'donation', 'subscription', 'raid', 'cheer'];
  for (let i = rules.length; i < count; i++) {
    const type = types[i % types.length]!;
    rules.push({
      id: randomUUID(),
      name: `rule ${i}`,
      trigger: { types: [type] },
      conditions:
        type === 'chat'
          ? { path: 'data.message', op: 'startsWith', value: `!command${i}` }
          : { path: 'data.amount', op: '>', value: 1_000_000 + i },
      actions: [{ type: 'log', message: `rule ${i} for {{user.nickname}}` }],
    });
  }
  return rules;
}

/** A view that keeps only what the soak reports: errors and status changes (no per-event work). */
function quietView(errors: string[], statusChanges: string[], recording: () => boolean): HubView {
  const statuses = new Map<string, ConnectorStatus>();
  return {
    connectorStatus(id, _source, status, detail) {
      const previous = statuses.get(id);
      statuses.set(id, status);
      if (recording() && previous === 'connected' && status !== 'connected')
        statusChanges.push(`${id}: ${previous} → ${status}${detail ? ` (${detail})` : ''}`);
    },
    event: (_event: StreamEvent) => undefined,
    ruleRun: () => undefined,
    ruleMessage: () => undefined,
    error: (origin, message) => void errors.push(`${origin}: ${message}`),
    info: () => undefined,
    close: () => undefined,
  };
}

function heapMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** The worker running the platforms' side, with a promise per awaited message type. */
function startPlatformSide(onProgress?: (line: string) => void) {
  const maxBacklog = { events: 0, atSeconds: 0 };
  const worker = new Worker(new URL('./soak-worker-entry.mjs', import.meta.url));
  const waiting = new Map<FromWorker['type'], (message: FromWorker) => void>();
  let failure: Error | undefined;
  const rejecters = new Set<(error: Error) => void>();
  const fail = (error: Error) => {
    failure = error;
    for (const reject of rejecters) reject(error);
  };
  worker.on('error', fail);
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'failed') fail(new Error(`soak worker: ${message.message}`));
    else if (message.type === 'progress') {
      const backlog = Math.round(message.sent - message.receivedPerSubscriber);
      if (backlog > maxBacklog.events) Object.assign(maxBacklog, { events: backlog, atSeconds: Math.round(message.elapsedMs / 1_000) });
      onProgress?.(
        `${Math.round(message.elapsedMs / 1_000)} s: sent ${message.sent}, received ${Math.round(message.receivedPerSubscriber)} per subscriber`,
      );
    } else waiting.get(message.type)?.(message);
  });
  return {
    maxBacklog,
    request<T extends FromWorker['type']>(message: ToWorker, reply: T): Promise<Extract<FromWorker, { type: T }>> {
      return new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        rejecters.add(reject);
        waiting.set(reply, (answer) => {
          rejecters.delete(reject);
          resolve(answer as Extract<FromWorker, { type: T }>);
        });
        worker.postMessage(message);
      });
    },
    async terminate(): Promise<void> {
      await worker.terminate();
    },
  };
}

/** Runs one soak and returns its figures. Everything it starts is stopped before it returns. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const subscriberCount = options.subscribers ?? 10;
  const ruleCount = options.rules ?? 1_000;
  const heapEveryMs = options.heapEveryMs ?? 5_000;
  const errors: string[] = [];
  const statusChanges: string[] = [];
  let recording = true;

  const platforms = startPlatformSide(options.onProgress);
  let hub: Hub | undefined;
  let heapTimer: NodeJS.Timeout | undefined;
  try {
    const { connectionOptions } = await platforms.request({ type: 'start' }, 'fakes');
    const setup = demoSetup({ connectionOptions }, { port: 0, host: '127.0.0.1' });
    const config = parseConfig({ ...setup.config, rules: [] }, '(soak config)');
    const bus = new EventBus();
    const connectors: Connector[] = config.connectors
      .filter((entry) => SOAK_SOURCES.includes(entry.type))
      .map((entry, index) => createConnector(entry, { bus, env: setup.env, index, overrides: setup.overrides }));
    const rules = validateRules(soakRules(ruleCount));
    if (!rules.ok) throw new Error(`soak rules are invalid: ${JSON.stringify(rules.issues.slice(0, 3))}`);
    const token = randomUUID();
    hub = new Hub({
      view: quietView(errors, statusChanges, () => recording),
      bus,
      rules: rules.rules,
      connectors,
      server: { port: 0, host: '127.0.0.1', maxConnections: subscriberCount + 2, token },
      journalDir: false,
    });
    let ruleRuns = 0;
    hub.engine.onRun(() => void ruleRuns++);
    await hub.start();
    for (const connector of connectors) {
      if (connector.status !== 'connected')
        throw new Error(`${connector.id} did not connect: ${connector.lastError?.message ?? connector.status}`);
    }

    const samples: HeapSample[] = [{ atMs: 0, heapUsedMiB: round(heapMiB(), 1) }];
    const start = Date.now();
    heapTimer = setInterval(() => samples.push({ atMs: Date.now() - start, heapUsedMiB: round(heapMiB(), 1) }), heapEveryMs);
    const { result } = await platforms.request(
      {
        type: 'hub',
        url: hub.server!.url,
        token,
        subscribers: subscriberCount,
        ratePerSecond: options.ratePerSecond,
        durationMs: options.durationMs,
      },
      'result',
    );
    clearInterval(heapTimer);
    await hub.engine.idle();
    samples.push({ atMs: Date.now() - start, heapUsedMiB: round(heapMiB(), 1) });
    errors.push(...result.failures);
    const heaps = samples.map((sample) => sample.heapUsedMiB);
    return {
      durationMs: Math.round(result.feedMs),
      targetRate: options.ratePerSecond,
      achievedRate: Math.round((result.sent / result.feedMs) * 1_000),
      sent: result.sent,
      sentBySource: result.sentBySource,
      subscribers: subscriberCount,
      rules: rules.rules.length,
      lost: result.lost,
      duplicates: result.duplicates,
      latencyMs: result.latency,
      latencyBySource: result.latencyBySource,
      maxBacklog: { ...platforms.maxBacklog },
      heap: {
        startMiB: heaps[0]!,
        endMiB: heaps[heaps.length - 1]!,
        maxMiB: Math.max(...heaps),
        samples,
        gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      },
      ruleRuns,
      errors,
      statusChanges,
    };
  } finally {
    recording = false;
    clearInterval(heapTimer);
    await hub?.stop();
    await platforms.request({ type: 'close' }, 'closed').catch(() => undefined);
    await platforms.terminate();
  }
}
