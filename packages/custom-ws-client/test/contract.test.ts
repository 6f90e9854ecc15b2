import { createEvent, EventBus } from '@vmsc/core';
import { multistreamerFixtures, startMultistreamerFake, waitUntil } from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { MultistreamerClient, VmscMirrorClient } from '../src/index.js';
import { startTcpProxy } from './proxy.js';

// The CustomWsClient harness is in custom-ws-client.test.ts, next to its mapping.

const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };

connectorContract('MultistreamerClient', async () => {
  // No live account in the status, so asking for it on (re)connect publishes no stream_online of its own.
  const fake = await startMultistreamerFake({ status: multistreamerFixtures.streamEnds });
  const bus = new EventBus();
  const connector = new MultistreamerClient({ bus, url: fake.url, token: fake.token, backoff: fastBackoff });
  const statusRequests = () => fake.received.filter((message) => message.type === 'status').length;
  return {
    connector,
    bus,
    // The multistreamer relays chat live only: what it relayed while the socket was down is lost.
    reconnectGap: 'reported',
    // Chat is relayed under the source of its network (the twitchText fixture's account is Twitch).
    eventSources: ['twitch'],
    secrets: [fake.token],
    async sendEvent() {
      await waitUntil(() => statusRequests() > 0, 'the client asked for the status');
      fake.sendFixture('twitchText');
    },
    dropConnection: async () => fake.dropAll(),
    close: () => fake.close(),
  };
});

const TOKEN = 'upstream-token-4711';
const chat = (message: string) =>
  createEvent({ source: 'my-app', type: 'chat', user: { id: '1', username: 'ann', nickname: 'Ann' }, data: { message } });

connectorContract('VmscMirrorClient', async () => {
  const upstream = new EventBus();
  const server = new CustomWsServer({ bus: upstream, port: 0, token: TOKEN });
  await server.listen();
  // A running VMSC has events buffered: the subscribe ack names the newest, the point to resume after
  // (with an empty buffer and nothing received, a reconnect is a reported gap: vmsc-mirror.test.ts).
  upstream.publish(chat('history, before the mirror subscribed'));
  // A TCP proxy in between: it can cut the connection the way a network does, without closing the server.
  const proxy = await startTcpProxy(server.port);
  const bus = new EventBus();
  const connector = new VmscMirrorClient({ bus, url: `ws://127.0.0.1:${proxy.port}`, token: TOKEN, backoff: fastBackoff });
  return {
    connector,
    bus,
    // It resubscribes with `since` = the last event it got, and the server replays what it buffered after it.
    reconnectGap: 'none',
    // Mirrored events keep the source they had on the other VMSC.
    eventSources: ['my-app'],
    secrets: [TOKEN],
    async sendEvent() {
      upstream.publish(chat('hi'));
    },
    dropConnection: async () => proxy.dropAll(),
    async close() {
      await proxy.close();
      await server.close();
    },
  };
});
