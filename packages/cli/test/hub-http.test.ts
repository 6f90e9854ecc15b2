import { afterEach, describe, expect, it } from 'vitest';
import { closeAllFakes, startWebhookReceiver, waitUntil } from '@vmsc/testing';
import { simulateCommand } from '../src/commands/simulate.js';
import { startCommand } from '../src/commands/start.js';
import { captureIo, hubDir } from './io.js';

afterEach(() => closeAllFakes());

const hookRule = (action: Record<string, unknown>) => ({
  id: '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  name: 'Webhook',
  trigger: { types: ['chat'] },
  actions: [{ type: 'http', ...action }],
});

describe('the hub calls webhooks', () => {
  it('runs http actions with the config allow-list, a target URL and a secret header from the environment', async () => {
    const hook = await startWebhookReceiver();
    const dir = await hubDir({ server: { port: 0 }, http: { allowHosts: ['127.0.0.1'], targets: { relay: { urlEnv: 'RELAY_URL' } } } }, [
      {
        ...hookRule({}),
        actions: [
          {
            type: 'http',
            url: `${hook.url}/chat`,
            json: { who: '{{user.username}}' },
            secretHeaders: { Authorization: { env: 'HOOK_TOKEN' } },
          },
          { type: 'http', target: 'relay', url: '/relay', text: '{{data.message}}' },
        ],
      },
    ]);
    const env = { VMSC_TOKEN: 'hub-token-123', HOOK_TOKEN: 'hook-secret-xyz', RELAY_URL: `${hook.url}/secret-relay-path` };
    const io = captureIo(dir, env);
    const abort = new AbortController();
    const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal }, io);
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()), 'the server to listen');
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
    expect(await simulateCommand('chat', { url, data: ['message=hi'], user: 'alice' }, captureIo(dir, env))).toBe(0);
    await waitUntil(() => /Webhook for custom chat → completed/.test(io.out()), 'the run');
    expect(hook.requests.map((r) => ({ url: r.url, auth: r.headers.authorization, body: r.body }))).toEqual([
      { url: '/chat', auth: 'hook-secret-xyz', body: '{"who":"alice"}' },
      { url: '/secret-relay-path/relay', auth: undefined, body: 'hi' },
    ]);
    abort.abort();
    expect(await running).toBe(0);
    expect(io.out() + io.err()).not.toMatch(/hook-secret-xyz|secret-relay-path/);
  });

  it('refuses at start, by path, a host outside the allow-list, and http rules without an http entry', async () => {
    let dir = await hubDir({ server: { enabled: false }, http: { allowHosts: ['hooks.example.com'] } }, [
      hookRule({ url: 'https://evil.example.net/x' }),
    ]);
    let io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.url: host evil\.example\.net is not in the allow-list \(hooks\.example\.com\)/);

    dir = await hubDir({ server: { enabled: false } }, [hookRule({ url: 'https://hooks.example.com/x' })]);
    io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.type: "http" actions need an "http" entry in the hub config/);
  });

  it('names the missing environment variable of a target', async () => {
    const dir = await hubDir({ server: { enabled: false }, http: { targets: { discord: { urlEnv: 'DISCORD_URL' } } } }, []);
    const io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/DISCORD_URL/);
  });
});
