/**
 * `pnpm bench:cluster`: the bus over NATS JetStream, end to end, on the Kick fake and a real
 * nats-server. Measures events/s from the fake's frames to completed rule runs with 3 worker
 * processes and 2 rule-engine processes (16 partitions), against the same stream in one process
 * without NATS (Kick connectors + rule engine on one bus), memory per channel per worker, and the
 * failover time of a worker and of a rule engine killed with SIGKILL (standby processes take over).
 * Writes its section of docs/benchmarks.md. Short on purpose (the machine is shared): a few rounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { EventBus, RuleEngine } from '@vmsc/core';
import { KickConnector } from '@vmsc/connector-kick';
import { closeAllFakes, scriptKick, startKickPusherFake, startNatsServer, waitUntil, type KickScript } from '@vmsc/testing';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 60);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100); // per channel per round
const ROUNDS = Number(process.env.BENCH_CLUSTER_ROUNDS ?? 3);
const PARTITIONS = 16;
const TTL_MS = 10_000; // the documented default lease TTL
const root = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

interface Child<T> {
  child: ChildProcess;
  last: () => T;
}
function start<T>(script: string, args: object, initial: T): Child<T> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(args)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  let last = initial;
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    if (lines.length > 0) last = JSON.parse(lines.at(-1)!) as T;
  });
  return { child, last: () => last };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const nats = await startNatsServer();
const pusher = await startKickPusherFake();
const ids = Object.fromEntries(Array.from({ length: CHANNELS }, (_, i) => [`channel${i}`, { chatroomId: 1000 + i, channelId: 2000 + i }]));
const scripts: KickScript[] = Object.values(ids).map((channel) => scriptKick(pusher, channel));
let sentTotal = 0;
async function sendRound(): Promise<void> {
  for (let m = 0; m < MESSAGES; m++)
    for (const script of scripts) {
      await script.chat({ username: `viewer${m % 50}`, content: `message ${sentTotal++}` });
    }
}

// 1. One process, no NATS: the same connectors and rule on one bus.
const baseline: number[] = [];
{
  const bus = new EventBus();
  let runs = 0;
  const engine = new RuleEngine({ bus });
  engine.addRules([
    {
      id: '0d5c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
      name: 'count chats',
      trigger: { types: ['chat'] },
      actions: [{ type: 'counter', name: 'chats' }],
    },
  ]);
  engine.onRun(() => void runs++);
  const connectors = Object.entries(ids).map(
    ([slug, channel]) =>
      new KickConnector({
        bus,
        channel: { ...channel, slug },
        wsHost: pusher.host,
        wsPort: pusher.port,
        forceTLS: false,
        keyRefresh: false,
      }),
  );
  void Promise.all(connectors.map((connector) => connector.connect()));
  for (const script of scripts) await script.waitForClient(30_000);
  for (let round = 0; round < ROUNDS; round++) {
    const target = runs + CHANNELS * MESSAGES;
    const t0 = performance.now();
    await sendRound();
    await waitUntil(() => runs >= target, 'the baseline round', { timeoutMs: 120_000, intervalMs: 2 });
    baseline.push((CHANNELS * MESSAGES) / ((performance.now() - t0) / 1000));
  }
  await Promise.all(connectors.map((connector) => connector.disconnect()));
  engine.close();
  await waitUntil(() => pusher.subscriptions().length === 0, 'the baseline gone', { timeoutMs: 10_000 });
}

// 2. The cluster: 2 rule engines (8 partitions each), 3 workers (CHANNELS / 3 each), one standby of each.
type RulesReport = { partitions: number; runs: number };
type WorkerReport = { held: number; heapUsed: number; rss: number };
const natsUrl = nats.url;
const share = Math.ceil(CHANNELS / 3);
const rules = ['r1', 'r2'].map((ownerId) =>
  start<RulesReport>(
    '../../packages/nats/bench/cluster-rules.ts',
    { natsUrl, ownerId, partitions: PARTITIONS, capacity: PARTITIONS / 2, ttlMs: TTL_MS },
    { partitions: 0, runs: 0 },
  ),
);
await waitUntil(() => rules.every((r) => r.last().partitions === PARTITIONS / 2), 'rules hold 8 partitions each', { timeoutMs: 30_000 });
const workerArgs = {
  natsUrl,
  capacity: share,
  partitions: PARTITIONS,
  wsHost: pusher.host,
  wsPort: pusher.port,
  channels: ids,
  ttlMs: TTL_MS,
};
const workers: Array<Child<WorkerReport>> = [];
for (const workerId of ['w1', 'w2', 'w3']) {
  const worker = start<WorkerReport>(
    '../../packages/nats/test/fixtures/kick-worker.ts',
    { ...workerArgs, workerId },
    { held: 0, heapUsed: 0, rss: 0 },
  );
  workers.push(worker);
  await waitUntil(() => worker.last().held === share, `${workerId} holds ${share}`, { timeoutMs: 30_000 });
}
for (const script of scripts) await script.waitForClient(30_000);
const standbyWorker = start<WorkerReport>(
  '../../packages/nats/test/fixtures/kick-worker.ts',
  { ...workerArgs, workerId: 'w4' },
  { held: -1, heapUsed: 0, rss: 0 },
);
const standbyRules = start<RulesReport>(
  '../../packages/nats/bench/cluster-rules.ts',
  { natsUrl, ownerId: 'r3', partitions: PARTITIONS, capacity: PARTITIONS, ttlMs: TTL_MS },
  { partitions: -1, runs: 0 },
);
await waitUntil(() => standbyWorker.last().held === 0 && standbyRules.last().partitions === 0, 'the standbys up', { timeoutMs: 30_000 });

const totalRuns = () => rules.reduce((sum, r) => sum + r.last().runs, 0);
const cluster: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const target = totalRuns() + CHANNELS * MESSAGES;
  const t0 = performance.now();
  await sendRound();
  await waitUntil(() => totalRuns() >= target, 'the cluster round', { timeoutMs: 120_000, intervalMs: 2 });
  cluster.push((CHANNELS * MESSAGES) / ((performance.now() - t0) / 1000));
}

// 3. Memory per channel per worker: a worker with `share` channels against the standby with none (heap after a GC).
await new Promise((resolve) => setTimeout(resolve, 1_000));
const busyHeap = median(workers.map((w) => w.last().heapUsed));
const busyRss = median(workers.map((w) => w.last().rss));
const idleHeap = standbyWorker.last().heapUsed;
const idleRss = standbyWorker.last().rss;
const heapPerChannel = (busyHeap - idleHeap) / share;
const rssPerChannel = (busyRss - idleRss) / share;

// 4. Failover: SIGKILL a worker, then a rule engine; the standby takes over when the leases expire.
workers[0]!.child.kill('SIGKILL');
let t0 = performance.now();
await waitUntil(() => standbyWorker.last().held === share, 'the standby worker took over', { timeoutMs: 60_000, intervalMs: 10 });
const workerFailoverMs = performance.now() - t0;
rules[0]!.child.kill('SIGKILL');
t0 = performance.now();
await waitUntil(() => standbyRules.last().partitions === PARTITIONS / 2, 'the standby rules took over', {
  timeoutMs: 60_000,
  intervalMs: 10,
});
const rulesFailoverMs = performance.now() - t0;

for (const child of children) child.kill('SIGKILL');
await closeAllFakes();

const ratio = median(baseline) / median(cluster);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
const section = [
  '<!-- cluster:start -->',
  '## Cluster: the bus over NATS JetStream (`pnpm bench:cluster`)',
  '',
  `Generated by \`pnpm bench:cluster\` (bench/cluster/main.ts) on ${new Date().toISOString().slice(0, 10)}, ${machine}; nats-server on`,
  `loopback with file storage, everything (fake, NATS, ${workers.length + rules.length + 2} processes) on this one machine. ${CHANNELS} Kick channels on the Kick`,
  `fake, ${MESSAGES} chat messages per channel per round (${fmt(CHANNELS * MESSAGES)} events), ${ROUNDS} rounds each; a round is timed from the`,
  'first frame sent to the last rule run completed. Not interleaved with the baseline (they share the fake).',
  '',
  '| Setup | events/s (median) | rounds |',
  '| --- | ---: | --- |',
  `| One process, no NATS (${CHANNELS} connectors + rule engine on one bus) | ${fmt(median(baseline))} | ${baseline.map(fmt).join(', ')} |`,
  `| 3 workers + 2 rule engines (${PARTITIONS} partitions) through JetStream | ${fmt(median(cluster))} | ${cluster.map(fmt).join(', ')} |`,
  '',
  `- Ratio one process / cluster: **${ratio.toFixed(2)}×** (the cluster's throughput is ${(100 / ratio).toFixed(0)}% of one process here).`,
  `- Memory per channel per worker: heap ${(heapPerChannel / 1024).toFixed(1)} KiB, RSS ${(rssPerChannel / 1024).toFixed(1)} KiB (a worker with ${share} channels: heap ${(busyHeap / 2 ** 20).toFixed(1)} MiB, RSS ${(busyRss / 2 ** 20).toFixed(1)} MiB; with none: heap ${(idleHeap / 2 ** 20).toFixed(1)} MiB, RSS ${(idleRss / 2 ** 20).toFixed(1)} MiB).`,
  `- Failover, lease TTL ${TTL_MS / 1000} s: a worker killed with SIGKILL → its ${share} channels watched by the standby in **${(workerFailoverMs / 1000).toFixed(1)} s**; a rule engine killed → its ${PARTITIONS / 2} partitions running on the standby in **${(rulesFailoverMs / 1000).toFixed(1)} s**.`,
  '<!-- cluster:end -->',
].join('\n');
console.log(section);
const target = new URL('../../docs/benchmarks.md', import.meta.url);
const previous = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n';
const next = /<!-- cluster:start -->[\s\S]*<!-- cluster:end -->/.test(previous)
  ? previous.replace(/<!-- cluster:start -->[\s\S]*<!-- cluster:end -->/, section)
  : `${previous.trimEnd()}\n\n${section}\n`;
writeFileSync(target, next);
console.log('wrote docs/benchmarks.md');
process.exit(0);
