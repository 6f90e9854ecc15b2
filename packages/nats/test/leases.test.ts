import { afterEach, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import { ChannelLeases } from '@vmsc/nats';
import { closeAllFakes, startNatsServer, waitUntil, type NatsServer } from '@vmsc/testing';

const connections: NatsConnection[] = [];
const workers: ChannelLeases[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop().catch(() => undefined)));
  await Promise.all(connections.splice(0).map((nc) => nc.close().catch(() => undefined)));
  await closeAllFakes();
});

const channels = Array.from({ length: 10 }, (_, i) => `kick:channel-${i}`);

/** A worker and the channels it reports holding (through its callbacks). */
async function worker(server: NatsServer, workerId: string, capacity: number, ttlMs = 1_500) {
  const nc = await connect({ servers: server.url });
  connections.push(nc);
  const holding = new Set<string>();
  const log: string[] = [];
  const leases = new ChannelLeases({
    connection: nc,
    workerId,
    channels,
    capacity,
    ttlMs,
    renewEveryMs: 300,
    acquired: (channel) => {
      holding.add(channel);
      log.push(`+${channel}`);
    },
    released: (channel, reason) => {
      holding.delete(channel);
      log.push(`-${channel}:${reason}`);
    },
  });
  workers.push(leases);
  await leases.start();
  return { nc, leases, holding, log };
}

describe('ChannelLeases: channels shared among workers through a JetStream KV bucket', () => {
  it('workers split the channels up to their capacity, never one channel twice', async () => {
    const server = await startNatsServer();
    const a = await worker(server, 'a', 6);
    const b = await worker(server, 'b', 6);
    await waitUntil(() => a.holding.size + b.holding.size === 10, 'every channel claimed');
    expect(a.holding.size).toBe(6);
    expect(b.holding.size).toBe(4);
    expect([...a.holding].filter((channel) => b.holding.has(channel))).toEqual([]);
    // Renewals keep them where they are.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(a.holding.size + b.holding.size).toBe(10);
    expect(a.log.filter((line) => line.startsWith('-'))).toEqual([]);
  });

  it('a worker that dies without a word: its channels move to another within the TTL and a round', async () => {
    const server = await startNatsServer();
    const a = await worker(server, 'a', 10);
    const b = await worker(server, 'b', 10);
    expect(a.holding.size).toBe(10);
    expect(b.holding.size).toBe(0);
    // "kill -9": the connection drops, nothing is released, renewals stop.
    workers.splice(workers.indexOf(a.leases), 1);
    const diedAt = Date.now();
    await a.nc.close();
    await waitUntil(() => b.holding.size === 10, 'b takes every channel over', { timeoutMs: 10_000 });
    const failoverMs = Date.now() - diedAt;
    expect(failoverMs).toBeLessThan(1_500 + 300 + 1_500);
  });

  it('stop() gives the leases back at once; a lease taken by another worker is reported lost', async () => {
    const server = await startNatsServer();
    const a = await worker(server, 'a', 10, 60_000);
    const b = await worker(server, 'b', 10, 60_000);
    await a.leases.stop();
    workers.splice(workers.indexOf(a.leases), 1);
    expect(a.log.filter((line) => line.endsWith(':released'))).toHaveLength(10);
    await waitUntil(() => b.holding.size === 10, 'b takes them at its next round');
    // Someone else writes one of b's leases (a worker that came back from a pause, say): b lets it go.
    const kv = await new Kvm(b.nc).open('vmsc-leases');
    await kv.put('kick_channel-3', 'intruder');
    await waitUntil(() => b.log.includes('-kick:channel-3:lost'), 'the lost lease');
    expect(b.holding.has('kick:channel-3')).toBe(false);
  });

  it('a channel the worker cannot start is reported and its lease given back, so another worker takes it', async () => {
    const server = await startNatsServer();
    const nc = await connect({ servers: server.url });
    connections.push(nc);
    const notices: string[] = [];
    const broken = new ChannelLeases({
      connection: nc,
      workerId: 'broken',
      channels,
      capacity: 10,
      ttlMs: 60_000,
      renewEveryMs: 300,
      acquired: (channel) => {
        if (channel === 'kick:channel-0') throw new Error('no connector for this channel');
      },
      released: () => undefined,
      notify: (notice) => void (notice.kind === 'error' && notices.push(`${notice.error.code}: ${notice.error.message}`)),
    });
    workers.push(broken);
    await broken.start();
    expect(broken.held).not.toContain('kick:channel-0');
    expect(notices).toEqual([expect.stringMatching(/^NATS_LEASE_START_FAILED: could not start kick:channel-0 .*no connector/)]);
    // The lease is free again (not held until its 60 s TTL): another worker gets it at once.
    const other = await worker(server, 'other', 1, 60_000);
    expect([...other.holding]).toEqual(['kick:channel-0']);
  });
});
