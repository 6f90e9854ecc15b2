import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, EventBus, RuleEngine, ValidationError, type Rule } from '@vmsc/core';
import { adminAckSchemas, adminPushMessageSchema, type AdminRuleRun } from '@vmsc/core/protocol';
import { CustomWsServer, engineAdmin } from '@vmsc/custom-ws-server';
import { closeAllFakes, startWsServer, waitUntil } from '@vmsc/testing';
import { AdminRequestError, CustomWsClient, VmscAdminClient } from '../src/index.js';

const TOKEN = 'admin-test-token-0123456789';
const READ_TOKEN = 'read-only-token-0123456789';
const GREET = '0b5e2a4c-7d1f-4c3e-9a8b-1f2e3d4c5b6a';
const QUEUED = '1c6f3b5d-8e2a-4d4f-8b9c-2a3f4e5d6c7b';
const fastBackoff = { initialDelayMs: 20, maxDelayMs: 40, jitterMs: 0 };
const opened: Array<{ close(): unknown }> = [];

afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
  await closeAllFakes();
});

const chat = (message: string) => ({
  type: 'chat',
  source: 'my-app',
  user: { id: 'u1', username: 'ann' },
  data: { message },
});

async function setup(options: { reload?: () => Promise<never> } = {}) {
  const bus = new EventBus();
  const engine = new RuleEngine({ bus, logger: () => undefined });
  engine.addRules([
    {
      id: GREET,
      name: 'Greet',
      trigger: { types: ['chat'], sources: ['my-app'] },
      conditions: { all: [{ path: 'data.message', op: 'contains', value: 'hi' }] },
      actions: [{ type: 'counter', name: 'greetings' }],
    },
    { id: QUEUED, name: 'Queued', run: { mode: 'queue', queue: 'alerts' }, actions: [{ type: 'log', message: 'queued' }] },
  ] satisfies Array<Partial<Rule>>);
  const upstream = await startWsServer();
  const bot = new CustomWsClient({
    bus,
    url: upstream.url,
    source: 'my-bot',
    mapping: { type: { const: 'chat' }, 'user.id': '$.from', 'data.message': '$.text' },
    backoff: fastBackoff,
  });
  opened.push({ close: () => bot.disconnect() });
  await bot.connect();
  const server = new CustomWsServer({
    bus,
    engine,
    port: 0,
    token: TOKEN,
    tokens: [{ token: READ_TOKEN, scopes: ['subscribe'] }],
    admin: engineAdmin({ engine, connectors: [bot], ...(options.reload ? { reloadRules: options.reload } : {}) }),
  });
  await server.listen();
  opened.push(server, { close: () => engine.close() });
  const client = new VmscAdminClient({ url: server.url, token: TOKEN });
  await client.connect();
  opened.push(client);
  return { bus, engine, server, client, bot, upstream };
}

describe('admin actions over the real server and the real client', () => {
  it('listRules answers every rule with its defaults; the answer matches the protocol schema', async () => {
    const { client } = await setup();
    const rules = await client.admin.listRules();
    expect(rules.map((rule) => [rule.name, rule.enabled])).toEqual([
      ['Greet', true],
      ['Queued', true],
    ]);
    const raw = await client.request('listRules', {});
    expect(adminAckSchemas.listRules.safeParse({ action: 'listRules', status: 'ok', ...raw }).success).toBe(true);
  });

  it('setRuleEnabled switches a rule off: events stop running it; an unknown rule is RULE_NOT_FOUND', async () => {
    const { client, engine } = await setup();
    const runs: AdminRuleRun[] = [];
    client.onRuleRun((run) => void runs.push(run));
    await client.admin.subscribe({ runs: true });
    expect(await client.admin.setRuleEnabled('Greet', false)).toMatchObject({ name: 'Greet', enabled: false });
    expect(engine.getRule(GREET)?.enabled).toBe(false);
    await engine.trigger(GREET, undefined, {}).catch(() => undefined);
    await waitUntil(() => runs.length === 1, 'the run report');
    expect(runs[0]).toMatchObject({ rule: { name: 'Greet' }, outcome: 'disabled' });
    expect(await client.admin.setRuleEnabled(GREET, true)).toMatchObject({ enabled: true });
    const missing = await client.admin.setRuleEnabled('Nope', true).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(AdminRequestError);
    expect(missing).toMatchObject({ code: 'RULE_NOT_FOUND' });
  });

  it('run reports reach an admin subscriber, with the failing action; a non-subscriber gets none', async () => {
    const { client, server, bus, engine } = await setup();
    engine.addRule({ id: '2d7a4c6e-9f3b-4e5a-8c0d-3b4a5f6e7d8c', name: 'Broken', actions: [{ type: 'call', action: 'missing-handler' }] });
    const other = new VmscAdminClient({ url: server.url, token: TOKEN });
    await other.connect();
    opened.push(other);
    const otherRuns: AdminRuleRun[] = [];
    other.onRuleRun((run) => void otherRuns.push(run));
    const runs: AdminRuleRun[] = [];
    client.onRuleRun((run) => void runs.push(run));
    expect(await client.admin.subscribe({ runs: true })).toEqual({ runs: true, connectors: false });
    bus.publish(
      createEvent({
        id: 'evt-1',
        type: 'chat',
        source: 'my-app',
        user: { id: 'u1', username: 'ann', nickname: 'ann' },
        data: { message: 'hi there' },
      }),
    );
    await engine.trigger('Broken').catch(() => undefined);
    await waitUntil(() => runs.length === 2, 'two run reports');
    const greet = runs.find((run) => run.rule.name === 'Greet')!;
    expect(greet).toMatchObject({ outcome: 'completed', cause: 'event', event: { id: 'evt-1', type: 'chat', source: 'my-app' } });
    const broken = runs.find((run) => run.rule.name === 'Broken')!;
    expect(broken).toMatchObject({ outcome: 'failed', failedAction: 'actions[0]', error: { code: expect.any(String) } });
    for (const run of runs) expect(adminPushMessageSchema.safeParse({ action: 'ruleRun', run }).success).toBe(true);
    // The other admin client never subscribed: a hello round trip proves its frames were all read.
    await other.admin.listRules();
    expect(otherRuns).toEqual([]);
  });

  it('getState shows counters and queues; pauseQueue / resumeQueue; an unknown queue is QUEUE_NOT_FOUND', async () => {
    const { client, engine } = await setup();
    engine.setVariable('greetings', 3);
    const state = await client.admin.getState();
    expect(state.state.variables).toMatchObject({ greetings: 3 });
    expect(state.queues).toEqual([expect.objectContaining({ name: 'alerts', paused: false, waiting: 0 })]);
    expect(await client.admin.pauseQueue('alerts')).toMatchObject({ name: 'alerts', paused: true });
    void engine.trigger('Queued');
    void engine.trigger('Queued');
    expect((await client.admin.getState()).queues[0]).toMatchObject({ paused: true, waiting: 2 });
    expect(await client.admin.resumeQueue('alerts')).toMatchObject({ paused: false });
    await engine.idle();
    await expect(client.admin.pauseQueue('nope')).rejects.toMatchObject({ code: 'QUEUE_NOT_FOUND' });
  });

  it('explain says why each rule would or would not run, without running anything', async () => {
    const { client, engine } = await setup();
    let ran = 0;
    engine.onRun(() => void ran++);
    const all = await client.admin.explain(chat('hi all'));
    expect(all.eventId).toEqual(expect.any(String));
    expect(all.explanations.map((e) => [e.rule.name, e.wouldRun])).toEqual([
      ['Greet', true],
      ['Queued', false],
    ]);
    const one = await client.admin.explain(chat('bye'), 'Greet');
    expect(one.explanations).toHaveLength(1);
    expect(one.explanations[0]).toMatchObject({ wouldRun: false, conditionsPassed: false });
    expect(one.explanations[0]!.reasons.length).toBeGreaterThan(0);
    expect(ran).toBe(0);
    const invalid = await client.admin.explain({ ...chat('x'), type: 'gift', source: 'tiktok' }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect((invalid as AdminRequestError).issues.some((issue) => issue.path.startsWith('event.data'))).toBe(true);
  });

  it('connectorStatus, disconnectConnector and connectConnector, with status changes pushed to a subscriber', async () => {
    const { client, upstream } = await setup();
    expect(await client.admin.connectorStatus()).toEqual([
      expect.objectContaining({ id: expect.stringContaining('my-bot'), source: 'my-bot', status: 'connected', reconnectAttempts: 0 }),
    ]);
    const [bot] = await client.admin.connectorStatus();
    const changes: string[] = [];
    client.onConnectorStatus(({ connector, previous }) => void changes.push(`${previous}→${connector.status}`));
    await client.admin.subscribe({ connectors: true });
    expect(await client.admin.disconnectConnector(bot!.id)).toMatchObject({ status: 'disconnected' });
    const started = await client.admin.connectConnector(bot!.id);
    expect(['connecting', 'connected']).toContain(started.status);
    await waitUntil(() => changes.includes('connecting→connected'), 'the connector connected again');
    expect(changes[0]).toBe('connected→disconnected');
    expect(upstream.clients.size).toBe(1);
    await expect(client.admin.connectConnector('nope')).rejects.toMatchObject({ code: 'CONNECTOR_NOT_FOUND' });
  });

  it('reloadRules calls the hub’s reload; a refused reload is INVALID_RULES with every issue', async () => {
    const { client } = await setup({
      reload: () =>
        Promise.reject(
          new ValidationError(
            'invalid rules in /x/rules.json',
            [
              { path: 'rules.0.name', message: 'too short' },
              { path: 'rules.1.actions', message: 'required' },
            ],
            { code: 'INVALID_RULES' },
          ),
        ),
    });
    const error = (await client.admin.reloadRules().catch((e: unknown) => e)) as AdminRequestError;
    expect(error).toBeInstanceOf(AdminRequestError);
    expect(error.code).toBe('INVALID_RULES');
    expect(error.message).toContain('/x/rules.json');
    expect(error.issues.map((issue) => issue.path)).toEqual(['rules.0.name', 'rules.1.actions']);
  });

  it('a token without the admin scope gets FORBIDDEN for admin actions', async () => {
    const { server } = await setup();
    const reader = new VmscAdminClient({ url: server.url, token: READ_TOKEN });
    await reader.connect();
    opened.push(reader);
    expect(reader.hello?.scopes).toEqual(['subscribe']);
    expect(reader.hello?.actions).toEqual(['subscribe', 'hello']);
    for (const call of [() => reader.admin.listRules(), () => reader.admin.reloadRules(), () => reader.admin.subscribe({ runs: true })]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdminRequestError);
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('"admin" scope') });
    }
  });

  it('scopesFor decides a token’s scopes: the main token can lose admin', async () => {
    const bus = new EventBus();
    const engine = new RuleEngine({ bus });
    const server = new CustomWsServer({
      bus,
      engine,
      port: 0,
      token: TOKEN,
      scopesFor: (_token, configured) => configured.filter((scope) => scope !== 'admin'),
      admin: engineAdmin({ engine, connectors: [] }),
    });
    await server.listen();
    opened.push(server);
    const client = new VmscAdminClient({ url: server.url, token: TOKEN });
    await client.connect();
    opened.push(client);
    await expect(client.admin.listRules()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a server without an admin handler answers ADMIN_UNAVAILABLE; no rules file: reloadRules is ADMIN_UNAVAILABLE', async () => {
    const bus = new EventBus();
    const bare = new CustomWsServer({ bus, port: 0, token: TOKEN });
    await bare.listen();
    opened.push(bare);
    const client = new VmscAdminClient({ url: bare.url, token: TOKEN });
    await client.connect();
    opened.push(client);
    await expect(client.admin.listRules()).rejects.toMatchObject({ code: 'ADMIN_UNAVAILABLE' });
    const { client: hubClient } = await setup();
    await expect(hubClient.admin.reloadRules()).rejects.toMatchObject({ code: 'ADMIN_UNAVAILABLE' });
  });

  it('a wrong token cannot connect (4401), and the token never appears in the error', async () => {
    const { server } = await setup();
    const client = new VmscAdminClient({ url: server.url, token: 'wrong-token-0123456789' });
    const closed = new Promise<number>((resolve) => client.onClose((code) => resolve(code)));
    await client.connect().catch(() => undefined);
    expect(await closed).toBe(4401);
  });
});
