/**
 * Heap per channel: `vmsc start` (same rules and server as the ceiling steps) watching 0, 1,000 and
 * 2,000 Kick channels on the Kick fake, one config entry per channel; and `vmsc worker` holding the
 * leases of as many sharded channels (`cluster.worker.channels`, on a NATS server). Each count is a
 * fresh process, weighed after every channel is subscribed on the fake and the process has settled:
 * heap after a full GC (node --expose-gc), the lowest of a few readings.
 */
import { connect } from 'node:net';
import type { KickPusherFake } from '@vmsc/testing';
import { spawnHub } from '../hub/spawn-hub.js';
import { BENCH_TOKEN, probeChannel, writeHubDir } from './hub-dir.js';
import { HUB_CORE } from './step.js';

/** The heap and RSS of a hub (or a worker) holding `channels` Kick channels. */
export interface HeapReading {
  /** `hub`: `vmsc start` with a connector entry per channel; `worker`: `vmsc worker` holding every channel's lease. */
  role: 'hub' | 'worker';
  channels: number;
  heapUsed: number;
  rss: number;
  /** How long the process took from spawn to every channel subscribed, ms. */
  subscribedMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whether something accepts TCP connections on the loopback port. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Options of {@link weighHub}. */
export interface WeighOptions {
  /** How long the process settles once every channel is subscribed, ms (default 2,000). */
  settleMs?: number;
  /** Readings after a GC, the lowest kept (default 3). */
  readings?: number;
  /** The process's niceness (where allowed). */
  nice?: number;
  /** Weigh `vmsc worker` on this NATS server instead of `vmsc start`. */
  worker?: { natsUrl: string };
}

/** Weighs a hub (or a worker) holding `count` channels; the process is stopped before it returns. */
export async function weighHub(pusher: KickPusherFake, count: number, options: WeighOptions = {}): Promise<HeapReading> {
  const channels = Array.from({ length: count }, (_, n) => probeChannel(n));
  const hubDir = await writeHubDir(pusher, channels, options.worker ? { worker: options.worker } : {});
  const t0 = performance.now();
  const hub = spawnHub(hubDir.args, {
    env: { VMSC_TOKEN: BENCH_TOKEN },
    core: HUB_CORE,
    exposeGc: true,
    ...(options.nice !== undefined ? { nice: options.nice } : {}),
  });
  const watching = new RegExp(`cluster: worker \\S+ watches ${count} of`);
  try {
    const wanted = channels.map((channel) => `chatrooms.${channel.chatroomId}.v2`);
    // Up (the hub's custom WS server accepts connections; the worker says it watches them all), every channel subscribed.
    for (;;) {
      if (hub.child.exitCode !== null) throw new Error(`the ${options.worker ? 'worker' : 'hub'} exited:\n${hub.output()}`);
      const up = options.worker ? watching.test(hub.output()) : await accepts(hubDir.port);
      const subscribed = new Set(pusher.subscriptions());
      if (up && wanted.every((name) => subscribed.has(name))) break;
      if (performance.now() - t0 > 120_000)
        throw new Error(`not every one of ${count} channels subscribed in 120 s:\n${hub.output().slice(-2_000)}`);
      await sleep(100);
    }
    const subscribedMs = performance.now() - t0;
    await sleep(options.settleMs ?? 2_000);
    let best = { heapUsed: Number.POSITIVE_INFINITY, rss: Number.POSITIVE_INFINITY };
    for (let i = 0; i < (options.readings ?? 3); i++) {
      const reading = await hub.memory();
      if (reading.heapUsed < best.heapUsed) best = reading;
      await sleep(200);
    }
    return { role: options.worker ? 'worker' : 'hub', channels: count, heapUsed: best.heapUsed, rss: best.rss, subscribedMs };
  } finally {
    const timer = setTimeout(() => hub.child.kill('SIGKILL'), 15_000);
    await hub.stop();
    clearTimeout(timer);
    await hubDir.remove();
  }
}

/** Heap per channel of each reading against the reading of the same role at 0 channels: KiB per channel, MiB per 1,000. */
export function perChannel(
  readings: readonly HeapReading[],
): Array<{ role: HeapReading['role']; channels: number; kibPerChannel: number; mibPer1000: number }> {
  const baseOf = (role: HeapReading['role']) => readings.find((b) => b.role === role && b.channels === 0);
  return readings.flatMap((r) => {
    const base = baseOf(r.role);
    if (r.channels === 0 || !base) return [];
    const perChannelBytes = (r.heapUsed - base.heapUsed) / r.channels;
    return [{ role: r.role, channels: r.channels, kibPerChannel: perChannelBytes / 1024, mibPer1000: (perChannelBytes * 1000) / 2 ** 20 }];
  });
}
