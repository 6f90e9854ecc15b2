/**
 * Heap per channel: `vmsc start` (same rules and server as the ceiling steps) watching 0, 1,000 and
 * 2,000 Kick channels on the Kick fake, one config entry per channel. Each count is a fresh hub,
 * weighed after every channel is subscribed on the fake and the hub has settled: heap after a full
 * GC (node --expose-gc), the lowest of a few readings.
 */
import { connect } from 'node:net';
import type { KickPusherFake } from '@vmsc/testing';
import { spawnHub } from '../hub/spawn-hub.js';
import { BENCH_TOKEN, probeChannel, writeHubDir } from './hub-dir.js';
import { HUB_CORE } from './step.js';

/** The heap and RSS of a hub holding `channels` Kick channels. */
export interface HeapReading {
  channels: number;
  heapUsed: number;
  rss: number;
  /** How long the hub took from spawn to every channel subscribed, ms. */
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

/** Weighs a hub holding `count` channels; the hub is stopped before it returns. */
export async function weighHub(
  pusher: KickPusherFake,
  count: number,
  options: { settleMs?: number; readings?: number } = {},
): Promise<HeapReading> {
  const channels = Array.from({ length: count }, (_, n) => probeChannel(n));
  const hubDir = await writeHubDir(pusher, channels);
  const t0 = performance.now();
  const hub = spawnHub(hubDir.args, { env: { VMSC_TOKEN: BENCH_TOKEN }, core: HUB_CORE, exposeGc: true });
  try {
    const wanted = channels.map((channel) => `chatrooms.${channel.chatroomId}.v2`);
    // Up: the custom WS server accepts connections; then every channel subscribed.
    for (;;) {
      if (hub.child.exitCode !== null) throw new Error(`the hub exited:\n${hub.output()}`);
      const subscribed = new Set(pusher.subscriptions());
      if (wanted.every((name) => subscribed.has(name)) && (await accepts(hubDir.port))) break;
      if (performance.now() - t0 > 120_000)
        throw new Error(`the hub did not subscribe to ${count} channels in 120 s:\n${hub.output().slice(-2_000)}`);
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
    return { channels: count, heapUsed: best.heapUsed, rss: best.rss, subscribedMs };
  } finally {
    const timer = setTimeout(() => hub.child.kill('SIGKILL'), 15_000);
    await hub.stop();
    clearTimeout(timer);
    await hubDir.remove();
  }
}

/** Heap per channel from readings at 0 and more channels: KiB per channel of each count against 0, and per 1,000. */
export function perChannel(readings: readonly HeapReading[]): Array<{ channels: number; kibPerChannel: number; mibPer1000: number }> {
  const base = readings.find((r) => r.channels === 0);
  if (!base) return [];
  return readings
    .filter((r) => r.channels > 0)
    .map((r) => {
      const perChannelBytes = (r.heapUsed - base.heapUsed) / r.channels;
      return { channels: r.channels, kibPerChannel: perChannelBytes / 1024, mibPer1000: (perChannelBytes * 1000) / 2 ** 20 };
    });
}
