import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, scriptKick, startKickPusherFake, startNatsServer, waitUntil } from '@vmsc/testing';
import { partitionOf } from '@vmsc/nats';
import { startCommand } from '../src/commands/start.js';
import { workerCommand } from '../src/commands/worker.js';
import { parseConfig } from '../src/config/load-config.js';
import { captureIo } from './io.js';

const counting = {
  id: '8b0f3a52-1c4d-4e7f-9a06-2d5b7c8e9f10',
  name: 'Count chats',
  trigger: { types: ['chat'] },
  actions: [
    { type: 'counter', name: 'chats' },
    { type: 'log', message: 'chat number {{vars.chats}}' },
  ],
};

afterEach(() => closeAllFakes());

async function dir(config: object): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'vmsc-cluster-'));
  await writeFile(join(folder, 'vmsc.config.json'), JSON.stringify({ journal: { enabled: false }, rules: [counting], ...config }));
  return folder;
}

describe('the hub over NATS: vmsc worker and vmsc start with a cluster section', () => {
  it('a worker hears Kick and publishes; a rules + server process runs the rules of its partitions and serves every event', async () => {
    const nats = await startNatsServer();
    const pusher = await startKickPusherFake();
    const ids = [
      { channel: 'alpha', chatroomId: 101, channelId: 201 },
      { channel: 'beta', chatroomId: 102, channelId: 202 },
    ];
    const cluster = { servers: nats.url, partitions: 4, worker: { channels: ids, leaseTtlMs: 2_000 }, rules: { leaseTtlMs: 2_000 } };
    const overrides = { kick: { wsHost: pusher.host, wsPort: pusher.port, forceTLS: false, keyRefresh: false as const } };
    const workerIo = captureIo(await dir({ server: { enabled: false }, cluster: { ...cluster, id: 'worker-1' } }));
    const rulesIo = captureIo(await dir({ server: { port: 0 }, cluster: { ...cluster, id: 'rules-1', roles: ['rules', 'server'] } }));
    const stopWorker = new AbortController();
    const stopRules = new AbortController();
    const worker = workerCommand({ config: 'vmsc.config.json', signal: stopWorker.signal, overrides }, workerIo);
    const rules = startCommand({ config: 'vmsc.config.json', signal: stopRules.signal }, rulesIo);
    await waitUntil(
      () => (rulesIo.out().match(/running partition/g) ?? []).length === 4,
      `the rules process to hold 4 partitions ${rulesIo.out()}`,
      {
        timeoutMs: 15_000,
      },
    );
    const scripts = ids.map((channel) => scriptKick(pusher, channel));
    for (const script of scripts) await script.waitForClient(15_000);
    for (let i = 0; i < 3; i++) for (const script of scripts) await script.chat({ username: `viewer${i}`, content: `hello ${i}` });
    await waitUntil(
      () => (rulesIo.out().match(/Count chats for kick chat → completed/g) ?? []).length === 6,
      `six rule runs ${rulesIo.out()}`,
      {
        timeoutMs: 15_000,
      },
    );
    // State is per partition: a partition's counter counts the chats of its channels, each once.
    const perPartition = new Map<number, number>();
    for (const { channel } of ids)
      perPartition.set(partitionOf(`kick:${channel}`, 4), (perPartition.get(partitionOf(`kick:${channel}`, 4)) ?? 0) + 3);
    const numbers = [...rulesIo.out().matchAll(/chat number (\d+)/g)].map((match) => Number(match[1]));
    expect(Math.max(...numbers)).toBe(Math.max(...perPartition.values()));
    expect(numbers).toHaveLength(6);
    expect(workerIo.out()).toMatch(/worker worker-1 watches 2 of 2 channel\(s\)/);
    // Role server: the custom WS server's bus (and the view) gets every event from JetStream, once.
    expect(rulesIo.out()).toMatch(/custom WS server listening on ws:\/\/127\.0\.0\.1:\d+/);
    await waitUntil(
      () => (rulesIo.out().match(/event {3}kick chat: viewer\d: hello \d/g) ?? []).length === 6,
      'six events on the server bus',
    );
    stopWorker.abort();
    stopRules.abort();
    expect(await worker).toBe(0);
    expect(await rules).toBe(0);
    expect(rulesIo.err()).toBe('');
  }, 40_000);

  it('vmsc worker refuses a config without cluster.worker; the cluster section is validated', async () => {
    const io = captureIo(await dir({}));
    expect(await workerCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/cluster: a worker needs a "cluster" section/);
    expect(() => parseConfig({ cluster: { servers: 'nats://x:4222', roles: ['cook'] } })).toThrow(/cluster\.roles\.0/);
    expect(() => parseConfig({ cluster: { servers: 'nats://x:4222', credentials: { tokenEnv: 'not a name' } } })).toThrow(
      /cluster\.credentials\.tokenEnv/,
    );
    const parsed = parseConfig({ cluster: { servers: ['nats://a:4222', 'nats://b:4222'] } });
    expect(parsed.cluster).toMatchObject({
      roles: ['rules', 'server'],
      partitions: 16,
      subjectPrefix: 'vmsc',
      rules: { leaseTtlMs: 10_000 },
    });
  });

  it('reads the NATS credentials from the environment, and names a missing one', async () => {
    const io = captureIo(
      await dir({
        server: { enabled: false },
        cluster: { servers: 'nats://127.0.0.1:1', roles: ['rules'], credentials: { tokenEnv: 'NATS_TOKEN' } },
      }),
    );
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/NATS_TOKEN: set the environment variable NATS_TOKEN/);
  });
});
