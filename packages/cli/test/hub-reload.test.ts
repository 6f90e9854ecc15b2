import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, type StreamEvent } from '@vmsc/core';
import { AdminRequestError, VmscAdminClient } from '@vmsc/custom-ws-client';
import { waitUntil } from '@vmsc/testing';
import { loadConfig } from '../src/config/load-config.js';
import { buildHub } from '../src/commands/start.js';
import type { Hub } from '../src/hub/hub.js';
import type { HubView } from '../src/view/hub-view.js';
import { hubDir } from './io.js';

const TOKEN = 'reload-test-token-0123456789';
const COUNT = '7d0c1a52-7b0e-4d0a-9f43-8f2c3d9e4a01';
const COOL = '8e1d2b63-8c1f-4e1b-8a54-9a3d4e0f5b12';
const GONE = '9f2e3c74-9d20-4f2c-9b65-0b4e5f1a6c23';
const QUIET = 'a03f4d85-ae31-4a3d-8c76-1c5f6a2b7d34';

const countRule = (by = 1) => ({
  id: COUNT,
  name: 'count chat',
  trigger: { types: ['chat'] },
  actions: [{ type: 'counter', name: 'messages', by }],
});
const coolRule = {
  id: COOL,
  name: 'cool',
  trigger: { types: ['chat'] },
  cooldown: { globalMs: 3_600_000 },
  actions: [{ type: 'counter', name: 'cool_runs' }],
};
const goneRule = { id: GONE, name: 'gone', trigger: { types: ['follow'] }, actions: [{ type: 'log', message: 'x' }] };
const quietRule = { id: QUIET, name: 'quiet', trigger: { types: ['follow'] }, actions: [{ type: 'log', message: 'y' }] };

const chat = () =>
  createEvent({ source: 'kick', type: 'chat', user: { id: '9', username: 'viewer', nickname: 'Viewer' }, data: { message: 'hi' } });

function recordingView(lines: string[]): HubView {
  return {
    connectorStatus: () => undefined,
    event: (_event: StreamEvent) => undefined,
    ruleRun: () => undefined,
    ruleMessage: () => undefined,
    error: (origin, message) => void lines.push(`error ${origin}: ${message}`),
    info: (message) => void lines.push(`info ${message}`),
    close: () => undefined,
  };
}

const running: Hub[] = [];
afterEach(async () => {
  for (const hub of running.splice(0)) await hub.stop();
});

async function startHub(rules: unknown[]) {
  const dir = await hubDir({ state: { file: 'state.json' } }, rules);
  const lines: string[] = [];
  const hub = await buildHub(await loadConfig(join(dir, 'vmsc.config.json')), { VMSC_TOKEN: TOKEN }, recordingView(lines), {
    server: { port: 0 },
  });
  await hub.start();
  running.push(hub);
  const client = new VmscAdminClient({ url: hub.server!.url, token: TOKEN });
  await client.connect();
  const rulesFile = join(dir, 'rules.json');
  /** Writes the rules file the way editors do: a temp file renamed over it. */
  const writeRules = async (next: unknown) => {
    await writeFile(`${rulesFile}.tmp`, typeof next === 'string' ? next : JSON.stringify(next));
    await rename(`${rulesFile}.tmp`, rulesFile);
  };
  return { hub, lines, client, rulesFile, writeRules, close: () => client.close() };
}

describe('the hub reloads its rules file while it runs', () => {
  it('a changed file is applied on its own: removed, replaced, added; counters, cooldowns and switches survive', async () => {
    const { hub, lines, client, writeRules, close } = await startHub([countRule(), coolRule, goneRule, quietRule]);
    hub.bus.publish(chat());
    await hub.engine.idle();
    expect(hub.engine.getVariable('messages')).toBe(1);
    expect(hub.engine.getVariable('cool_runs')).toBe(1);
    await client.admin.setRuleEnabled('quiet', false);

    const newRule = {
      id: 'b1405e96-bf42-4b4e-8d87-2d6a7b3c8e45',
      name: 'new',
      trigger: { types: ['gift'] },
      actions: [{ type: 'log', message: 'z' }],
    };
    await writeRules([countRule(10), coolRule, quietRule, newRule]);
    await waitUntil(() => lines.some((line) => line.startsWith('info reloaded')), 'the watcher reloaded the rules', { timeoutMs: 10_000 });
    expect(lines.find((line) => line.startsWith('info reloaded'))).toMatch(/added new; replaced count chat; removed gone \(2 unchanged\)/);
    expect(hub.engine.listRules().map((rule) => rule.name)).toEqual(['cool', 'quiet', 'count chat', 'new']);
    // The rule the file did not change keeps the switch set at run time.
    expect(hub.engine.getRule('quiet')?.enabled).toBe(false);

    hub.bus.publish(chat());
    await hub.engine.idle();
    expect(hub.engine.getVariable('messages')).toBe(11); // the counter survived and the new definition counts by 10
    expect(hub.engine.getVariable('cool_runs')).toBe(1); // the cooldown survived: the rule did not run again
    close();
  });

  it('a bad file keeps the running rules and reports every problem with its file and path', async () => {
    const { hub, lines, client, rulesFile, writeRules, close } = await startHub([countRule(), coolRule]);
    const before = hub.engine.listRules();
    await writeRules([
      { ...countRule(), actions: [{ type: 'nope' }] },
      { ...coolRule, name: '' },
    ]);
    await waitUntil(() => lines.some((line) => line.startsWith('error rules')), 'the watcher reported the bad file', { timeoutMs: 10_000 });
    const report = lines.find((line) => line.startsWith('error rules'))!;
    expect(report).toContain(rulesFile);
    expect(report).toContain('kept the running rules');
    expect(report).toMatch(/\[0\]\.actions\[0\]\.type/);
    expect(report).toMatch(/\[1\]\.name/);
    expect(hub.engine.listRules()).toEqual(before);

    // The same over the admin action: INVALID_RULES with every issue.
    const error = (await client.admin.reloadRules().catch((e: unknown) => e)) as AdminRequestError;
    expect(error).toBeInstanceOf(AdminRequestError);
    expect(error.code).toBe('INVALID_RULES');
    expect(error.message).toContain(rulesFile);
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['[0].actions[0].type', '[1].name']));

    // Not JSON at all: reported too, nothing changes.
    await writeRules('{ not json');
    await expect(hub.reloadRules()).rejects.toMatchObject({ code: 'INVALID_RULES' });
    expect(hub.engine.listRules()).toEqual(before);

    // Valid on its own, but the engine refuses it (a rule added in code already has the name): nothing changes.
    hub.engine.addRule({ id: 'c2516fa7-c053-4c5f-9e98-3e7b8c4d9f56', name: 'manual', actions: [{ type: 'log', message: 'm' }] });
    const withManual = hub.engine.listRules();
    await writeRules([countRule(), { ...coolRule, name: 'manual' }]);
    await expect(hub.reloadRules()).rejects.toMatchObject({ code: 'INVALID_RULES' });
    expect(
      hub.engine
        .listRules()
        .map((rule) => rule.name)
        .sort(),
    ).toEqual(withManual.map((rule) => rule.name).sort());
    expect(hub.engine.getRule(COOL)?.name).toBe('cool');

    // Fixed: the next reload applies it.
    await writeRules([countRule(2)]);
    expect(await client.admin.reloadRules()).toMatchObject({ files: [rulesFile], replaced: ['count chat'], removed: ['cool'], added: [] });
    close();
  });

  it('inline rules (no file): reloadRules is ADMIN_UNAVAILABLE, and the other admin actions reach the hub', async () => {
    const dir = await hubDir({}, []);
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({ rules: [countRule()], journal: { enabled: false }, state: { file: 'state.json' } }),
    );
    const hub = await buildHub(await loadConfig(join(dir, 'vmsc.config.json')), { VMSC_TOKEN: TOKEN }, recordingView([]), {
      server: { port: 0 },
    });
    await hub.start();
    running.push(hub);
    const client = new VmscAdminClient({ url: hub.server!.url, token: TOKEN });
    await client.connect();
    await expect(client.admin.reloadRules()).rejects.toMatchObject({ code: 'ADMIN_UNAVAILABLE' });
    expect((await client.admin.listRules()).map((rule) => rule.name)).toEqual(['count chat']);
    expect(await client.admin.connectorStatus()).toEqual([]);
    client.close();
  });
});
