import type { Socket as NetSocket } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { registerCleanup } from '../../cleanup.js';
import { startHttpServer } from '../../loopback.js';
import type { SocketIoPingCounts } from '../streamlabs/index.js';
import {
  authenticated as authenticatedFixture,
  streamelementsActivityFixtures,
  streamelementsTestFixtures,
  unauthorized as unauthorizedFixture,
  type StreamElementsActivityFixtureName,
} from './fixtures.js';

/**
 * A local StreamElements Realtime API: a real socket.io **4.x** server on 127.0.0.1, port 0, with or
 * without `allowEIO3` (StreamElements is reported to accept both Socket.IO 2 and 4 clients), that
 * implements the `authenticate` → `authenticated` / `unauthorized` handshake and replays the
 * StreamElements fixtures on `event`, `event:test`, `event:update` and `event:reset`.
 *
 * @packageDocumentation
 */

/** The authentication methods of the Realtime API. */
export type StreamElementsFakeAuthMethod = 'jwt' | 'oauth2' | 'apikey';

/** The JWT the fake accepts unless told otherwise. */
export const STREAMELEMENTS_FAKE_JWT = 'fake.streamelements.jwt';
/** The OAuth2 access token the fake accepts unless told otherwise. */
export const STREAMELEMENTS_FAKE_OAUTH2 = 'fake-streamelements-oauth2-token';
/** The overlay API key the fake accepts unless told otherwise. */
export const STREAMELEMENTS_FAKE_APIKEY = 'fake-streamelements-apikey';

/** Options of {@link startStreamElementsFake}. */
export interface StreamElementsFakeOptions {
  /** Accept Engine.IO 3 (Socket.IO 2) clients too. Default `true`. */
  allowEIO3?: boolean;
  /** Accepted tokens per method (default: the three `STREAMELEMENTS_FAKE_*` constants). */
  credentials?: Partial<Record<StreamElementsFakeAuthMethod, readonly string[]>>;
  /** Disconnect a client right after answering `unauthorized` (default `true`). */
  disconnectUnauthorized?: boolean;
  /** Never answer `authenticate` (to test the connector's auth timeout). Default `false`. */
  ignoreAuthenticate?: boolean;
  /** Engine.IO ping interval, ms (default 25,000). */
  pingInterval?: number;
  /** Engine.IO ping timeout, ms (default 20,000). */
  pingTimeout?: number;
}

/** One client connection the fake saw. */
export interface StreamElementsFakeConnection {
  /** Engine.IO protocol of the client: 3 (Socket.IO 2 client) or 4 (Socket.IO 3/4 client). */
  eio: number;
  /** The `authenticate` payload's method, once received. */
  method?: string;
  /** Whether `authenticate` succeeded. */
  authenticated: boolean;
}

/** A running StreamElements fake and its controls. */
export interface StreamElementsFake {
  /** `http://127.0.0.1:<port>`: give it to the connector as `url`. */
  readonly url: string;
  readonly port: number;
  /** Every connection, in order. */
  readonly connections: readonly StreamElementsFakeConnection[];
  /** Keepalive packets seen so far, by direction. */
  readonly pings: Readonly<SocketIoPingCounts>;
  /** Clients currently authenticated. */
  authenticatedCount(): number;
  /** Resolves when the next client has authenticated. */
  nextAuthenticated(options?: { timeoutMs?: number }): Promise<void>;
  /** Emits an activity on `event` to every authenticated client. */
  emitEvent(activity: unknown): void;
  /** Emits an activity fixture (a fresh copy) on `event`. */
  emitFixture(name: StreamElementsActivityFixtureName): void;
  /** Emits on `event:test` (the dashboard's emulator); default payload: the tip-latest fixture. */
  emitTest(payload?: unknown): void;
  /** Emits on `event:update` (a session value changed). */
  emitUpdate(payload: unknown): void;
  /** Emits on `event:reset` (the session was reset). */
  emitReset(payload?: unknown): void;
  /** Emits anything on any event name to every authenticated client (fault injection). */
  emitRaw(eventName: string, ...args: unknown[]): void;
  /** Drops every connection abruptly (TCP reset, no close packet). */
  dropAll(): void;
  /** Disconnects every client from the namespace, as the server does when it kicks a client. */
  disconnectAll(): void;
  /**
   * Stalls every open connection: the server stops reading it (client pongs go unread) while the TCP
   * socket stays open; the Engine.IO ping timeout must end it. New connections are served normally.
   */
  stallAll(): void;
  close(): Promise<void>;
}

const AUTHENTICATED_ROOM = 'authenticated';

/**
 * Starts a StreamElements Realtime fake (socket.io 4).
 *
 * @example
 * ```ts
 * const fake = await startStreamElementsFake({ allowEIO3: false });
 * const connector = new StreamElementsConnector({ bus, token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: fake.url });
 * await connector.connect();
 * fake.emitFixture('event-tip');
 * ```
 */
export async function startStreamElementsFake(options: StreamElementsFakeOptions = {}): Promise<StreamElementsFake> {
  const credentials = options.credentials ?? {
    jwt: [STREAMELEMENTS_FAKE_JWT],
    oauth2: [STREAMELEMENTS_FAKE_OAUTH2],
    apikey: [STREAMELEMENTS_FAKE_APIKEY],
  };
  const http = await startHttpServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  const sockets = new Set<NetSocket>();
  http.server.on('connection', (socket: NetSocket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const io = new Server(http.server, {
    serveClient: false,
    allowEIO3: options.allowEIO3 ?? true,
    pingInterval: options.pingInterval ?? 25_000,
    pingTimeout: options.pingTimeout ?? 20_000,
  });
  const connections: StreamElementsFakeConnection[] = [];
  const pings: SocketIoPingCounts = { fromClient: 0, fromServer: 0, pongsFromServer: 0, pongsFromClient: 0 };
  const waiters: Array<() => void> = [];

  io.engine.on('connection', (engineSocket: { on(event: string, listener: (packet: { type: string }) => void): void }) => {
    engineSocket.on('packet', (packet) => {
      if (packet.type === 'ping') pings.fromClient++;
      if (packet.type === 'pong') pings.pongsFromClient++;
    });
    engineSocket.on('packetCreate', (packet) => {
      if (packet.type === 'ping') pings.fromServer++;
      if (packet.type === 'pong') pings.pongsFromServer++;
    });
  });

  io.on('connection', (socket: Socket) => {
    const connection: StreamElementsFakeConnection = { eio: socket.conn.protocol, authenticated: false };
    connections.push(connection);
    socket.on('authenticate', (payload: unknown) => {
      const { method, token } = (payload ?? {}) as { method?: unknown; token?: unknown };
      connection.method = typeof method === 'string' ? method : undefined;
      if (options.ignoreAuthenticate) return;
      const accepted =
        typeof method === 'string' &&
        typeof token === 'string' &&
        (credentials[method as StreamElementsFakeAuthMethod] ?? []).includes(token);
      if (!accepted) {
        socket.emit('unauthorized', structuredClone(unauthorizedFixture));
        if (options.disconnectUnauthorized ?? true) setTimeout(() => socket.disconnect(true), 10);
        return;
      }
      connection.authenticated = true;
      void socket.join(AUTHENTICATED_ROOM);
      socket.emit('authenticated', { ...authenticatedFixture, clientId: socket.id });
      for (const resolve of waiters.splice(0)) resolve();
    });
  });

  const room = () => io.to(AUTHENTICATED_ROOM);
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      for (const socket of sockets) socket.destroy();
      await io.close();
      await http.close();
    })().finally(unregister));
  const unregister = registerCleanup(close);

  return {
    url: http.url,
    port: http.port,
    connections,
    pings,
    authenticatedCount: () => io.sockets.adapter.rooms.get(AUTHENTICATED_ROOM)?.size ?? 0,
    nextAuthenticated({ timeoutMs = 5_000 } = {}) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no StreamElements client authenticated within ${timeoutMs} ms`)), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    emitEvent(activity) {
      room().emit('event', activity);
    },
    emitFixture(name) {
      room().emit('event', structuredClone(streamelementsActivityFixtures[name]));
    },
    emitTest(payload = structuredClone(streamelementsTestFixtures['event-test-tip-latest'])) {
      room().emit('event:test', payload);
    },
    emitUpdate(payload) {
      room().emit('event:update', payload);
    },
    emitReset(payload = {}) {
      room().emit('event:reset', payload);
    },
    emitRaw(eventName, ...args) {
      room().emit(eventName, ...args);
    },
    dropAll() {
      for (const socket of sockets) socket.destroy();
    },
    disconnectAll() {
      io.disconnectSockets(true);
    },
    stallAll() {
      for (const socket of sockets) socket.pause();
    },
    close,
  };
}

export {
  streamelementsActivityFixtures,
  streamelementsTestFixtures,
  eventUpdateSession as streamelementsSessionUpdateFixture,
  astroChannelActivities as astroChannelActivitiesFixture,
} from './fixtures.js';
export type { StreamElementsActivityFixtureName } from './fixtures.js';
