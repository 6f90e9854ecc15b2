import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvent, type RuleInput, type StreamEvent } from '@vmsc/core';
import { Hub } from '../src/hub/hub.js';
import { writeTokenFile } from '../src/hub/token-file.js';
import type { HubView } from '../src/view/hub-view.js';

function recordingView(lines: string[]): HubView {
  return {
    connectorStatus: (id, _source, status) => void lines.push(`status ${id} ${status}`),
    event: (event: StreamEvent) => void lines.push(`event ${event.type}`),
    ruleRun: (line) => void lines.push(`run ${line}`),
    ruleMessage: (rule, message) => void lines.push(`run ${rule}: ${message}`),
    error: (origin, message) => void lines.push(`error ${origin}: ${message}`),
    info: (message) => void lines.push(`info ${message}`),
    close: () => undefined,
  };
}

const counting: RuleInput = {
  id: '7d0c1a52-7b0e-4d0a-9f43-8f2c3d9e4a01',
  name: 'count chat',
  trigger: { types: ['chat'] },
  actions: [
    { type: 'counter', name: 'messages' },
    { type: 'addPoints', amount: 5 },
  ],
};
const chat = () =>
  createEvent({ source: 'kick', type: 'chat', user: { id: '9', username: 'viewer', nickname: 'Viewer' }, data: { message: 'hi' } });

async function hubIn(dir: string, lines: string[], extra: Partial<ConstructorParameters<typeof Hub>[0]> = {}) {
  const hub = new Hub({
    view: recordingView(lines),
    server: false,
    journalDir: false,
    stateFile: join(dir, 'vmsc-state.json'),
    rules: [],
    ...extra,
  });
  return hub;
}

describe('the hub keeps its state safe', () => {
  it('saves atomically (no temp file left, the file parses) and restores points and counters', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-state-'));
    const lines: string[] = [];
    const hub = await hubIn(dir, lines);
    hub.engine.addRule(counting);
    await hub.start();
    hub.bus.publish(chat());
    await hub.engine.idle();
    await hub.stop();
    expect(await readdir(dir)).toEqual(['vmsc-state.json']);
    const saved = JSON.parse(await readFile(join(dir, 'vmsc-state.json'), 'utf8'));
    expect(saved).toMatchObject({
      version: 2,
      variables: { messages: 1 },
      viewers: [expect.objectContaining({ id: '9', vars: { points: 5 } })],
    });
    const again = await hubIn(dir, lines);
    await again.start();
    expect(again.engine.getVariable('messages')).toBe(1);
    expect(again.engine.getViewer('kick', '9')?.vars).toEqual({ points: 5 });
    await again.stop();
  });

  it('a state file that is not JSON, or not a saved state, is moved aside and reported, never overwritten', async () => {
    for (const content of ['{"version": 2, "cooldowns": {', JSON.stringify({ version: 9 })]) {
      const dir = await mkdtemp(join(tmpdir(), 'vmsc-state-'));
      await writeFile(join(dir, 'vmsc-state.json'), content);
      const lines: string[] = [];
      const hub = await hubIn(dir, lines);
      await hub.start();
      await hub.stop();
      expect(lines).toContainEqual(
        expect.stringMatching(/^error state: cannot use .*vmsc-state\.json .*moved it to .*vmsc-state\.json\.bad-/),
      );
      const files = (await readdir(dir)).sort();
      expect(files).toEqual(['vmsc-state.json', expect.stringMatching(/^vmsc-state\.json\.bad-/)]);
      expect(await readFile(join(dir, files[1]!), 'utf8')).toBe(content);
    }
  });

  it('a failed save is reported and the hub still closes everything (stop rejects with STATE_SAVE_FAILED)', async () => {
    // The state's folder is gone (a disk unmounted, say): the save cannot even create its temp file.
    const dir = join(await mkdtemp(join(tmpdir(), 'vmsc-state-')), 'gone');
    const lines: string[] = [];
    const hub = await hubIn(dir, lines, { server: { port: 0, host: '127.0.0.1', maxConnections: 2, token: 'state-test-token' } });
    await hub.start();
    const url = hub.server!.url;
    const error = await hub.stop().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'STATE_SAVE_FAILED' });
    expect(lines).toContainEqual(expect.stringMatching(/^error state: could not save the rule state/));
    // The server is closed: nothing listens any more.
    const { WebSocket } = await import('ws');
    const refused = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(url);
      socket.once('error', () => resolve(true));
      socket.once('open', () => {
        socket.close();
        resolve(false);
      });
    });
    expect(refused).toBe(true);
  });

  it('shutdown is bounded: a rule waiting an hour does not hold stop(), its run is cut and reported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-state-'));
    const lines: string[] = [];
    const hub = await hubIn(dir, lines, { drainMs: 100 });
    hub.engine.addRule({
      id: '7d0c1a52-7b0e-4d0a-9f43-8f2c3d9e4a02',
      name: 'slow',
      trigger: { types: ['chat'] },
      actions: [{ type: 'delay', ms: 3_600_000 }],
    });
    await hub.start();
    hub.bus.publish(chat());
    const started = Date.now();
    await hub.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lines).toContainEqual(expect.stringMatching(/^run slow for kick chat → failed .*closed/));
    expect(JSON.parse(await readFile(join(dir, 'vmsc-state.json'), 'utf8')).version).toBe(2);
  });

  it('a token file that already exists with 0644 is made owner-only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-token-'));
    await writeFile(join(dir, '.vmsc-token'), 'old\n', { mode: 0o644 });
    await chmod(join(dir, '.vmsc-token'), 0o644);
    const path = await writeTokenFile(dir, 'new-token');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('new-token\n');
  });
});
