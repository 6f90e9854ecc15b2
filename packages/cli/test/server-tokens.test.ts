import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '@vmsc/testing';
import { startCommand } from '../src/commands/start.js';
import { SCOPED_TOKEN_FILES } from '../src/hub/server-tokens.js';
import { TOKEN_FILE } from '../src/hub/token-file.js';
import { captureIo, hubDir } from './io.js';

/** A client of the hub's custom WS server that keeps every message it receives. */
async function client(url: string, token: string) {
  const socket = new WebSocket(`${url}/?token=${encodeURIComponent(token)}`);
  const received: Record<string, unknown>[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const send = (message: object) => socket.send(JSON.stringify(message));
  const next = async (match: (message: Record<string, unknown>) => boolean, what: string) => {
    await waitUntil(() => received.some(match), what);
    return received.find(match)!;
  };
  return { socket, received, send, next, close: () => socket.close() };
}

const chat = (message: string) => ({
  action: 'injectEvent',
  event: { type: 'chat', source: 'custom', user: { id: 'u1', username: 'alice' }, data: { message } },
});

/** Runs `vmsc start` in `dir` until the returned stop() is called; resolves once the server listens. */
async function start(dir: string, env: NodeJS.ProcessEnv = {}) {
  const io = captureIo(dir, env);
  const abort = new AbortController();
  const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal, server: { port: 0 } }, io);
  await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()) || io.err() !== '', 'the server to listen');
  const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1];
  return {
    io,
    url: url!,
    stop: async () => {
      abort.abort();
      return running;
    },
  };
}

const rule = {
  id: '0f2d4c9a-7b2e-4f61-9a8d-5e4c3b2a1f11',
  name: 'Count',
  trigger: { types: ['chat'] },
  actions: [{ type: 'log', message: 'got {{data.message}}' }],
};

describe('scoped server tokens from the config', () => {
  it('the overlay token is read-only: it receives events, and injectEvent / triggerRule answer FORBIDDEN with the scope they need', async () => {
    const dir = await hubDir({ server: { tokens: { overlay: {} } } }, [rule]);
    const hub = await start(dir);
    try {
      expect(hub.io.out()).toMatch(/generated the overlay token \(subscribe\) and saved it to .*\.vmsc-overlay-token/);
      const overlayToken = (await readFile(join(dir, SCOPED_TOKEN_FILES.overlay), 'utf8')).trim();
      const mainToken = (await readFile(join(dir, TOKEN_FILE), 'utf8')).trim();
      expect(overlayToken).not.toBe(mainToken);
      expect((await stat(join(dir, SCOPED_TOKEN_FILES.overlay))).mode & 0o777).toBe(0o600);

      const overlay = await client(hub.url, overlayToken);
      overlay.send({ action: 'hello', requestId: 'h' });
      expect(await overlay.next((m) => m.requestId === 'h', 'hello')).toMatchObject({ status: 'ok', scopes: ['subscribe'] });
      overlay.send({ action: 'subscribe', requestId: 's' });
      await overlay.next((m) => m.requestId === 's', 'the subscription');

      overlay.send({ ...chat('from the overlay'), requestId: 'i' });
      const refused = await overlay.next((m) => m.requestId === 'i', 'the injectEvent answer');
      expect(refused).toMatchObject({ action: 'error', code: 'FORBIDDEN' });
      expect(refused.message).toMatch(/lacks the "inject" scope needed for injectEvent/);
      overlay.send({ action: 'triggerRule', rule: 'Count', requestId: 't' });
      expect(await overlay.next((m) => m.requestId === 't', 'the triggerRule answer')).toMatchObject({ code: 'FORBIDDEN' });

      // The main token may inject; the overlay sees that event, never its own refused one.
      const main = await client(hub.url, mainToken);
      main.send({ ...chat('from the main token'), requestId: 'm' });
      const event = await overlay.next((m) => m.action === 'event', 'the event on the overlay');
      expect(event).toMatchObject({ event: { data: { message: 'from the main token' } } });
      await waitUntil(() => hub.io.out().includes('Count: got from the main token'), 'the rule run');
      expect(hub.io.out()).not.toContain('from the overlay');
      expect(overlay.received.filter((m) => m.action === 'event')).toHaveLength(1);
      overlay.close();
      main.close();
    } finally {
      expect(await hub.stop()).toBe(0);
    }
    expect(hub.io.out() + hub.io.err()).not.toContain((await readFile(join(dir, SCOPED_TOKEN_FILES.overlay), 'utf8')).trim());
  });

  it('the main, overlay and admin tokens stay the same across two hub starts (OBS browser-source URLs keep working)', async () => {
    const dir = await hubDir({ server: { tokens: { overlay: {}, admin: {} } } }, [rule]);
    const first = await start(dir);
    const read = async () => ({
      main: (await readFile(join(dir, TOKEN_FILE), 'utf8')).trim(),
      overlay: (await readFile(join(dir, SCOPED_TOKEN_FILES.overlay), 'utf8')).trim(),
      admin: (await readFile(join(dir, SCOPED_TOKEN_FILES.admin), 'utf8')).trim(),
    });
    const before = await read();
    expect(new Set(Object.values(before)).size).toBe(3);
    expect(await first.stop()).toBe(0);

    const second = await start(dir);
    try {
      expect(await read()).toEqual(before);
      expect(second.io.out()).toMatch(/the overlay token \(subscribe\) is the one saved in .*\.vmsc-overlay-token/);
      expect(second.io.out()).toMatch(/the custom WS server token is the one saved in .*\.vmsc-token/);
      // The first start's tokens connect to the second hub.
      const overlay = await client(second.url, before.overlay);
      overlay.send({ action: 'hello', requestId: 1 });
      expect(await overlay.next((m) => m.requestId === 1, 'hello')).toMatchObject({ scopes: ['subscribe'] });
      const admin = await client(second.url, before.admin);
      admin.send({ action: 'hello', requestId: 2 });
      const hello = await admin.next((m) => m.requestId === 2, 'hello');
      expect(hello.scopes).toEqual(expect.arrayContaining(['subscribe', 'inject', 'trigger', 'admin']));
      const main = await client(second.url, before.main);
      main.send({ ...chat('still here'), requestId: 3 });
      await waitUntil(() => second.io.out().includes('Count: got still here'), 'the rule run');
      for (const socket of [overlay, admin, main]) socket.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('a token from its environment variable is used as is (no file); two equal tokens are refused, naming the variables only', async () => {
    const dir = await hubDir({ server: { tokens: { overlay: { tokenEnv: 'OVERLAY_TOKEN' } } } }, []);
    const hub = await start(dir, { VMSC_TOKEN: 'main-token-value-1', OVERLAY_TOKEN: 'overlay-token-value-2' });
    try {
      expect(hub.io.out()).toContain('the overlay token (subscribe) comes from OVERLAY_TOKEN');
      await expect(stat(join(dir, SCOPED_TOKEN_FILES.overlay))).rejects.toThrow();
      const overlay = await client(hub.url, 'overlay-token-value-2');
      overlay.send({ ...chat('no'), requestId: 'x' });
      expect(await overlay.next((m) => m.requestId === 'x', 'the answer')).toMatchObject({ code: 'FORBIDDEN' });
      overlay.close();
    } finally {
      expect(await hub.stop()).toBe(0);
    }

    const io = captureIo(dir, { VMSC_TOKEN: 'same-token-value', OVERLAY_TOKEN: 'same-token-value' });
    expect(await startCommand({ config: 'vmsc.config.json', server: { port: 0 } }, io)).toBe(2);
    expect(io.err()).toMatch(/server\.tokens\.overlay\.tokenEnv: the overlay token is the same as the main token \(VMSC_TOKEN\)/);
    expect(io.err()).not.toContain('same-token-value');
  });
});
