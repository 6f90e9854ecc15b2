import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EventBus, type StreamEvent } from '@vmsc/core';
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { tiktokSamples } from '@vmsc/testing';

const here = fileURLToPath(new URL('.', import.meta.url));
const nodeClient = join(here, 'node-client.cjs');
const pythonClient = join(here, 'python_client.py');

/** The spec's Node.js client as a child process, with its stdout and stderr split into lines. */
interface RunningClient {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the first line (so far or later) on `stream` that contains `text`. */
  line(text: string, stream?: 'stdout' | 'stderr'): Promise<string>;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
const servers = new Set<CustomWsServer>();

function runNodeClient(url: string, token: string): RunningClient {
  return runClient(process.execPath, [nodeClient], url, token);
}

function runClient(command: string, args: string[], url: string, token: string): RunningClient {
  const child = spawn(command, args, {
    cwd: here,
    env: { ...process.env, VMSC_URL: url, VMSC_TOKEN: token, PYTHONUNBUFFERED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const waiters = new Set<() => void>();
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream]!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      lines[stream].push(...parts);
      for (const waiter of waiters) waiter();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = (text: string, stream: 'stdout' | 'stderr' = 'stdout') =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines[stream].find((candidate) => candidate.includes(text));
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `no ${stream} line with ${JSON.stringify(text)}; stdout=${JSON.stringify(lines.stdout)} stderr=${JSON.stringify(lines.stderr)}`,
          ),
        );
      }, 8_000);
      waiters.add(check);
      check();
    });
  return { child, ...lines, line, exited };
}

async function startServer(bus: EventBus): Promise<CustomWsServer> {
  // The spec's clients connect to `ws://localhost:7895`; the test keeps `localhost` (it must reach the
  // server's default 127.0.0.1 binding) and only swaps the port for an OS-assigned one.
  const server = new CustomWsServer({ bus, port: 0 });
  await server.listen();
  servers.add(server);
  return server;
}

afterEach(async () => {
  for (const child of children) child.kill();
  children.clear();
  await Promise.all([...servers].map((server) => server.close()));
  servers.clear();
});

describe('the spec’s Node.js example client (examples/custom-ws/node-client.cjs)', () => {
  it('connects with a generated token, injects its event (it reaches the bus and comes back as a broadcast), and receives platform events', async () => {
    const bus = new EventBus();
    const seen: StreamEvent[] = [];
    bus.onAny((event) => void seen.push(event));
    const server = await startServer(bus);
    const client = runNodeClient(`ws://localhost:${server.port}`, server.token.reveal());

    await client.line('Connected to VMSC');
    // It subscribed first, so its own injected event comes back to it as a broadcast.
    const own = await client.line('[my-app] chat:');
    expect(own).toContain('Automated message from my app');
    const injected = seen.find((event) => event.source === 'my-app');
    expect(injected).toMatchObject({
      type: 'chat',
      user: { id: 'bot-001', username: 'MyApp', nickname: 'My Application' },
      data: { message: 'Automated message from my app' },
    });
    expect(server.connectionCount).toBe(1);

    // A platform event published on the bus reaches the subscribed example client.
    const gift = tiktokSamples().find((event) => event.type === 'gift')!;
    bus.publish(gift);
    await client.line('[tiktok] gift:');
    await client.line("giftName: 'Rose'");
    expect(client.stderr).toEqual([]);

    await server.close();
    expect(await client.line('Disconnected: 1001')).toContain('server shutting down');
    expect(await client.exited).toBe(0);
  });

  it('with a wrong token prints the AUTH_FAILED error and the 4401 close', async () => {
    const bus = new EventBus();
    const server = await startServer(bus);
    const client = runNodeClient(`ws://localhost:${server.port}`, 'your-vmsc-auth-token');
    expect(await client.line('Error AUTH_FAILED', 'stderr')).toContain('Authentication failed: invalid token');
    expect(await client.line('Disconnected: 4401')).toContain('authentication failed');
    expect(await client.exited).toBe(0);
    expect(server.connectionCount).toBe(0);
  });
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
/** A Python that can run the client: Debian's with `python3-websockets` (.ci/run installs it), or one with `pip install websockets`. */
const pythonWithWebsockets = ['/usr/bin/python3', 'python3'].find(
  (candidate) => spawnSync(candidate, ['-c', 'import websockets'], { encoding: 'utf8' }).status === 0,
);

describe('the spec’s Python example client (examples/custom-ws/python_client.py)', () => {
  // CI installs python3-websockets, so there the client always runs; elsewhere it runs when some
  // python3 has `websockets`.
  it.skipIf(!pythonWithWebsockets && !process.env.CI)(
    'runs against the server: subscribes to gifts and prints "Gift from <username>: <giftName>"',
    async () => {
      expect(pythonWithWebsockets, 'no python3 with the websockets package (apt-get install python3-websockets)').toBeDefined();
      const bus = new EventBus();
      const server = await startServer(bus);
      const client = runClient(pythonWithWebsockets!, [pythonClient], `ws://localhost:${server.port}`, server.token.reveal());
      // The client does not print its subscribe ack: publish until the gift comes out of it.
      const publishing = setInterval(() => {
        for (const event of tiktokSamples()) bus.publish({ ...event, id: crypto.randomUUID() });
      }, 100);
      try {
        expect(await client.line('Gift from')).toBe('Gift from rosefan.88: Rose');
        // Subscribed to gifts only: no other event type was printed.
        expect(client.stdout.every((line) => line === '' || line === 'Gift from rosefan.88: Rose')).toBe(true);
      } finally {
        clearInterval(publishing);
      }
    },
  );

  it.skipIf(!hasPython)('compiles (python3 -m py_compile)', () => {
    const cache = mkdtempSync(join(tmpdir(), 'vmsc-pycache-'));
    try {
      const result = spawnSync('python3', ['-m', 'py_compile', pythonClient], {
        encoding: 'utf8',
        env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('its conversation works against the server: subscribe to gifts only, read user.username and data.giftName', async () => {
    const bus = new EventBus();
    const server = await startServer(bus);
    const socket = new WebSocket(`ws://localhost:${server.port}?token=${server.token.reveal()}`);
    const received: Array<Record<string, any>> = [];
    socket.on('message', (raw) => received.push(JSON.parse(raw.toString()) as Record<string, any>));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ action: 'subscribe', eventTypes: ['gift'] }));
    await expect.poll(() => received.some((msg) => msg.action === 'subscribe')).toBe(true);
    for (const event of tiktokSamples()) bus.publish(event);
    await expect.poll(() => received.filter((msg) => msg.action === 'event').length).toBe(1);
    const event = received.find((msg) => msg.action === 'event')!.event as Record<string, any>;
    expect(`Gift from ${event.user.username}: ${event.data.giftName}`).toBe('Gift from rosefan.88: Rose');
    socket.close();
  });
});
