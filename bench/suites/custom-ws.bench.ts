import { WebSocket, WebSocketServer } from 'ws';
import { createEvent, EventBus, newEventId, type StreamEvent } from '@vmsc/core';
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { compare, type Suite } from '../lib.js';

const CLIENTS = 10;
const BATCH = 100;

/** Ten loopback clients; `delivered(n)` resolves once every client has received `n` more messages. */
async function subscribers(url: string, subscribe: boolean): Promise<{ sockets: WebSocket[]; delivered: (n: number) => Promise<void> }> {
  let remaining = 0;
  let done: (() => void) | undefined;
  const sockets = await Promise.all(
    Array.from(
      { length: CLIENTS },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(url);
          socket.once('error', reject);
          socket.once('open', () => {
            if (!subscribe) return resolve(socket);
            socket.send(JSON.stringify({ action: 'subscribe' }));
            socket.once('message', () => resolve(socket)); // the subscribe ack
          });
        }),
    ),
  );
  for (const socket of sockets) {
    socket.on('message', () => {
      if (--remaining === 0) done?.();
    });
  }
  return {
    sockets,
    delivered: (n) =>
      new Promise<void>((resolve) => {
        remaining = n * CLIENTS;
        done = resolve;
      }),
  };
}

const suite: Suite = async () => {
  const gift = createEvent({
    source: 'tiktok',
    type: 'gift',
    user: { id: '7034582914412233733', username: 'rosefan.88', nickname: 'Rose Fan' },
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 5, repeatEnd: true },
  });
  // Fresh ids on both sides (the bus suppresses repeated ids, as in production).
  const next = (): StreamEvent => ({ ...gift, id: newEventId(), timestamp: Date.now() });

  // Baseline: a bare `ws` server that serializes each event once and sends it to every client.
  const bare = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((resolve) => bare.once('listening', resolve));
  const bareUrl = `ws://127.0.0.1:${(bare.address() as { port: number }).port}`;
  const bareClients = await subscribers(bareUrl, false);

  // VMSC: the custom WS server attached to a bus; events published on the bus (what an injected
  // event or a platform event does once validated) are broadcast to 10 subscribed clients.
  const bus = new EventBus();
  const server = new CustomWsServer({ bus, port: 0, token: 'bench-token' });
  await server.listen();
  const vmscClients = await subscribers(`${server.url}/?token=bench-token`, true);

  const comparison = await compare({
    title: 'Custom WS server: broadcast to 10 subscribed clients',
    description:
      `One iteration = ${BATCH} gift events sent to ${CLIENTS} loopback clients, until every client received all of them ` +
      `(${BATCH * CLIENTS} frames). Baseline: a bare \`ws\` server doing \`JSON.stringify({action:"event",event})\` once per event ` +
      'and `send` to each client. VMSC: `bus.publish` on the bus a CustomWsServer is attached to (subscription filter, ' +
      'replay buffer, backpressure check, `raw` stripped).',
    targets: [{ label: 'within 1.5x of a bare ws broadcast', max: 1.5 }],
    baseline: {
      name: 'bare ws broadcast',
      fn: async () => {
        const delivered = bareClients.delivered(BATCH);
        for (let i = 0; i < BATCH; i++) {
          const frame = JSON.stringify({ action: 'event', event: next() });
          for (const client of bare.clients) client.send(frame);
        }
        await delivered;
      },
    },
    candidates: [
      {
        name: 'CustomWsServer (bus.publish)',
        fn: async () => {
          const delivered = vmscClients.delivered(BATCH);
          for (let i = 0; i < BATCH; i++) bus.publish(next());
          await delivered;
        },
      },
    ],
  });
  const rows = comparison.rows.map((row) => ({ ...row }));
  comparison.notes = [
    `Events/second delivered to all ${CLIENTS} clients: ` +
      rows.map((row) => `${row.name} ${Math.round(row.opsPerSecond * BATCH).toLocaleString('en-US')}`).join(', ') +
      '.',
  ];
  for (const socket of [...bareClients.sockets, ...vmscClients.sockets]) socket.terminate();
  await server.close();
  await new Promise((resolve) => bare.close(resolve));
  return [comparison];
};

export default suite;
