import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createEvent, EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';
import { waitUntil } from '@vmsc/testing';
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { VmscMirrorClient } from '../src/index.js';
import { startTcpProxy, type TcpProxy } from './proxy.js';

const TOKEN = 'upstream-token-123';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const chat = (message: string) =>
  createEvent({ source: 'my-app', type: 'chat', user: { id: '1', username: 'a', nickname: 'A' }, data: { message } });

async function setup(options: { replayBufferSize?: number; eventTypes?: string[] } = {}) {
  const upstream = new EventBus();
  const server = new CustomWsServer({ bus: upstream, port: 0, token: TOKEN, replayBufferSize: options.replayBufferSize ?? 1000 });
  await server.listen();
  cleanups.push(() => server.close());
  const proxy: TcpProxy = await startTcpProxy(server.port);
  cleanups.push(() => proxy.close());
  const bus = new EventBus();
  const events: StreamEvent[] = [];
  const notices: BusNotice[] = [];
  bus.onAny((event) => void events.push(event));
  bus.onNotice((notice) => void notices.push(notice));
  const mirror = new VmscMirrorClient({
    bus,
    url: `ws://127.0.0.1:${proxy.port}`,
    token: TOKEN,
    backoff: { initialDelayMs: 30, jitterMs: 0 },
    ...(options.eventTypes ? { eventTypes: options.eventTypes } : {}),
  });
  cleanups.push(() => mirror.disconnect());
  return { upstream, server, proxy, bus, events, notices, mirror };
}

describe('VmscMirrorClient (VMSC preset) against a real CustomWsServer', () => {
  it('mirrors the other server’s events unchanged (same id, source, data)', async () => {
    const { upstream, events, mirror, server } = await setup();
    await mirror.connect();
    await waitUntil(() => server.connectionCount === 1, 'subscribed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const sent = chat('hi');
    upstream.publish(sent);
    await waitUntil(() => events.length === 1, 'mirrored event');
    expect(events[0]).toEqual(JSON.parse(JSON.stringify(sent)));
    expect(mirror.lastEventId).toBe(sent.id);
  });

  it('reconnects after a network failure and resubscribes with since: nothing lost, nothing duplicated', async () => {
    const { upstream, events, mirror, proxy, notices } = await setup();
    await mirror.connect();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const published: StreamEvent[] = [];
    const publish = (n: number) => {
      for (let i = 0; i < n; i++) {
        const event = chat(`m${published.length}`);
        published.push(event);
        upstream.publish(event);
      }
    };
    publish(5);
    await waitUntil(() => events.length === 5, 'first five');
    proxy.dropAll();
    await waitUntil(() => mirror.status === 'reconnecting', 'reconnecting');
    publish(8);
    await waitUntil(() => mirror.status === 'connected', 'connected again');
    await waitUntil(() => events.length === 13, 'the missed eight, replayed');
    publish(3);
    await waitUntil(() => events.length === 16, 'live again');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events.map((event) => event.id)).toEqual(published.map((event) => event.id));
    expect(notices.filter((notice) => notice.kind === 'gap')).toHaveLength(0);
    expect(notices.filter((notice) => notice.kind === 'deduped')).toHaveLength(0);
  });

  it('drops before receiving any event: resumes after the subscribe ack’s lastEventId, so nothing is lost', async () => {
    const { upstream, events, mirror, proxy, notices } = await setup();
    const history = chat('history, before the mirror subscribed');
    upstream.publish(history);
    await mirror.connect();
    expect(mirror.lastEventId).toBe(history.id);
    proxy.dropAll();
    await waitUntil(() => mirror.status === 'reconnecting', 'reconnecting');
    const missed = [chat('missed 1'), chat('missed 2')];
    for (const event of missed) upstream.publish(event);
    await waitUntil(() => mirror.status === 'connected', 'connected again');
    await waitUntil(() => events.length === 2, 'the two missed events, replayed');
    expect(events.map((event) => event.id)).toEqual(missed.map((event) => event.id));
    expect(notices.filter((notice) => notice.kind === 'gap')).toHaveLength(0);
  });

  it('drops before receiving any event while the server buffered nothing: no id to resume after, so a gap is reported', async () => {
    const { upstream, events, mirror, proxy, notices } = await setup();
    await mirror.connect();
    expect(mirror.lastEventId).toBeUndefined();
    proxy.dropAll();
    await waitUntil(() => mirror.status === 'reconnecting', 'reconnecting');
    upstream.publish(chat('missed, and not replayable'));
    await waitUntil(() => mirror.status === 'connected', 'connected again');
    await waitUntil(() => notices.some((notice) => notice.kind === 'gap'), 'gap');
    expect(notices.find((notice) => notice.kind === 'gap')).toMatchObject({ reason: expect.stringMatching(/no event to resume after/) });
    upstream.publish(chat('live again'));
    await waitUntil(() => events.length === 1, 'live again');
    expect(events[0]!.data).toEqual({ message: 'live again' });
  });

  it('reports a gap when the server no longer buffers the last event it saw', async () => {
    const { upstream, events, mirror, proxy, notices } = await setup({ replayBufferSize: 2 });
    await mirror.connect();
    await new Promise((resolve) => setTimeout(resolve, 30));
    upstream.publish(chat('seen'));
    await waitUntil(() => events.length === 1, 'one event');
    proxy.dropAll();
    await waitUntil(() => mirror.status === 'reconnecting', 'reconnecting');
    for (let i = 0; i < 5; i++) upstream.publish(chat(`missed ${i}`));
    await waitUntil(() => mirror.status === 'connected', 'connected again');
    await waitUntil(() => notices.some((notice) => notice.kind === 'gap'), 'gap');
    await waitUntil(() => events.length === 3, 'the two still buffered');
    expect(events.slice(1).map((event) => event.data)).toEqual([{ message: 'missed 3' }, { message: 'missed 4' }]);
  });

  it('subscribes with its filter, and stops in "error" on a wrong token (4401)', async () => {
    const { upstream, events, mirror } = await setup({ eventTypes: ['follow'] });
    await mirror.connect();
    await new Promise((resolve) => setTimeout(resolve, 30));
    upstream.publish(chat('filtered out'));
    upstream.publish(createEvent({ source: 'my-app', type: 'follow', data: {} }));
    await waitUntil(() => events.length === 1, 'the follow');
    expect(events[0]!.type).toBe('follow');

    const other = new CustomWsServer({ bus: new EventBus(), port: 0, token: 'different' });
    await other.listen();
    cleanups.push(() => other.close());
    const refused = new VmscMirrorClient({ bus: new EventBus(), url: other.url, token: TOKEN });
    await expect(refused.connect()).rejects.toBeInstanceOf(AuthError);
    expect(refused.status).toBe('error');
  });
});
