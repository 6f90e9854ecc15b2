import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@vmsc/testing';
import { WebSocket } from 'ws';
import { hubDir } from './io.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const TOKEN = 'crash-restart-test-token';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** `vmsc start` as its own process (node with tsx's loader, so that SIGKILL reaches the hub itself). */
async function startHub(dir: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'start', '--config', join(dir, 'vmsc.config.json')], {
    cwd: root,
    env: { ...process.env, VMSC_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300 && !/listening on ws:/.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!/listening on ws:/.test(output)) throw new Error(`the hub did not start:\n${output}`);
  return { child, output: () => output };
}

async function inject(port: number, count: number): Promise<void> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let answered = 0;
  const done = new Promise<void>((resolve) =>
    socket.on('message', (raw) => {
      if ((JSON.parse(String(raw)) as { action?: string }).action === 'injectEvent' && ++answered === count) resolve();
    }),
  );
  for (let i = 0; i < count; i++) {
    const event = {
      type: 'chat',
      source: 'custom',
      user: { id: 'viewer-1', username: 'viewer', nickname: 'Viewer' },
      data: { message: `m${i}` },
    };
    socket.send(JSON.stringify({ action: 'injectEvent', requestId: `r${i}`, event }));
  }
  await done;
  socket.close();
}

describe('vmsc start survives kill -9', () => {
  it('state saved while running is restored after a SIGKILL: nothing older than the save interval is lost', async () => {
    const port = await freePort();
    const rules = [
      {
        id: '3b7e0c2a-1f4d-4c8e-9a6b-5d2e1f0a9c01',
        name: 'count',
        trigger: { types: ['chat'] },
        actions: [
          { type: 'counter', name: 'messages' },
          { type: 'addPoints', amount: 2 },
        ],
      },
    ];
    const dir = await hubDir({ server: { port }, state: { saveEveryMs: 200 } }, rules);
    const first = await startHub(dir);
    await inject(port, 10);
    // Wait past a save interval, then kill without warning.
    await new Promise((resolve) => setTimeout(resolve, 600));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const saved = JSON.parse(await readFile(join(dir, 'vmsc-state.json'), 'utf8'));
    expect(saved.variables.messages).toBe(10);
    const second = await startHub(dir);
    expect(second.output()).toMatch(/restored rule state/);
    await inject(port, 1);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    const after = JSON.parse(await readFile(join(dir, 'vmsc-state.json'), 'utf8'));
    expect(after.variables.messages).toBe(11);
    expect(after.viewers).toEqual([expect.objectContaining({ source: 'custom', id: 'viewer-1', vars: { points: 22 } })]);
  }, 60_000);
});
