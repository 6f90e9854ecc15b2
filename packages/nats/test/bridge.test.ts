import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, RetentionPolicy } from '@nats-io/jetstream';
import { createEvent, EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';
import { channelKeyOf, messageIdOf, NatsBridge, partitionOf, NatsStreamConflictError, subjectOf } from '@vmsc/nats';
import { closeAllFakes, startNatsServer, waitUntil, type NatsServer } from '@vmsc/testing';

const bridges: NatsBridge[] = [];
afterEach(async () => {
  await Promise.all(bridges.splice(0).map((bridge) => bridge.stop({ flushTimeoutMs: 100 })));
  await closeAllFakes();
});

function chat(n: number, source = 'kick'): StreamEvent {
  return createEvent({
    source,
    type: 'chat',
    user: { id: `u${n}`, username: `user${n}`, nickname: `User ${n}` },
    data: { message: `message ${n}` },
  });
}

function bridge(server: NatsServer, options: Partial<ConstructorParameters<typeof NatsBridge>[0]> & { bus: EventBus }): NatsBridge {
  const made = new NatsBridge({ servers: server.url, backoff: { initialDelayMs: 50, maxDelayMs: 200, jitterMs: 10 }, ...options });
  bridges.push(made);
  return made;
}

function received(bus: EventBus): StreamEvent[] {
  const events: StreamEvent[] = [];
  bus.onAny((event) => events.push(event));
  return events;
}

function notices(bus: EventBus): BusNotice[] {
  const all: BusNotice[] = [];
  bus.onNotice((notice) => all.push(notice));
  return all;
}

describe('NatsBridge against a real nats-server with JetStream', () => {
  it('carries events from one process bus to another, in order, each once, on vmsc.<source>.<type>', async () => {
    const server = await startNatsServer();
    const producerBus = new EventBus();
    const consumerBus = new EventBus();
    const got = received(consumerBus);
    await bridge(server, { bus: producerBus }).start();
    await bridge(server, { bus: consumerBus, publish: false, consume: { durable: 'rules-1' } }).start();
    const sent = Array.from({ length: 50 }, (_, i) => chat(i));
    for (const event of sent) producerBus.publish(event);
    await waitUntil(() => got.length === 50, '50 events through JetStream');
    expect(got.map((event) => event.id)).toEqual(sent.map((event) => event.id));
    expect(got[0]).toEqual(sent[0]);
    expect(subjectOf('vmsc', sent[0]!)).toBe('vmsc.kick.chat');
    // The stream holds them once, on their subjects.
    const nc = await connect({ servers: server.url });
    const info = await (await jetstreamManager(nc)).streams.info('VMSC');
    expect(info.state.messages).toBe(50);
    expect(info.config.subjects).toEqual(['vmsc.>']);
    await nc.close();
  });

  it('a republished event (same id) is stored once; a redelivered one is delivered once', async () => {
    const server = await startNatsServer();
    const busA = new EventBus({ idMemory: 0 });
    const busB = new EventBus();
    const got = received(busB);
    await bridge(server, { bus: busA }).start();
    const event = chat(1);
    busA.publish(event);
    busA.publish(event); // the bus keeps no ids here: the bridge gets it twice
    await bridge(server, { bus: busB, publish: false, consume: { durable: 'once' } }).start();
    await waitUntil(() => got.length === 1, 'the event');
    const nc = await connect({ servers: server.url });
    expect((await (await jetstreamManager(nc)).streams.info('VMSC')).state.messages).toBe(1);
    // The same message id published by hand outside the duplicate window would be a second copy: the consumer's id memory keeps it once.
    await jetstream(nc).publish('vmsc.kick.chat', JSON.stringify(event), { msgID: 'another-msg-id' });
    await jetstream(nc).publish('vmsc.kick.chat', JSON.stringify(chat(2)));
    await waitUntil(() => got.length === 2, 'the next event');
    expect(got.map((e) => e.data)).toEqual([{ message: 'message 1' }, { message: 'message 2' }]);
    await nc.close();
  });

  it('the same platform message heard by two workers (a hand-off) is stored and delivered once', async () => {
    const server = await startNatsServer();
    const workerA = new EventBus();
    const workerB = new EventBus();
    const consumer = new EventBus();
    const got = received(consumer);
    await bridge(server, { bus: workerA }).start();
    await bridge(server, { bus: workerB }).start();
    await bridge(server, { bus: consumer, publish: false, consume: { durable: 'handoff' } }).start();
    const heard = (n: number) => ({ ...chat(n), meta: { platformMessageId: `kick-msg-${n}` } });
    // Each worker's connector makes its own event (its own event id) of the same Kick message.
    workerA.publish(heard(1));
    workerB.publish(heard(1));
    workerB.publish(heard(2));
    await waitUntil(() => got.length === 2, 'two messages');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(got.map((event) => event.meta?.platformMessageId)).toEqual(['kick-msg-1', 'kick-msg-2']);
    expect(messageIdOf(heard(1))).toBe('kick:kick-msg-1');
    // Stored once too: the Nats-Msg-Id is the platform's message id, not the event id.
    const nc = await connect({ servers: server.url });
    expect((await (await jetstreamManager(nc)).streams.info('VMSC')).state.messages).toBe(2);
    await nc.close();
  });

  it('with partitions, events go to <prefix>.p<n>.<source>.<type>, n a stable hash of the channel', async () => {
    const server = await startNatsServer();
    const bus = new EventBus();
    await bridge(server, { bus, partitions: 8 }).start();
    const inChannel = (channel: string, n: number) => ({ ...chat(n), meta: { channel } });
    bus.publish(inChannel('xqc', 1));
    bus.publish(inChannel('xqc', 2));
    bus.publish(inChannel('trainwreckstv', 3));
    const nc = await connect({ servers: server.url });
    const jsm = await jetstreamManager(nc);
    const subjectOfXqc = `vmsc.p${partitionOf('kick:xqc', 8)}.kick.chat`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const info = await jsm.streams.info('VMSC', { subjects_filter: 'vmsc.>' });
    expect(info.state.subjects?.[subjectOfXqc]).toBe(2);
    expect(Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0)).toBe(3);
    expect(partitionOf('kick:xqc', 8)).toBe(partitionOf(channelKeyOf(inChannel('xqc', 9)), 8));
    await nc.close();
  });

  it('a poison message is reported, acknowledged and skipped: it never blocks the stream', async () => {
    const server = await startNatsServer();
    const bus = new EventBus();
    const got = received(bus);
    const seen = notices(bus);
    await bridge(server, { bus, publish: false, consume: { durable: 'poison' } }).start();
    const nc = await connect({ servers: server.url });
    const js = jetstream(nc);
    await js.publish('vmsc.kick.chat', 'not json {');
    await js.publish('vmsc.kick.chat', JSON.stringify({ id: 'x', source: 'kick', type: 'no_such_type' }));
    await js.publish('vmsc.kick.chat', JSON.stringify(chat(3)));
    await waitUntil(() => got.length === 1, 'the valid event after two poison messages');
    const poison = seen.filter((notice) => notice.kind === 'error' && notice.error.code === 'NATS_POISON_EVENT');
    expect(poison.map((notice) => notice.kind === 'error' && notice.error.message)).toEqual([
      expect.stringMatching(/message 1 on vmsc\.kick\.chat skipped: not JSON/),
      expect.stringMatching(/message 2 on vmsc\.kick\.chat skipped: not a valid event/),
    ]);
    const consumer = await (await jetstreamManager(nc)).consumers.info('VMSC', 'poison');
    expect(consumer.num_ack_pending).toBe(0);
    await nc.close();
  });

  it('a durable consumer resumes where it stopped: a restarted process gets what it missed, nothing twice', async () => {
    const server = await startNatsServer();
    const producer = new EventBus();
    await bridge(server, { bus: producer }).start();
    const first = new EventBus();
    const gotFirst = received(first);
    const firstBridge = bridge(server, { bus: first, publish: false, consume: { durable: 'engine' } });
    await firstBridge.start();
    for (let i = 0; i < 10; i++) producer.publish(chat(i));
    await waitUntil(() => gotFirst.length === 10, 'the first ten');
    await firstBridge.stop();
    for (let i = 10; i < 20; i++) producer.publish(chat(i));
    const second = new EventBus();
    const gotSecond = received(second);
    await bridge(server, { bus: second, publish: false, consume: { durable: 'engine' } }).start();
    await waitUntil(() => gotSecond.length === 10, 'the ten it missed');
    expect(gotSecond.map((event) => event.data)).toEqual(Array.from({ length: 10 }, (_, i) => ({ message: `message ${i + 10}` })));
  });

  it('NATS restarting mid-stream: the bridge buffers, reports, and resumes; nothing is lost or doubled', async () => {
    const server = await startNatsServer();
    const producer = new EventBus();
    const seen = notices(producer);
    const publisher = bridge(server, { bus: producer, publish: { publishTimeoutMs: 500 } });
    await publisher.start();
    const consumerBus = new EventBus();
    const got = received(consumerBus);
    await bridge(server, { bus: consumerBus, publish: false, consume: { durable: 'through-restart' } }).start();
    for (let i = 0; i < 20; i++) producer.publish(chat(i));
    await waitUntil(() => got.length === 20, 'before the restart');
    await server.stop({ kill: true });
    for (let i = 20; i < 40; i++) producer.publish(chat(i));
    await waitUntil(
      () => publisher.buffered > 0 && seen.some((n) => n.kind === 'error' && n.error.code === 'NATS_PUBLISH_FAILED'),
      'the outage reported',
    );
    await server.start();
    for (let i = 40; i < 50; i++) producer.publish(chat(i));
    await waitUntil(() => got.length >= 50, 'every event after the restart', { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = got.map((event) => (event.data as { message: string }).message);
    expect(new Set(ids).size).toBe(50);
    expect(ids.length).toBe(50);
    expect(publisher.buffered).toBe(0);
    expect(seen.some((n) => n.kind === 'status' && n.status === 'reconnecting')).toBe(true);
  }, 30_000);

  it('a full buffer drops new events and reports a gap from the first to the last dropped', async () => {
    const server = await startNatsServer();
    const bus = new EventBus();
    const seen = notices(bus);
    const publisher = bridge(server, { bus, publish: { maxBuffered: 5, publishTimeoutMs: 300 } });
    await publisher.start();
    await server.stop({ kill: true });
    const events = Array.from({ length: 8 }, (_, i) => ({ ...chat(i), timestamp: 1_000 + i }));
    for (const event of events) bus.publish(event);
    expect(publisher.buffered).toBe(5);
    await server.start();
    await waitUntil(() => publisher.buffered === 0, 'the buffer drained', { timeoutMs: 20_000 });
    bus.publish(chat(99));
    await waitUntil(() => seen.some((n) => n.kind === 'gap'), 'the gap');
    expect(seen.find((n) => n.kind === 'gap')).toMatchObject({
      kind: 'gap',
      connector: 'nats',
      from: 1_005,
      to: 1_007,
      reason: expect.stringContaining('3 event(s) dropped'),
    });
  }, 30_000);

  it('an existing stream with another configuration is a typed error, left unchanged', async () => {
    const server = await startNatsServer();
    const nc = await connect({ servers: server.url });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'VMSC', subjects: ['other.>'], retention: RetentionPolicy.Workqueue });
    const failing = bridge(server, { bus: new EventBus() });
    const error = await failing.start().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NatsStreamConflictError);
    expect(error).toMatchObject({ code: 'NATS_STREAM_CONFLICT', message: expect.stringContaining('not ["vmsc.>"]') });
    expect((await jsm.streams.info('VMSC')).config.subjects).toEqual(['other.>']);
    await nc.close();
  });
});
