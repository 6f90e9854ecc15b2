import { afterEach, describe, expect, it } from 'vitest';
import { EventBus, RuleEngine, type RuleRunResult } from '@vmsc/core';
import { waitUntil } from '@vmsc/testing';
import { chatEvent, cleanup, connectOpen, isAck, isError, startServer } from './helpers.js';

afterEach(cleanup);

const RULE_ID = '0b5e2a4c-7d1f-4c3e-9a8b-1f2e3d4c5b6a';

describe('with the real RuleEngine', () => {
  async function setup() {
    const bus = new EventBus();
    const logged: string[] = [];
    const engine = new RuleEngine({ bus, logger: (_level, message) => void logged.push(message) });
    engine.addRule({
      id: RULE_ID,
      name: 'Greet my app',
      trigger: { types: ['chat'], sources: ['my-app'] },
      actions: [{ type: 'log', message: 'greeted' }],
    });
    const runs: RuleRunResult[] = [];
    engine.onRun((run) => void runs.push(run));
    const { server } = await startServer({ bus, engine });
    return { server, engine, runs, logged };
  }

  it('an injected event runs the rules it matches, exactly like a platform event', async () => {
    const { server, runs } = await setup();
    const client = await connectOpen(server);
    client.send({ action: 'injectEvent', event: chatEvent('hi') });
    const ack = await client.next(isAck('injectEvent'));
    await waitUntil(() => runs.length === 1, 'a rule run');
    expect(runs[0]).toMatchObject({
      cause: 'event',
      outcome: 'completed',
      rule: { id: RULE_ID },
      event: { id: (ack as { eventId: string }).eventId },
    });
  });

  it('triggerRule by id and by name runs the rule and acks with its outcome; unknown rules get RULE_NOT_FOUND', async () => {
    const { server, runs } = await setup();
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleId: RULE_ID, requestId: 'a' });
    client.send({ action: 'triggerRule', ruleName: 'Greet my app', requestId: 'b' });
    client.send({ action: 'triggerRule', ruleName: 'greet my app', requestId: 'c' });
    const acks = await client.count(isAck('triggerRule'), 2);
    expect(acks).toEqual([
      { action: 'triggerRule', status: 'ok', ruleId: RULE_ID, ruleName: 'Greet my app', outcome: 'completed', requestId: 'a' },
      { action: 'triggerRule', status: 'ok', ruleId: RULE_ID, ruleName: 'Greet my app', outcome: 'completed', requestId: 'b' },
    ]);
    expect(await client.next(isError('RULE_NOT_FOUND'))).toMatchObject({ requestId: 'c' });
    expect(runs.filter((run) => run.cause === 'trigger')).toHaveLength(2);
  });

  it('hello lists the engine’s rules by id and name', async () => {
    const { server } = await setup();
    const client = await connectOpen(server);
    client.send({ action: 'hello' });
    expect(await client.next(isAck('hello'))).toMatchObject({ rules: [{ id: RULE_ID, name: 'Greet my app' }] });
  });
});
