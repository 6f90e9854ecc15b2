import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, EventBus, type StreamEvent } from '@vmsc/core';
import { channelKeyOf, NatsBridge, partitionOf } from '@vmsc/nats';
import { closeAllFakes, startNatsServer, waitUntil } from '@vmsc/testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/rules-worker.ts', import.meta.url));
const PARTITIONS = 4;

const children: ChildProcess[] = [];
const bridges: NatsBridge[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(bridges.splice(0).map((bridge) => bridge.stop({ flushTimeoutMs: 100 })));
  await closeAllFakes();
});

interface Report {
  partitions: number[];
  counters: Record<string, number>;
}

/** A rules process: its last report, and every rule run it printed (event id → runs). */
function startRules(args: Record<string, unknown>) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(args)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let report: Report = { partitions: [], counters: {} };
  const runs: string[] = [];
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const lines = output.split('\n');
    output = lines.pop()!;
    for (const line of lines) {
      const parsed = JSON.parse(line) as Report & { run?: string };
      if (parsed.run) runs.push(parsed.run);
      else report = parsed;
    }
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return { child, report: () => report, runs, errors: () => errors };
}

function chat(channel: string, n: number): StreamEvent {
  return createEvent({
    source: 'kick',
    type: 'chat',
    user: { id: `u${n}`, username: `user${n}`, nickname: `User ${n}` },
    data: { message: `${channel} message ${n}` },
    meta: { channel },
  });
}

describe('rule engines partitioned by channel, across processes', () => {
  it('kill -9 a rules process mid-stream: its partitions move, every event counted once by the state', async () => {
    const nats = await startNatsServer();
    const producer = new EventBus();
    const publisher = new NatsBridge({ bus: producer, servers: nats.url, partitions: PARTITIONS });
    bridges.push(publisher);
    await publisher.start();
    const common = { natsUrl: nats.url, partitions: PARTITIONS, ttlMs: 1_500, checkpointEveryMs: 200 };
    const a = startRules({ ...common, ownerId: 'a', capacity: 2 });
    await waitUntil(() => a.report().partitions.length === 2, `rules a runs two partitions ${a.errors()}`, { timeoutMs: 20_000 });
    const b = startRules({ ...common, ownerId: 'b', capacity: PARTITIONS });
    await waitUntil(
      () => a.report().partitions.length + b.report().partitions.length === PARTITIONS,
      `every partition held ${b.errors()}`,
      {
        timeoutMs: 20_000,
      },
    );
    const aFirst = a.report().partitions;
    const bFirst = b.report().partitions;
    expect(aFirst.filter((p) => bFirst.includes(p))).toEqual([]);

    const channels = Array.from({ length: 12 }, (_, i) => `channel${i}`);
    const perPartition = new Map<number, number>();
    const sent: StreamEvent[] = [];
    const send = (round: number) => {
      for (const channel of channels) {
        const event = chat(channel, round);
        const partition = partitionOf(channelKeyOf(event), PARTITIONS);
        perPartition.set(partition, (perPartition.get(partition) ?? 0) + 1);
        sent.push(event);
        producer.publish(event);
      }
    };
    for (let round = 0; round < 20; round++) send(round);
    const ran = (id: string) => a.runs.includes(id) || b.runs.includes(id);
    await waitUntil(() => sent.every((event) => ran(event.id)), 'the first rounds ran');
    // Mid-stream: events keep coming while a dies without a word (its last checkpoint is up to 200 ms old).
    for (let round = 20; round < 30; round++) send(round);
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    for (let round = 30; round < 60; round++) send(round);
    await waitUntil(() => b.report().partitions.length === PARTITIONS, 'b runs every partition', { timeoutMs: 20_000 });
    const failoverMs = Date.now() - killedAt;
    await waitUntil(() => sent.every((event) => ran(event.id)), "every event's rule ran", { timeoutMs: 20_000 });
    // Each partition's counter (state restored from a's checkpoint, replayed after it) counts each event once.
    const expected = Object.fromEntries([...perPartition].map(([partition, count]) => [String(partition), count]));
    await waitUntil(
      () => JSON.stringify(b.report().counters) === JSON.stringify(expected),
      `b's counters to be ${JSON.stringify(expected)}`,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; they are ${JSON.stringify(b.report().counters)}`);
    });
    // One channel's rules ran in one place: no event of b's own partitions ever ran in a, and the
    // replayed events (run in a, then again in b) are only those of a's partitions after its checkpoint.
    const ofPartition = (event: StreamEvent) => partitionOf(channelKeyOf(event), PARTITIONS);
    const aRuns = new Set(a.runs);
    expect(sent.filter((event) => bFirst.includes(ofPartition(event)) && aRuns.has(event.id))).toEqual([]);
    const replayed = sent.filter((event) => aRuns.has(event.id) && b.runs.includes(event.id));
    expect(replayed.every((event) => aFirst.includes(ofPartition(event)))).toBe(true);
    // b ran each event at most once.
    expect(new Set(b.runs).size).toBe(b.runs.length);
    console.log(`rules failover: ${failoverMs} ms, ${replayed.length} event(s) re-run after the last checkpoint`);
  }, 60_000);
});
