/**
 * One step of the ceiling search: a fresh `vmsc start` (pinned to the hub's core) with one Kick
 * channel and the 1,000 rules, `subscribers` custom-WS subscribers, a warm-up, then `durationMs` of
 * chat at `ratePerSecond`; every event is timed at every subscriber and counted.
 */
import { scriptKick, type KickPusherFake } from '@vmsc/testing';
import { spawnHub } from '../hub/spawn-hub.js';
import { feed } from './feeder.js';
import { BENCH_TOKEN, STREAM_CHANNEL, writeHubDir, type LogLevel } from './hub-dir.js';
import { startSubscribers } from './subscribers.js';
import type { ReportMessage } from './subscriber-ipc.js';

/** The cores: the hub alone on one, the fake, the feeder and the subscribers on the other. */
export const HUB_CORE = 1;
export const LOAD_CORE = 0;

/** What passes a step: p99 under this at every subscriber (and nothing lost or doubled, the rate achieved). */
export const P99_LIMIT_MS = 100;
/** The feeder must reach this share of the asked rate for the step to count. */
export const ACHIEVED_SHARE = 0.97;

/** Options of {@link runStep}. */
export interface StepOptions {
  pusher: KickPusherFake;
  ratePerSecond: number;
  durationMs: number;
  /** Chat sent at the step's rate before the measured window (JIT, connections, caches). */
  warmupMs: number;
  subscribers: number;
  /** How long after the feed ends an event may still arrive before it counts as lost. */
  drainMs: number;
  /** Sequence numbers start here (each step its own range). */
  from: number;
  /** The hub's log level (default the config's default, `info`). */
  logLevel?: LogLevel;
  /** The hub's and the subscribers' niceness (where allowed): other work on a shared machine yields to them. */
  nice?: number;
  /** More node flags for the hub (`--cpu-prof`, to see where its time goes). */
  hubNodeArgs?: readonly string[];
}

/** What one step measured. */
export interface StepResult {
  ratePerSecond: number;
  achievedPerSecond: number;
  sent: number;
  /** Merged over every subscriber. */
  latency: ReportMessage['all'];
  /** When the slowest event of the window was sent, ms after the window began (where a stall was). */
  slowestAtMs: number;
  /** The worst subscriber's p99. */
  worstP99: number;
  /** Summed over the subscribers; `lostMax`: the most one subscriber lost. */
  lost: number;
  lostMax: number;
  doubled: number;
  /** Every subscriber received every event of the window exactly once. */
  exactlyOnce: boolean;
  /** The hub's CPU over the window (% of its core), its RSS at the window's end, its heap after a full GC after the drain. */
  hub: { cpuPercent: number; rssMiB: number; heapMiB: number; pinned: boolean };
  /** The load core's use by the feeder (this process) and the subscribers process, % of one core. */
  loadCpuPercent: number;
  pass: boolean;
  /** Next free sequence number. */
  next: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuMicros = () => {
  const cpu = process.cpuUsage();
  return cpu.user + cpu.system;
};

/** When the slowest event of all subscribers was sent, ms into the window (from its sequence number). */
function slowestAt(report: ReportMessage, from: number, ratePerSecond: number): number {
  const slowest = report.subscribers.reduce((worst, s) => (s.max > worst.max ? s : worst), report.subscribers[0]!);
  return slowest.slowestSeq < 0 ? Number.NaN : ((slowest.slowestSeq - from) * 1_000) / ratePerSecond;
}

/** Runs one step; everything it starts is stopped before it returns. */
export async function runStep(options: StepOptions): Promise<StepResult> {
  const { pusher, ratePerSecond } = options;
  const hubDir = await writeHubDir(pusher, [STREAM_CHANNEL], options.logLevel ? { logLevel: options.logLevel } : {});
  const hub = spawnHub(hubDir.args, {
    env: { VMSC_TOKEN: BENCH_TOKEN },
    core: HUB_CORE,
    exposeGc: true,
    ...(options.nice !== undefined ? { nice: options.nice } : {}),
    ...(options.hubNodeArgs ? { nodeArgs: options.hubNodeArgs } : {}),
  });
  let subscribers: Awaited<ReturnType<typeof startSubscribers>> | undefined;
  try {
    const script = scriptKick(pusher, STREAM_CHANNEL);
    await Promise.race([
      script.waitForClient(30_000),
      hub.exited().then((code) => Promise.reject(new Error(`the hub exited (${code}):\n${hub.output()}`))),
    ]);
    subscribers = await startSubscribers(
      { url: `ws://127.0.0.1:${hubDir.port}`, token: BENCH_TOKEN, count: options.subscribers },
      { core: LOAD_CORE, ...(options.nice !== undefined ? { nice: options.nice } : {}) },
    );

    const warm = await feed(script, { ratePerSecond, durationMs: options.warmupMs, from: options.from });
    await sleep(Math.min(1_000, options.warmupMs));
    const total = Math.round((ratePerSecond * options.durationMs) / 1_000);
    subscribers.measure(warm.to, warm.to + total);
    const before = await hub.memory({ gc: false });
    const subsBefore = (await subscribers.report()).cpuMicros;
    const feederBefore = cpuMicros();
    const t0 = performance.now();
    const fed = await feed(script, { ratePerSecond, durationMs: options.durationMs, from: warm.to });
    const after = await hub.memory({ gc: false });
    const wallMs = performance.now() - t0;
    const feederCpu = cpuMicros() - feederBefore;

    let report = await subscribers.report();
    const subsCpu = report.cpuMicros - subsBefore;
    const drainUntil = performance.now() + options.drainMs;
    while (report.subscribers.some((s) => s.lost > 0) && performance.now() < drainUntil) {
      await sleep(100);
      report = await subscribers.report();
    }
    const settled = await hub.memory();
    const lost = report.subscribers.reduce((sum, s) => sum + s.lost, 0);
    const doubled = report.subscribers.reduce((sum, s) => sum + s.doubled, 0);
    const worstP99 = Math.max(...report.subscribers.map((s) => (s.received > 0 ? s.p99 : Number.POSITIVE_INFINITY)));
    const exactlyOnce = report.subscribers.every((s) => s.received === total && s.lost === 0 && s.doubled === 0);
    return {
      ratePerSecond,
      achievedPerSecond: fed.achievedPerSecond,
      sent: fed.to - fed.from,
      latency: report.all,
      worstP99,
      slowestAtMs: slowestAt(report, warm.to, ratePerSecond),
      lost,
      lostMax: Math.max(...report.subscribers.map((s) => s.lost)),
      doubled,
      exactlyOnce,
      hub: {
        cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1_000 / wallMs) * 100,
        rssMiB: after.rss / 2 ** 20,
        heapMiB: settled.heapUsed / 2 ** 20,
        pinned: hub.pinned,
      },
      loadCpuPercent: ((feederCpu + subsCpu) / 1_000 / wallMs) * 100,
      pass: worstP99 < P99_LIMIT_MS && lost === 0 && doubled === 0 && fed.achievedPerSecond >= ratePerSecond * ACHIEVED_SHARE,
      next: fed.to,
    };
  } finally {
    await subscribers?.stop().catch(() => undefined);
    const timer = setTimeout(() => hub.child.kill('SIGKILL'), 15_000);
    await hub.stop();
    clearTimeout(timer);
    await hubDir.remove();
  }
}
