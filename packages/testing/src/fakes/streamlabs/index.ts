import type { Socket as NetSocket } from 'node:net';
import createSocketIoV2 from 'socket.io-v2';
import { registerCleanup } from '../../cleanup.js';
import { startHttpServer } from '../../loopback.js';
import { streamlabsFixtures, type StreamlabsFixtureName } from './fixtures.js';

/**
 * A local Streamlabs Socket API: a real socket.io **2.x** server (Engine.IO 3, as
 * `sockets.streamlabs.com` speaks) on 127.0.0.1, port 0, that checks the `?token=` query and replays
 * the Streamlabs fixtures on the `event` channel.
 *
 * @packageDocumentation
 */

/** The socket token the fake accepts unless told otherwise. */
export const STREAMLABS_FAKE_TOKEN = 'fake-streamlabs-socket-token';

/** Options of {@link startStreamlabsFake}. */
export interface StreamlabsFakeOptions {
  /** Socket tokens accepted (default: {@link STREAMLABS_FAKE_TOKEN}). */
  tokens?: readonly string[];
  /**
   * How a bad token is refused: `'error-packet'` (default) answers the Socket.IO error packet
   * `44"Invalid token"`; `'close'` closes the connection before the namespace connects;
   * `'disconnect'` accepts the namespace (`40`) and disconnects it right away (`41`).
   */
  rejectWith?: 'error-packet' | 'close' | 'disconnect';
  /** Engine.IO ping interval announced to clients, ms (default 25,000 like Streamlabs). */
  pingInterval?: number;
  /** Engine.IO ping timeout, ms (default 60,000 like Streamlabs). */
  pingTimeout?: number;
}

/** One client connection the fake accepted or refused. */
export interface StreamlabsFakeConnection {
  /** The `token` query parameter it sent. */
  token: string | undefined;
  /** The `EIO` query parameter (the Engine.IO protocol version the client speaks). */
  eio: string | undefined;
  /** Whether the token was accepted. */
  accepted: boolean;
}

/** Engine.IO keepalive packets seen by the fake, by direction. */
export interface SocketIoPingCounts {
  /** `ping` packets the clients sent (Engine.IO 3: the client pings). */
  fromClient: number;
  /** `ping` packets the server sent (Engine.IO 4: the server pings). */
  fromServer: number;
  /** `pong` packets the server sent. */
  pongsFromServer: number;
  /** `pong` packets the clients sent. */
  pongsFromClient: number;
}

/** A running Streamlabs fake and its controls. */
export interface StreamlabsFake {
  /** `http://127.0.0.1:<port>`: give it to the connector as `url`. */
  readonly url: string;
  readonly port: number;
  /** Every connection attempt, in order. */
  readonly connections: readonly StreamlabsFakeConnection[];
  /** Keepalive packets seen so far. */
  readonly pings: Readonly<SocketIoPingCounts>;
  /** Clients currently connected to the root namespace. */
  connectedCount(): number;
  /** Resolves when the next client has connected to the namespace (token accepted). */
  nextConnection(options?: { timeoutMs?: number }): Promise<void>;
  /** Emits one payload on the Socket.IO `event` channel to every connected client. */
  emitEvent(payload: unknown): void;
  /** Emits a fixture (a fresh copy) on the `event` channel. */
  emitFixture(name: StreamlabsFixtureName): void;
  /** Emits anything on any Socket.IO event name (fault injection). */
  emitRaw(eventName: string, ...args: unknown[]): void;
  /** Drops every connection abruptly (TCP reset, no close packet), as a network failure would. */
  dropAll(): void;
  /** Disconnects every client from the namespace (`41`), as the server does when it kicks a client. */
  disconnectAll(): void;
  /**
   * Stalls every open connection: the server stops reading it (so client pings go unanswered) while
   * the TCP socket stays open, a half-dead link the client's ping timeout must notice. New
   * connections are served normally.
   */
  stallAll(): void;
  close(): Promise<void>;
}

/**
 * Starts a Streamlabs Socket API fake (socket.io 2.5).
 *
 * @example
 * ```ts
 * const fake = await startStreamlabsFake();
 * const connector = new StreamlabsConnector({ bus, socketToken: STREAMLABS_FAKE_TOKEN, url: fake.url });
 * await connector.connect();
 * fake.emitFixture('event-donation');
 * ```
 */
export async function startStreamlabsFake(options: StreamlabsFakeOptions = {}): Promise<StreamlabsFake> {
  const tokens = new Set(options.tokens ?? [STREAMLABS_FAKE_TOKEN]);
  const http = await startHttpServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  const sockets = new Set<NetSocket>();
  http.server.on('connection', (socket: NetSocket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const io = createSocketIoV2(http.server, {
    serveClient: false,
    pingInterval: options.pingInterval ?? 25_000,
    pingTimeout: options.pingTimeout ?? 60_000,
  });
  const connections: StreamlabsFakeConnection[] = [];
  const pings: SocketIoPingCounts = { fromClient: 0, fromServer: 0, pongsFromServer: 0, pongsFromClient: 0 };
  const waiters: Array<() => void> = [];

  io.engine.on('connection', (engineSocket) => {
    const query = new URL(engineSocket.request.url ?? '/', 'http://fake').searchParams;
    const token = query.get('token') ?? undefined;
    const accepted = token !== undefined && tokens.has(token);
    connections.push({ token, eio: query.get('EIO') ?? undefined, accepted });
    engineSocket.on('packet', (packet) => {
      if (packet.type === 'ping') pings.fromClient++;
      if (packet.type === 'pong') pings.pongsFromClient++;
    });
    engineSocket.on('packetCreate', (packet) => {
      if (packet.type === 'ping') pings.fromServer++;
      if (packet.type === 'pong') pings.pongsFromServer++;
    });
    if (!accepted && options.rejectWith === 'close') engineSocket.close();
  });
  io.use((socket, next) => {
    const token = socket.handshake.query.token;
    if ((token !== undefined && tokens.has(token)) || options.rejectWith === 'disconnect') next();
    else next(new Error('Invalid token'));
  });
  io.on('connection', (socket) => {
    const token = socket.handshake.query.token;
    if (token === undefined || !tokens.has(token)) {
      socket.disconnect(true);
      return;
    }
    for (const resolve of waiters.splice(0)) resolve();
  });

  const connected = () => Object.values(io.of('/').sockets).filter((socket) => socket.connected);
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await http.close();
    })().finally(unregister));
  const unregister = registerCleanup(close);

  return {
    url: http.url,
    port: http.port,
    connections,
    pings,
    connectedCount: () => connected().length,
    nextConnection({ timeoutMs = 5_000 } = {}) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no Streamlabs client connected within ${timeoutMs} ms`)), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    emitEvent(payload) {
      io.emit('event', payload);
    },
    emitFixture(name) {
      io.emit('event', structuredClone(streamlabsFixtures[name]));
    },
    emitRaw(eventName, ...args) {
      io.emit(eventName, ...args);
    },
    dropAll() {
      for (const socket of sockets) socket.destroy();
    },
    disconnectAll() {
      for (const socket of connected()) socket.disconnect(true);
    },
    stallAll() {
      for (const socket of sockets) socket.pause();
    },
    close,
  };
}

export { streamlabsFixtures, streamlabsFrames } from './fixtures.js';
export type { StreamlabsFixtureName } from './fixtures.js';
