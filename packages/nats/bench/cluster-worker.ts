// A bench worker process: its share of the Kick channels (leases), published to JetStream
// partitioned by channel. Reports on stdout (JSON lines): the channels it holds and its heap after a GC.
// Argument: one JSON object (see `WorkerArgs`). Run with node --expose-gc --import tsx, cwd the repository root.
import { connect } from '@nats-io/transport-node';
import { EventBus } from '@vmsc/core';
import { KickConnector } from '@vmsc/connector-kick';
import { ConnectorShards, NatsBridge } from '@vmsc/nats';

interface WorkerArgs {
  natsUrl: string;
  workerId: string;
  capacity: number;
  partitions: number;
  wsHost: string;
  wsPort: number;
  channels: Record<string, { chatroomId: number; channelId: number }>;
  ttlMs: number;
}

const args = JSON.parse(process.argv[2]!) as WorkerArgs;
const bus = new EventBus();
const bridge = new NatsBridge({ bus, servers: args.natsUrl, id: `nats:${args.workerId}`, partitions: args.partitions });
await bridge.start();
const nc = await connect({ servers: args.natsUrl });
const shards = new ConnectorShards({
  connection: nc,
  workerId: args.workerId,
  channels: Object.keys(args.channels),
  capacity: args.capacity,
  ttlMs: args.ttlMs,
  create: (channel) =>
    new KickConnector({
      bus,
      channel: { ...args.channels[channel]!, slug: channel },
      wsHost: args.wsHost,
      wsPort: args.wsPort,
      forceTLS: false,
      keyRefresh: false,
    }),
});
await shards.start();
const gc = (globalThis as { gc?: () => void }).gc;
setInterval(() => {
  gc?.();
  const memory = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ held: shards.channels.length, heapUsed: memory.heapUsed, rss: memory.rss })}\n`);
}, 250);
