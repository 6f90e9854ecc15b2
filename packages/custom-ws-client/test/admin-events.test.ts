import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, EventBus, RuleEngine, type StreamEvent } from '@vmsc/core';
import type { DedupedMessage } from '@vmsc/core/protocol';
import { CustomWsServer, engineAdmin } from '@vmsc/custom-ws-server';
import { waitUntil } from '@vmsc/testing';
import { AdminRequestError, VmscAdminClient } from '../src/index.js';

const TOKEN = 'admin-events-token-0123456789';
const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function setup() {
  const bus = new EventBus();
  const engine = new RuleEngine({ bus, logger: () => undefined });
  const server = new CustomWsServer({
    bus,
    port: 0,
    token: TOKEN,
    tokens: [{ token: 'reader-token-0123', scopes: ['subscribe'] }],
    admin: engineAdmin({ engine, connectors: [] }),
  });
  await server.listen();
  opened.push(server, { close: () => engine.close() });
  const client = new VmscAdminClient({ url: server.url, token: TOKEN });
  await client.connect();
  opened.push(client);
  return { bus, server, client };
}

describe('VmscAdminClient: events and test events on the admin connection (the dashboard)', () => {
  it('injectEvent publishes a simulated event on the hub bus, and subscribeEvents delivers it back', async () => {
    const { bus, client } = await setup();
    const onBus: StreamEvent[] = [];
    bus.onAny((event) => void onBus.push(event));
    const seen: StreamEvent[] = [];
    client.onEvent((event) => void seen.push(event));
    expect(await client.subscribeEvents({ sources: ['twitch'] })).toMatchObject({ sources: ['twitch'], replayed: 0 });
    const { eventId } = await client.injectEvent({
      type: 'follow',
      source: 'twitch',
      user: { id: 'u1', username: 'ann' },
      data: {},
      meta: { simulated: true },
    });
    await waitUntil(() => seen.length === 1, 'the injected event back');
    expect(seen[0]).toMatchObject({ id: eventId, type: 'follow', source: 'twitch', meta: { simulated: true } });
    expect(onBus.map((event) => event.id)).toEqual([eventId]);
    // Filtered out: another source.
    await client.injectEvent({ type: 'chat', source: 'my-app', user: { id: 'u2', username: 'bo' }, data: { message: 'x' } });
    // Resuming after the first event replays what came after it.
    const replay = await client.subscribeEvents({ since: eventId });
    expect(replay.replayed).toBe(1);
    await waitUntil(() => seen.length === 2, 'the replayed event');
    expect(seen[1]).toMatchObject({ type: 'chat', source: 'my-app' });
  });

  it('dedupe notices reach a subscriber of notices (which copy was kept and why), not the others', async () => {
    const { bus, client, server } = await setup();
    const other = new VmscAdminClient({ url: server.url, token: TOKEN });
    await other.connect();
    opened.push(other);
    const seen: Array<Omit<DedupedMessage, 'action'>> = [];
    const otherSeen: unknown[] = [];
    client.onDeduped((notice) => void seen.push(notice));
    other.onDeduped((notice) => void otherSeen.push(notice));
    expect(await client.admin.subscribe({ notices: true })).toEqual({ runs: false, connectors: false, notices: true });
    await other.admin.subscribe({ runs: true });
    const event = createEvent({ source: 'twitch', type: 'follow', user: { id: '1', username: 'ann', nickname: 'Ann' }, data: {} });
    bus.publish(event);
    bus.publish(event);
    await waitUntil(() => seen.length === 1, 'the dedupe notice');
    expect(seen[0]).toMatchObject({
      reason: 'same-id',
      kept: { id: event.id, source: 'twitch', type: 'follow' },
      dropped: { id: event.id },
    });
    expect(seen[0]!.detail).toEqual(expect.any(String));
    await client.admin.listRules(); // a round trip on the other connection's server: nothing was pushed there
    await other.admin.listRules();
    expect(otherSeen).toEqual([]);
  });

  it('an invalid test event is refused with INVALID_PAYLOAD and its issues', async () => {
    const { client } = await setup();
    const error = await client
      .injectEvent({ type: 'gift', source: 'tiktok', user: { id: 'u1', username: 'ann' }, data: { repeatCount: 'many' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect(error).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect((error as AdminRequestError).issues.length).toBeGreaterThan(0);
  });

  it('a subscribe-only token cannot inject (FORBIDDEN)', async () => {
    const { server } = await setup();
    const reader = new VmscAdminClient({ url: server.url, token: 'reader-token-0123' });
    await reader.connect();
    opened.push(reader);
    await expect(reader.injectEvent({ type: 'chat', source: 'x', user: { id: 'u', username: 'u' }, data: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
