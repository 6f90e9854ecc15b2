import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '@vmsc/testing';
import { startCommand } from '../src/commands/start.js';
import { simulateCommand } from '../src/commands/simulate.js';
import { TOKEN_FILE } from '../src/hub/token-file.js';
import { captureIo } from './io.js';

const rule = {
  id: '3d1f5c9a-7b2e-4f61-9a8d-5e4c3b2a1f00',
  name: 'Greet chatters',
  trigger: { types: ['chat'] },
  actions: [{ type: 'log', message: 'hello {{user.username}}' }],
};

describe('vmsc start', () => {
  it('runs the hub from a config: server, rules, journal, state; simulate feeds it; abort shuts it down', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-start-'));
    await writeFile(join(dir, 'rules.json'), JSON.stringify([rule]));
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({ server: { port: 0 }, rules: 'rules.json', journal: { dir: 'journal' } }),
    );
    const io = captureIo(dir, {});
    const abort = new AbortController();
    const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal }, io);
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()), 'the server to listen');
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
    expect(io.out()).toContain(TOKEN_FILE);
    expect((await stat(join(dir, TOKEN_FILE))).mode & 0o777).toBe(0o600);

    const sim = captureIo(dir, {}); // token read from the token file
    expect(await simulateCommand('chat', { url, data: ['message=hi there'], user: 'alice' }, sim)).toBe(0);
    await waitUntil(() => io.out().includes('Greet chatters: hello alice'), 'the rule to run');
    expect(io.out()).toMatch(/Greet chatters for custom chat → completed/);

    abort.abort();
    expect(await running).toBe(0);
    const [journalFile] = await readdir(join(dir, 'journal'));
    const lines = (await readFile(join(dir, 'journal', journalFile!), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'chat', data: { message: 'hi there' }, meta: { simulated: true } });
    expect(JSON.parse(await readFile(join(dir, 'vmsc-state.json'), 'utf8'))).toBeTypeOf('object');
    // The token never reaches the output.
    const token = (await readFile(join(dir, TOKEN_FILE), 'utf8')).trim();
    expect(io.out() + io.err()).not.toContain(token);
  });

  it('refuses a config with problems, naming each with its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-start-'));
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({
        connectors: [
          { type: 'twitch', broadcaster: 'me', clientIdEnv: 'TW_ID', tokenEnv: 'TW_TOKEN' },
          { type: 'pulsoid', token: 'abc123secret' },
        ],
      }),
    );
    const io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/connectors\.1\.token: credentials never go in the config file/);
    expect(io.err()).not.toContain('abc123secret');
  });

  it('names the missing environment variables of the connectors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-start-'));
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({
        server: { enabled: false },
        connectors: [{ type: 'twitch', broadcaster: 'me', clientIdEnv: 'TW_ID', tokenEnv: 'TW_TOKEN' }],
      }),
    );
    const io = captureIo(dir, { TW_ID: 'client-id' });
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/TW_TOKEN: set the environment variable TW_TOKEN/);
  });

  it('lets the browser origins of server.allowedOrigins in (an OBS overlay) and refuses other pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-start-'));
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({ server: { port: 0, allowedOrigins: ['http://127.0.0.1:8080'] }, journal: { enabled: false } }),
    );
    const io = captureIo(dir, { VMSC_TOKEN: 'overlay-token' });
    const abort = new AbortController();
    const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal }, io);
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()), 'the server to listen');
    const url = `${/listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!}?token=overlay-token`;
    const outcome = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url, { origin });
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('unexpected-response', (_request, response) => resolve(`HTTP ${response.statusCode}`));
        socket.once('error', () => undefined);
      });
    expect(await outcome('http://127.0.0.1:8080')).toBe('open');
    expect(await outcome('https://evil.example')).toBe('HTTP 403');
    abort.abort();
    expect(await running).toBe(0);
  });
});
