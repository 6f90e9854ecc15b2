/**
 * The soak: the `vmsc` hub (bus, rule engine, custom WS server) with the REAL connector of every
 * platform connected to its @vmsc/testing fake, 10 custom-WS subscribers and 1,000 rules, fed a mixed
 * stream at a fixed rate. Every scripted event carries a sequence number (`soak#<n>` in its text), so
 * each subscriber can tell what it received, what it missed and what it got twice, and how long the
 * event took from the fake's send to the subscriber's receive.
 *
 * Memory stays fixed by construction on the measuring side (preallocated arrays and a bucketed
 * histogram), so the heap figures are the hub's, the connectors' and the fakes'.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EventBus, validateRules, type Connector, type ConnectorStatus, type RuleInput, type StreamEvent } from '@vmsc/core';
import { startAllFakes, waitUntil, type AllFakes } from '@vmsc/testing';
import WebSocket from 'ws';
import { parseConfig } from '../../packages/cli/src/config/load-config.js';
import { demoSetup } from '../../packages/cli/src/demo/demo-config.js';
import { createConnector } from '../../packages/cli/src/hub/create-connector.js';
import { Hub } from '../../packages/cli/src/hub/hub.js';
import type { HubView } from '../../packages/cli/src/view/hub-view.js';
import { LatencyHistogram } from './latency-histogram.js';

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

type Feeder = (fakes: AllFakes, seq: number) => Promise<void>;

/** The mixed stream: one scripted event per platform in turn, each text carrying `soak#<seq>`. */
const FEEDERS: ReadonlyArray<{ source: string; feed: Feeder }> = [
  { source: 'kick', feed: (f, seq) => f.kick.chat({ username: `kicker${seq % 500}`, content: `soak#${seq}` }) },
  { source: 'twitch', feed: (f, seq) => f.twitch.chat({ username: `viewer${seq % 500}`, text: `soak#${seq}` }) },
  { source: 'tiktok', feed: (f, seq) => f.tiktok.chat({ username: `tiktoker${seq % 500}`, content: `soak#${seq}` }) },
  { source: 'youtube', feed: (f, seq) => f.youtube.chat({ username: `watcher${seq % 500}`, text: `soak#${seq}` }) },
  {
    source: 'streamlabs',
    feed: (f, seq) => f.streamlabs.donation({ username: `donor${seq}`, amount: 1 + (seq % 97), message: `soak#${seq}` }),
  },
  {
    source: 'streamelements',
    feed: (f, seq) => f.streamelements.tip({ username: `tipper${seq}`, amount: 1 + (seq % 89), message: `soak#${seq}` }),
  },
];

const SEQUENCE = /soak#(\d+)/;

/** 1,000 rules like a busy streamer's: most never match (chat commands, gift thresholds), a few count every soak event. */
function soakRules(count: number): RuleInput[] {
  const rules: RuleInput[] = FEEDERS.map(({ source }) => ({
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

const now = () => performance.now();
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** A custom WS subscriber that records, per sequence number, whether it arrived and how late. */
class Subscriber {
  readonly received: Uint8Array;
  /** One histogram per feeder (the feeder of sequence number n is n % FEEDERS.length). */
  readonly latency = FEEDERS.map(() => new LatencyHistogram());
  count = 0;
  duplicates = 0;
  readonly #socket: WebSocket;

  constructor(url: string, token: string, capacity: number, sentAt: Float64Array) {
    this.received = new Uint8Array(capacity);
    this.#socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    this.#socket.on('message', (data) => {
      const match = SEQUENCE.exec(data.toString());
      if (!match) return;
      const seq = Number(match[1]);
      if (seq >= capacity) return;
      if (this.received[seq]) {
        this.duplicates++;
        return;
      }
      this.received[seq] = 1;
      this.count++;
      this.latency[seq % FEEDERS.length]!.record(now() - sentAt[seq]!);
    });
  }

  async subscribe(): Promise<void> {
    const socket = this.#socket;
    if (socket.readyState !== WebSocket.OPEN) await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const acked = new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        if (/"action":"subscribe"/.test(data.toString())) {
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
    });
    socket.send(JSON.stringify({ action: 'subscribe' }));
    await acked;
  }

  close(): void {
    this.#socket.close();
  }
}

/** Runs one soak and returns its figures. Everything it starts is stopped before it returns. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const subscriberCount = options.subscribers ?? 10;
  const ruleCount = options.rules ?? 1_000;
  const heapEveryMs = options.heapEveryMs ?? 5_000;
  // Preallocated before the first heap reading: the measuring side does not grow.
  const capacity = Math.ceil((options.ratePerSecond * options.durationMs) / 1_000) + 1_000;
  const sentAt = new Float64Array(capacity);
  const errors: string[] = [];
  const statusChanges: string[] = [];

  const fakes = await startAllFakes({ youtubePollingIntervalMs: 50 });
  const setup = demoSetup(fakes, { port: 0, host: '127.0.0.1' });
  const config = parseConfig({ ...setup.config, rules: [] }, '(soak config)');
  const bus = new EventBus();
  const soakSources = new Set(FEEDERS.map((feeder) => feeder.source));
  const connectors: Connector[] = config.connectors
    .filter((entry) => soakSources.has(entry.type))
    .map((entry, index) => createConnector(entry, { bus, env: setup.env, index, overrides: setup.overrides }));
  const rules = validateRules(soakRules(ruleCount));
  if (!rules.ok) throw new Error(`soak rules are invalid: ${JSON.stringify(rules.issues.slice(0, 3))}`);
  const token = randomUUID();
  let recording = true;
  const hub = new Hub({
    view: quietView(errors, statusChanges, () => recording),
    bus,
    rules: rules.rules,
    connectors,
    server: { port: 0, host: '127.0.0.1', maxConnections: subscriberCount + 2, token },
    journalDir: false,
  });
  let ruleRuns = 0;
  const offRuns = hub.engine.onRun(() => void ruleRuns++);
  const subscribers: Subscriber[] = [];
  try {
    await hub.start();
    for (const connector of connectors) {
      if (connector.status !== 'connected')
        throw new Error(`${connector.id} did not connect: ${connector.lastError?.message ?? connector.status}`);
    }
    for (let i = 0; i < subscriberCount; i++) subscribers.push(new Subscriber(hub.server!.url, token, capacity, sentAt));
    await Promise.all(subscribers.map((subscriber) => subscriber.subscribe()));

    const samples: HeapSample[] = [];
    const start = now();
    samples.push({ atMs: 0, heapUsedMiB: round(heapMiB(), 1) });
    const sentBySource: Record<string, number> = {};
    let seq = 0;
    let nextHeapAt = heapEveryMs;
    const failures: string[] = [];
    while (now() - start < options.durationMs && seq < capacity) {
      const elapsed = now() - start;
      const due = Math.min(capacity, Math.floor((options.ratePerSecond * elapsed) / 1_000));
      while (seq < due) {
        const feeder = FEEDERS[seq % FEEDERS.length]!;
        sentAt[seq] = now();
        sentBySource[feeder.source] = (sentBySource[feeder.source] ?? 0) + 1;
        feeder.feed(fakes, seq).catch((error: unknown) => {
          if (failures.length < 10) failures.push(`${feeder.source}: ${(error as Error).message}`);
        });
        seq++;
      }
      if (elapsed >= nextHeapAt) {
        nextHeapAt += heapEveryMs;
        const heap = heapMiB();
        samples.push({ atMs: Math.round(elapsed), heapUsedMiB: round(heap, 1) });
        const received = subscribers.reduce((sum, subscriber) => sum + subscriber.count, 0) / subscriberCount;
        options.onProgress?.(
          `${Math.round(elapsed / 1_000)} s: sent ${seq}, received ${Math.round(received)} per subscriber, heap ${heap.toFixed(1)} MiB`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const feedMs = now() - start;
    const sent = seq;
    // Drain: wait until every subscriber has everything, or 15 s.
    await waitUntil(() => subscribers.every((subscriber) => subscriber.count >= sent), 'every subscriber to receive every event', {
      timeoutMs: 15_000,
    }).catch(() => undefined);
    await hub.engine.idle();
    samples.push({ atMs: Math.round(now() - start), heapUsedMiB: round(heapMiB(), 1) });
    errors.push(...failures);

    const latency = new LatencyHistogram();
    const latencyBySource: SoakResult['latencyBySource'] = {};
    FEEDERS.forEach(({ source }, index) => {
      const bySource = new LatencyHistogram();
      for (const subscriber of subscribers) bySource.merge(subscriber.latency[index]!);
      latency.merge(bySource);
      latencyBySource[source] = { p50: round(bySource.percentile(0.5)), p99: round(bySource.percentile(0.99)) };
    });
    const heaps = samples.map((sample) => sample.heapUsedMiB);
    return {
      durationMs: Math.round(feedMs),
      targetRate: options.ratePerSecond,
      achievedRate: Math.round((sent / feedMs) * 1_000),
      sent,
      sentBySource,
      subscribers: subscriberCount,
      rules: rules.rules.length,
      lost: subscribers.map((subscriber) => sent - subscriber.count),
      duplicates: subscribers.map((subscriber) => subscriber.duplicates),
      latencyMs: {
        p50: round(latency.percentile(0.5)),
        p99: round(latency.percentile(0.99)),
        max: round(latency.max),
        samples: latency.count,
      },
      latencyBySource,
      heap: {
        startMiB: round(heaps[0]!, 1),
        endMiB: round(heaps[heaps.length - 1]!, 1),
        maxMiB: round(Math.max(...heaps), 1),
        samples,
        gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      },
      ruleRuns,
      errors,
      statusChanges,
    };
  } finally {
    recording = false;
    offRuns();
    for (const subscriber of subscribers) subscriber.close();
    await hub.stop();
    await fakes.close();
  }
}
