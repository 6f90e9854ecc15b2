/** The ceiling bench's hub directories: a `vmsc.config.json` with Kick channels on the fake, and the 1,000 rules. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type KickPusherFake } from '@vmsc/testing';
import type { HubProcessArgs } from '../hub/hub-process.js';
import { generateRules } from './rules.js';

/** The server token of the bench's hubs (a throwaway, set in the hub's environment as `VMSC_TOKEN`). */
export const BENCH_TOKEN = 'ceiling-bench-server-token-0123456789';

/** The Kick channel the ceiling stream is sent on. */
export const STREAM_CHANNEL = { slug: 'ceiling_stream', chatroomId: 9_000_001, channelId: 9_000_001 } as const;

/** The log file's levels (the config's `log.level`; `vmsc start` defaults to `info`, a line per rule run). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** The ids of the `n`-th channel of the heap probe. */
export const probeChannel = (n: number) => ({ slug: `probe_${n}`, chatroomId: 10_000 + n, channelId: 20_000 + n });

/** A hub directory, ready for {@link spawnHub}. */
export interface HubDir {
  dir: string;
  /** The custom WS server's port. */
  port: number;
  args: HubProcessArgs;
  remove(): Promise<void>;
}

const entryOf = (channel: { slug: string; chatroomId: number; channelId: number }) => ({
  channel: channel.slug,
  chatroomId: channel.chatroomId,
  channelId: channel.channelId,
});

/**
 * Writes a hub directory: the 1,000 rules, and a config with the given Kick channels (ids given,
 * so no lookup) and the custom WS server on a free loopback port; journal, log file and state at
 * their defaults, as `vmsc start` runs for a streamer. The Kick connectors are aimed at `pusher`.
 * With `worker`, the config of a `vmsc worker` instead: the channels are `cluster.worker.channels`
 * (all of them this worker's share), leased on the NATS server at `worker.natsUrl`.
 */
export async function writeHubDir(
  pusher: KickPusherFake,
  channels: ReadonlyArray<{ slug: string; chatroomId: number; channelId: number }>,
  options: { logLevel?: LogLevel; worker?: { natsUrl: string } } = {},
): Promise<HubDir> {
  const dir = await mkdtemp(join(tmpdir(), 'vmsc-ceiling-'));
  const port = await freePort();
  await writeFile(join(dir, 'rules.json'), JSON.stringify(generateRules(), null, 1));
  await writeFile(
    join(dir, 'vmsc.config.json'),
    JSON.stringify({
      rules: 'rules.json',
      server: { port, host: '127.0.0.1' },
      ...(options.logLevel ? { log: { level: options.logLevel } } : {}),
      ...(options.worker
        ? {
            connectors: [],
            cluster: {
              servers: options.worker.natsUrl,
              roles: ['worker'],
              worker: { channels: channels.map(entryOf), capacity: Math.max(1, channels.length) },
            },
          }
        : { connectors: channels.map((channel) => ({ type: 'kick', ...entryOf(channel) })) }),
    }),
  );
  return {
    dir,
    port,
    args: { dir, overrides: { kick: { wsHost: pusher.host, wsPort: pusher.port, forceTLS: false, keyRefresh: false } } },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
