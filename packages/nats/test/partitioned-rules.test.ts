import { afterEach, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { createEvent, EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';
import { NatsBridge, PartitionedRules, type PartitionRunner } from '@vmsc/nats';
import { closeAllFakes, startNatsServer, waitUntil, type NatsServer } from '@vmsc/testing';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  await closeAllFakes();
});

function chat(channel: string, n: number): StreamEvent {
  return createEvent({
    source: 'kick',
    type: 'chat',
    user: { id: `u${n}`, username: `user${n}`, nickname: `User ${n}` },
    data: { message: `m${n}` },
    meta: { channel },
  });
}

/** A runner whose "state" is the list of messages it saw (restored from its checkpoint). */
function listRunner(seen: string[][], state: unknown): PartitionRunner {
  const mine = Array.isArray(state) ? (state as string[]) : [];
  seen.push(mine);
  const bus = new EventBus();
  bus.on('chat', (event) => void mine.push(String((event.data as { message: string }).message)));
  return { bus, getState: () => [...mine], close: () => undefined };
}

async function setup(server: NatsServer) {
  const nc = await connect({ servers: server.url });
  cleanups.push(() => nc.close());
  const producer = new EventBus();
  const bridge = new NatsBridge({ bus: producer, servers: server.url, partitions: 1 });
  cleanups.push(() => bridge.stop({ flushTimeoutMs: 100 }));
  await bridge.start();
  return { nc, producer };
}

function rulesOn(nc: NatsConnection, ownerId: string, seen: string[][], notices: BusNotice[] = []) {
  const rules = new PartitionedRules({
    connection: nc,
    ownerId,
    partitions: 1,
    ttlMs: 1_000,
    checkpointEveryMs: 100,
    notify: (notice) => void notices.push(notice),
    open: (_partition, state) => listRunner(seen, state),
  });
  cleanups.push(() => rules.stop());
  return rules;
}

describe('PartitionedRules against a real nats-server', () => {
  it('a clean stop checkpoints: the successor starts from the saved state and runs nothing twice', async () => {
    const server = await startNatsServer();
    const { nc, producer } = await setup(server);
    const seenA: string[][] = [];
    const a = rulesOn(nc, 'a', seenA);
    await a.start();
    for (let i = 0; i < 5; i++) producer.publish(chat('xqc', i));
    await waitUntil(() => seenA[0]?.length === 5, 'a ran five');
    await a.stop();
    for (let i = 5; i < 8; i++) producer.publish(chat('xqc', i));
    const seenB: string[][] = [];
    const b = rulesOn(nc, 'b', seenB);
    await b.start();
    await waitUntil(() => seenB[0]?.length === 8, 'b restored five and ran three');
    expect(seenB[0]).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
  });

  it('a process whose checkpoint was overwritten by another stops running the partition (revision-checked)', async () => {
    const server = await startNatsServer();
    const { nc, producer } = await setup(server);
    const notices: BusNotice[] = [];
    const seen: string[][] = [];
    const a = rulesOn(nc, 'a', seen, notices);
    await a.start();
    producer.publish(chat('xqc', 1));
    await waitUntil(() => seen[0]?.length === 1, 'the first event');
    // Another owner writes the checkpoint (as after a hand-off a's renewals did not see yet).
    const kv = await new Kvm(nc).open('vmsc-rule-state');
    while (!(await kv.get('p0'))) await new Promise((resolve) => setTimeout(resolve, 20)); // a's first checkpoint
    await kv.put('p0', JSON.stringify({ seq: 1, state: ['from another owner'] }));
    producer.publish(chat('xqc', 2));
    await waitUntil(
      () => notices.some((notice) => notice.kind === 'error' && notice.error.code === 'NATS_CHECKPOINT_FAILED'),
      'the refused checkpoint',
    );
    await waitUntil(() => a.partitions.length === 0, 'a to stop running p0');
    // a still holds the lease: it reopens p0 from that checkpoint and runs what came after it.
    await waitUntil(() => seen[1]?.length === 2, 'a to reopen p0 from the other checkpoint', { timeoutMs: 5_000 });
    expect(seen[1]).toEqual(['from another owner', 'm2']);
  });

  it('a poison message of a partition is reported and skipped', async () => {
    const server = await startNatsServer();
    const { nc, producer } = await setup(server);
    const notices: BusNotice[] = [];
    const seen: string[][] = [];
    await rulesOn(nc, 'a', seen, notices).start();
    await jetstream(nc).publish('vmsc.p0.kick.chat', 'not json');
    producer.publish(chat('xqc', 1));
    await waitUntil(() => seen[0]?.length === 1, 'the valid event');
    expect(notices.map((notice) => notice.kind === 'error' && notice.error.code)).toEqual(['NATS_POISON_EVENT']);
  });
});
