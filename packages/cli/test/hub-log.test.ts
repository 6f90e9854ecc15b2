import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '@vmsc/core';
import { startObsFake, waitUntil, type ObsFake } from '@vmsc/testing';
import { startCommand } from '../src/commands/start.js';
import { simulateCommand } from '../src/commands/simulate.js';
import { HubLog } from '../src/log/hub-log.js';
import { SCOPED_TOKEN_FILES } from '../src/hub/server-tokens.js';
import { captureIo, hubDir } from './io.js';

const failingRule = {
  id: '6a7d9c1b-3a2f-4d6e-8b0a-1c2d3e4f5a70',
  name: 'BRB on !brb',
  trigger: { types: ['chat'] },
  conditions: { path: 'data.message', op: '==', value: '!brb' },
  actions: [{ type: 'obs', op: 'setProgramScene', scene: 'No Such Scene' }],
};

interface Line {
  time: string;
  level: string;
  msg: string;
  kind?: string;
  [key: string]: unknown;
}

async function logLines(dir: string): Promise<{ files: string[]; lines: Line[]; text: string }> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.log')).sort();
  let text = '';
  for (const file of files) text += await readFile(join(dir, file), 'utf8');
  const lines = text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
  return { files, lines, text };
}

/** Polls an async condition (waitUntil takes a synchronous one). */
async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let obs: ObsFake | undefined;
afterEach(async () => {
  await obs?.close();
  obs = undefined;
});

describe('the hub log file', () => {
  it('a hub run writes JSON lines with an ISO time and a level: statuses, a failing rule run as an error, reconnects; no secret', async () => {
    obs = await startObsFake({ password: 'obs-secret-pw-42' });
    const dir = await hubDir(
      { server: { port: 0, tokens: { overlay: {} } }, obs: { url: obs.url, passwordEnv: 'OBS_PW' }, log: { file: 'logs/vmsc.log' } },
      [failingRule],
    );
    const env = { OBS_PW: 'obs-secret-pw-42', VMSC_TOKEN: 'hub-token-secret-77' };
    const io = captureIo(dir, env);
    const abort = new AbortController();
    const running = startCommand(
      { config: 'vmsc.config.json', signal: abort.signal, obs: { backoff: { initialDelayMs: 20, maxDelayMs: 50 } } },
      io,
    );
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()), 'the server to listen');
    await waitUntil(() => obs!.identifiedCount === 1, 'the hub to identify with OBS');
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
    expect(await simulateCommand('chat', { url, data: ['message=!brb'] }, captureIo(dir, env))).toBe(0);
    await waitUntil(() => /BRB on !brb for custom chat → failed/.test(io.out()), 'the failed run');
    // OBS goes away: the hub reconnects, and the log says so.
    obs.dropAll();
    await waitUntil(() => /obs.*reconnecting/.test(io.out()), 'the reconnect');
    abort.abort();
    expect(await running).toBe(0);

    const { files, lines, text } = await logLines(join(dir, 'logs'));
    expect(files).toEqual(['vmsc.1.log']);
    for (const line of lines) {
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(line.level);
    }
    const run = lines.find((line) => line.kind === 'run');
    expect(run).toMatchObject({
      level: 'error',
      outcome: 'failed',
      rule: { name: 'BRB on !brb' },
      event: { type: 'chat', source: 'custom' },
      action: { path: 'actions[0]', type: 'obs' },
    });
    expect(JSON.stringify(run)).toMatch(/No Such Scene/);
    // Once: the terminal's line of each run goes to the file at debug only (a busy chat runs rules
    // many times a second), so at the default level the failed run is its one structured line.
    expect(lines.filter((line) => /BRB on !brb/.test(String(line.msg)))).toHaveLength(1);
    expect(lines.filter((line) => line.kind === 'rule')).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'status', connector: 'obs', status: 'connected', level: 'info' }));
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'status', connector: 'obs', status: 'reconnecting', level: 'warn' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'info', msg: expect.stringMatching(/custom WS server token comes from VMSC_TOKEN/) }),
    );
    expect(lines.at(-1)).toMatchObject({ kind: 'stop', msg: 'the hub stopped' });
    // No secret: not the env values, not the generated overlay token.
    const overlayToken = (await readFile(join(dir, SCOPED_TOKEN_FILES.overlay), 'utf8')).trim();
    for (const secret of ['obs-secret-pw-42', 'hub-token-secret-77', overlayToken]) expect(text).not.toContain(secret);
  });

  it('a log file that cannot be opened stops vmsc start with code 2 and the reason', async () => {
    const dir = await hubDir({ server: { enabled: false }, log: { file: 'not-a-dir/vmsc.log' } }, []);
    await writeFile(join(dir, 'not-a-dir'), 'a file where the log directory should be');
    const io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/cannot open the log file .*not-a-dir\/vmsc\.log: .*(EEXIST|ENOTDIR)/);
  });

  it('redacts known secrets, URL credentials, bearer tokens, secret-named fields and Secret values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-log-'));
    const log = await HubLog.open({ file: join(dir, 'vmsc.log'), level: 'info', maxSizeMb: 10, keep: 2, secrets: ['tok-from-env-123'] });
    log.addSecrets([new Secret('generated-token-456')]);
    log.write('error', 'connect to wss://example.test/ws?token=tok-from-env-123&x=1 failed', {
      url: 'ws://h/?access_token=url-secret-789',
      header: 'Bearer bearer-secret-000aaa',
      token: 'named-field-secret',
      nested: { password: 'nested-password-1', text: 'echo generated-token-456' },
      cred: new Secret('secret-object-2'),
      error: new Error('remote said: tok-from-env-123 is invalid'),
    });
    await log.close();
    const { lines, text } = await logLines(dir);
    for (const secret of [
      'tok-from-env-123',
      'generated-token-456',
      'url-secret-789',
      'bearer-secret-000aaa',
      'named-field-secret',
      'nested-password-1',
      'secret-object-2',
    ])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: 'error', token: '[redacted]', nested: { password: '[redacted]', text: 'echo [redacted]' } });
    expect(lines[0]!.msg).toBe('connect to wss://example.test/ws?token=[redacted]&x=1 failed');
  });

  it('moves on to a new file past maxSizeMb and keeps `keep` older ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-log-'));
    const log = await HubLog.open({ file: join(dir, 'vmsc.log'), level: 'info', maxSizeMb: 2 / 1024, keep: 2 });
    const filler = 'x'.repeat(200);
    for (let round = 0; round < 5; round++) {
      // Each round is past 2 KB: the next one goes to a new file (pino-roll rolls once the stream has drained).
      for (let i = 0; i < 12; i++) log.write('info', `line ${round}.${i} ${filler}`);
      await eventually(async () => (await readdir(dir)).includes(`vmsc.${round + 2}.log`), `the roll to vmsc.${round + 2}.log`);
    }
    await log.close();
    await eventually(async () => (await readdir(dir)).length <= 3, 'the old files to be deleted');
    const files = (await readdir(dir)).sort();
    expect(files.length).toBe(3);
    expect(files).not.toContain('vmsc.1.log');
    const { lines } = await logLines(dir);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.msg).toMatch(/^line \d\.\d+ x+$/);
  });
});
