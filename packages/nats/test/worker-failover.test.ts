import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus, type StreamEvent } from '@vmsc/core';
import { NatsBridge } from '@vmsc/nats';
import { closeAllFakes, scriptKick, startKickPusherFake, startNatsServer, waitUntil } from '@vmsc/testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/kick-worker.ts', import.meta.url));

const children: ChildProcess[] = [];
const bridges: NatsBridge[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(bridges.splice(0).map((bridge) => bridge.stop({ flushTimeoutMs: 100 })));
  await closeAllFakes();
});

/** A worker process; `held()` is the channels it last said it watches. */
function startWorker(args: Record<string, unknown>) {
  // node itself (not the tsx wrapper, which would outlive a SIGKILL in its child) with tsx's loader.
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(args)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let held: string[] = [];
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const lines = output.split('\n');
    output = lines.pop()!;
    for (const line of lines) held = (JSON.parse(line) as { channels: string[] }).channels;
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return { child, held: () => held, errors: () => errors };
}

describe('sharded Kick connectors across worker processes, through JetStream', () => {
  it('kill -9 a worker mid-stream: its channels move to the other, every chat message reaches the bus once', async () => {
    const nats = await startNatsServer();
    const pusher = await startKickPusherFake();
    const ids = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`channel${i}`, { chatroomId: 100 + i, channelId: 200 + i }]));
    const scripts = Object.fromEntries(Object.entries(ids).map(([slug, channel]) => [slug, scriptKick(pusher, channel)]));
    const common = { natsUrl: nats.url, wsHost: pusher.host, wsPort: pusher.port, channels: ids, ttlMs: 2_000, renewEveryMs: 500 };
    const a = startWorker({ ...common, workerId: 'a', capacity: 2 });
    await waitUntil(() => a.held().length === 2, `worker a claims two channels ${a.errors()}`, { timeoutMs: 20_000 });
    const b = startWorker({ ...common, workerId: 'b', capacity: 4 });
    await waitUntil(() => a.held().length + b.held().length === 4, `every channel claimed ${b.errors()}`, { timeoutMs: 20_000 });

    const consumer = new EventBus();
    const got: StreamEvent[] = [];
    consumer.on('chat', (event) => void got.push(event));
    const bridge = new NatsBridge({ bus: consumer, servers: nats.url, publish: false, consume: { durable: 'rules' } });
    bridges.push(bridge);
    await bridge.start();

    const sent: string[] = [];
    const say = async (round: number) => {
      for (const [slug, script] of Object.entries(scripts)) {
        const content = `${slug} message ${round}`;
        await script.chat({ username: `viewer_${round}`, content });
        sent.push(content);
      }
    };
    for (let round = 0; round < 5; round++) await say(round);
    await waitUntil(() => got.length === sent.length, 'the first rounds');

    const moved = a.held();
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    // Kick's feed has no replay: the test speaks again once the fake has seen the socket go.
    await waitUntil(
      () => moved.every((slug) => !pusher.subscriptions().includes(`chatrooms.${ids[slug]!.chatroomId}.v2`)),
      'the dead socket closed',
    );
    for (let round = 5; round < 10; round++) await say(round); // each waits for a subscriber of its channel
    await waitUntil(() => b.held().length === 4, 'worker b holds every channel');
    const failoverMs = Date.now() - killedAt;
    await waitUntil(() => got.length >= sent.length, `every message (${got.length}/${sent.length})`, { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const contents = got.map((event) => (event.data as { message: string }).message);
    expect(contents.sort()).toEqual([...sent].sort());
    expect(failoverMs).toBeLessThan(10_000);
  }, 60_000);
});
