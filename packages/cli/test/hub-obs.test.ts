import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startObsFake, waitUntil, type ObsFake } from '@vmsc/testing';
import { rulesValidateCommand } from '../src/commands/rules-validate.js';
import { simulateCommand } from '../src/commands/simulate.js';
import { startCommand } from '../src/commands/start.js';
import { captureIo, hubDir } from './io.js';

const sceneRule = {
  id: '5e7d9c1b-3a2f-4d6e-8b0a-1c2d3e4f5a6b',
  name: 'BRB on !brb',
  trigger: { types: ['chat'] },
  conditions: { path: 'data.message', op: '==', value: '!brb' },
  actions: [{ type: 'obs', op: 'setProgramScene', scene: 'BRB' }],
};

let obs: ObsFake | undefined;
afterEach(async () => {
  await obs?.close();
  obs = undefined;
});

describe('the hub drives OBS', () => {
  it('connects to the `obs` entry (password from the environment) and an obs rule switches the scene', async () => {
    obs = await startObsFake({ password: 'obs-secret-pw' });
    const dir = await hubDir({ server: { port: 0 }, obs: { url: obs.url, passwordEnv: 'OBS_PW' } }, [sceneRule]);
    const io = captureIo(dir, { OBS_PW: 'obs-secret-pw', VMSC_TOKEN: 'hub-token-123' });
    const abort = new AbortController();
    const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal }, io);
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()), 'the server to listen');
    await waitUntil(() => obs!.identifiedCount === 1, 'the hub to identify with OBS');
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;

    const sim = captureIo(dir, { VMSC_TOKEN: 'hub-token-123' });
    expect(await simulateCommand('chat', { url, data: ['message=!brb'], user: 'alice' }, sim)).toBe(0);
    await waitUntil(() => obs!.state.programScene.sceneName === 'BRB', 'the scene to switch');
    await waitUntil(() => /BRB on !brb for custom chat → completed/.test(io.out()), 'the run report');

    abort.abort();
    expect(await running).toBe(0);
    expect(io.out() + io.err()).not.toContain('obs-secret-pw');
  });

  it('reports an unknown scene as a failed run, and the hub goes on', async () => {
    obs = await startObsFake();
    const rule = { ...sceneRule, actions: [{ type: 'obs', op: 'setProgramScene', scene: 'No Such Scene' }] };
    const dir = await hubDir({ server: { port: 0 }, obs: { url: obs.url } }, [rule]);
    const io = captureIo(dir, { VMSC_TOKEN: 'hub-token-123' });
    const abort = new AbortController();
    const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal }, io);
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.out()), 'the server to listen');
    await waitUntil(() => obs!.identifiedCount === 1, 'the hub to identify with OBS');
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
    expect(await simulateCommand('chat', { url, data: ['message=!brb'] }, captureIo(dir, { VMSC_TOKEN: 'hub-token-123' }))).toBe(0);
    await waitUntil(() => /BRB on !brb for custom chat → failed/.test(io.out()), 'the failed run');
    expect(io.out()).toMatch(/No Such Scene/);
    abort.abort();
    expect(await running).toBe(0);
  });

  it('refuses obs rules by path when the config has no `obs` entry, saying what to add', async () => {
    const dir = await hubDir({ server: { enabled: false } }, [sceneRule]);
    const io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.type: "obs" actions need an "obs" entry in the hub config/);
  });

  it('`vmsc rules validate` checks the shape of obs actions, by path', async () => {
    const dir = await hubDir({}, [{ ...sceneRule, actions: [{ type: 'obs', op: 'setProgramScene' }] }]);
    const io = captureIo(dir, {});
    expect(await rulesValidateCommand('rules.json', io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.scene/);
    await writeFile(join(dir, 'rules.json'), JSON.stringify([sceneRule]));
    expect(await rulesValidateCommand('rules.json', captureIo(dir, {}))).toBe(0);
  });

  it('shuts down on abort while OBS is unreachable (its connect keeps retrying)', async () => {
    obs = await startObsFake();
    const deadUrl = obs.url;
    await obs.close();
    obs = undefined;
    const dir = await hubDir({ server: { enabled: false }, obs: { url: deadUrl } }, []);
    const io = captureIo(dir, {});
    const abort = new AbortController();
    const running = startCommand({ config: 'vmsc.config.json', signal: abort.signal }, io);
    await waitUntil(() => /obs/.test(io.out()), 'the obs status line');
    abort.abort();
    expect(await running).toBe(0);
  });
});
