import { afterEach, describe, expect, it } from 'vitest';
import { createEvent } from '@vmsc/core';
import { CLOSE_CODES } from '@vmsc/core/protocol';
import { cleanup, connectOpen, isAck, isError, isEventMessage, startServer } from './helpers.js';

afterEach(cleanup);

/** A clock the test moves by hand, so the sliding window is deterministic. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('rate limit (sliding window, 60 messages per second)', () => {
  it('processes 60 messages in a second, answers RATE_LIMITED for the 61st without processing it, and accepts again after the window', async () => {
    const clock = manualClock();
    const { server } = await startServer({ clock });
    const client = await connectOpen(server);
    for (let i = 0; i < 61; i++) client.send({ action: 'subscribe', requestId: i });
    await client.count((m) => m.action === 'subscribe' || m.action === 'error', 61);
    expect(client.messages.filter(isAck('subscribe'))).toHaveLength(60);
    const limited = client.messages.find(isError('RATE_LIMITED'));
    // Not processed, but the client learns which request to resend.
    expect(limited).toMatchObject({ action: 'error', code: 'RATE_LIMITED', retryAfterMs: 1000, requestId: 60 });
    clock.advance(500);
    client.send({ action: 'subscribe', requestId: 'still-limited' });
    await client.count(isError('RATE_LIMITED'), 2);
    expect(client.messages.at(-1)).toMatchObject({ retryAfterMs: 500, requestId: 'still-limited' });
    client.send('{"action":"subscribe","requestId":'); // malformed while limited: no requestId to echo
    await client.count(isError('RATE_LIMITED'), 3);
    expect(client.messages.at(-1)).not.toHaveProperty('requestId');
    clock.advance(500);
    client.send({ action: 'subscribe', requestId: 'ok-again' });
    expect(await client.next((m) => isAck('subscribe')(m) && (m as { requestId?: unknown }).requestId === 'ok-again')).toBeDefined();
  });

  it('is a sliding window, not a fixed one: 60 at t=900 ms block until t=1900 ms', async () => {
    const clock = manualClock();
    const { server } = await startServer({ clock });
    const client = await connectOpen(server);
    clock.advance(900);
    for (let i = 0; i < 60; i++) client.send({ action: 'subscribe' });
    await client.count(isAck('subscribe'), 60);
    clock.advance(200); // t = 1100: a fixed 1 s window would have reset here
    client.send({ action: 'subscribe' });
    await client.next(isError('RATE_LIMITED'));
    clock.advance(800); // t = 1900
    client.send({ action: 'subscribe' });
    await client.count(isAck('subscribe'), 61);
  });

  it('limits each connection separately', async () => {
    const clock = manualClock();
    const { server } = await startServer({ clock });
    const flooder = await connectOpen(server);
    const polite = await connectOpen(server);
    for (let i = 0; i < 70; i++) flooder.send({ action: 'subscribe' });
    await flooder.count(isError('RATE_LIMITED'), 10);
    polite.send({ action: 'subscribe' });
    await polite.next(isAck('subscribe'));
  });

  it('disconnects a client that keeps flooding with 4429 once it passes the threshold', async () => {
    const clock = manualClock();
    const { server } = await startServer({ clock, floodThreshold: 5 });
    const flooder = await connectOpen(server);
    const other = await connectOpen(server);
    for (let i = 0; i < 100; i++) flooder.send({ action: 'subscribe' });
    const closed = await flooder.closed;
    expect(closed.code).toBe(CLOSE_CODES.FLOODING);
    expect(flooder.messages.filter(isError('RATE_LIMITED'))).toHaveLength(6);
    other.send({ action: 'subscribe' });
    await other.next(isAck('subscribe'));
  });

  it('does not disconnect a client whose rejections are spread beyond the flood window', async () => {
    const clock = manualClock();
    const { server } = await startServer({ clock, floodThreshold: 5, floodWindowMs: 10_000 });
    const client = await connectOpen(server);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 64; i++) client.send({ action: 'subscribe' });
      await client.count(isError('RATE_LIMITED'), 4 * (round + 1));
      clock.advance(11_000);
    }
    client.send({ action: 'hello' });
    await client.next(isAck('hello'));
  });
});

describe('slow consumers', () => {
  it('drops a subscriber whose send buffer passes the bound with 4509, and keeps serving the others', async () => {
    const { server, bus } = await startServer({ maxBufferedBytes: 256 * 1024 });
    const slow = await connectOpen(server);
    const fast = await connectOpen(server);
    slow.send({ action: 'subscribe' });
    fast.send({ action: 'subscribe', eventTypes: ['follow'] });
    await slow.next(isAck('subscribe'));
    await fast.next(isAck('subscribe'));
    slow.socket.pause();
    const big = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 400 && server.connectionCount === 2; i++) {
      bus.publish(createEvent({ source: 'my-app', type: 'chat', data: { message: big } }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(server.connectionCount).toBe(1);
    slow.socket.resume();
    expect((await slow.closed).code).toBe(CLOSE_CODES.SLOW_CONSUMER);
    bus.publish(createEvent({ source: 'my-app', type: 'follow', data: {} }));
    await fast.next(isEventMessage);
  });
});

describe('triggerRule', () => {
  const rules = [
    { id: '6f1c3b9e-0000-4000-8000-000000000001', name: 'Thank gifters' },
    { id: '6f1c3b9e-0000-4000-8000-000000000002', name: 'Shout out' },
  ];
  const engineWith = (runs: string[], failWith?: Error) => ({
    listRules: () => rules,
    trigger: async (idOrName: string) => {
      if (failWith) throw failWith;
      runs.push(idOrName);
    },
  });

  it('runs a rule by ruleId and by ruleName, acking with both', async () => {
    const runs: string[] = [];
    const { server } = await startServer({ engine: engineWith(runs) });
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleId: rules[0]!.id, requestId: 1 });
    client.send({ action: 'triggerRule', ruleName: 'Shout out', requestId: 2 });
    const acks = await client.count(isAck('triggerRule'), 2);
    expect(acks).toEqual([
      { action: 'triggerRule', status: 'ok', ruleId: rules[0]!.id, ruleName: 'Thank gifters', requestId: 1 },
      { action: 'triggerRule', status: 'ok', ruleId: rules[1]!.id, ruleName: 'Shout out', requestId: 2 },
    ]);
    expect(runs).toEqual([rules[0]!.id, rules[1]!.id]);
  });

  it('answers RULE_NOT_FOUND for an unknown id or name, or without an engine', async () => {
    const runs: string[] = [];
    const { server } = await startServer({ engine: engineWith(runs) });
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleId: 'nope' });
    client.send({ action: 'triggerRule', ruleName: 'Shout out!' });
    const errors = await client.count(isError('RULE_NOT_FOUND'), 2);
    expect(errors[0]).toMatchObject({ message: 'Rule not found: id "nope"' });
    expect(runs).toEqual([]);
    const bare = await startServer();
    const other = await connectOpen(bare.server);
    other.send({ action: 'triggerRule', ruleId: 'x' });
    expect(await other.next(isError('RULE_NOT_FOUND'))).toMatchObject({ message: expect.stringContaining('no rule engine') });
  });

  it('maps the engine rejecting with RULE_NOT_FOUND (rule removed meanwhile) and other failures', async () => {
    const notFound = Object.assign(new Error('gone'), { code: 'RULE_NOT_FOUND' });
    const { server } = await startServer({ engine: engineWith([], notFound) });
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleId: rules[0]!.id });
    await client.next(isError('RULE_NOT_FOUND'));
    const failing = await startServer({ engine: engineWith([], new Error('action failed')) });
    const notices: string[] = [];
    failing.bus.onNotice('error', (notice) => void notices.push(notice.error.message));
    const other = await connectOpen(failing.server);
    other.send({ action: 'triggerRule', ruleName: 'Shout out' });
    expect(await other.next(isError('INTERNAL_ERROR'))).toMatchObject({ message: 'action failed' });
    expect(notices).toContain('action failed');
  });

  it('answers INVALID_PAYLOAD when neither ruleId nor ruleName is given', async () => {
    const { server } = await startServer({ engine: engineWith([]) });
    const client = await connectOpen(server);
    client.send({ action: 'triggerRule', ruleId: 42 });
    client.send({ action: 'triggerRule' });
    const errors = await client.count(isError('INVALID_PAYLOAD'), 2);
    expect(errors[1]).toMatchObject({ message: expect.stringContaining('provide ruleId or ruleName') });
  });
});
