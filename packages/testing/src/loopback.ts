import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { registerCleanup } from './cleanup.js';

/** Every fake listens here: loopback only, never a routable address. */
export const LOOPBACK_HOST = '127.0.0.1';

/**
 * A TCP port that is free on 127.0.0.1 right now (the OS picks it; the probe closes at once), for a
 * server that must be told its port before it starts: a child process, `nats-server`, a hub
 * restarted on the same port.
 */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A running HTTP server on 127.0.0.1 with an OS-assigned port. */
export interface LoopbackHttpServer {
  readonly server: Server;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

function closeHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * Starts an HTTP server on 127.0.0.1, port 0 (the OS picks a free one). It is closed by
 * `closeAllFakes()` if the test does not close it.
 */
export async function startHttpServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LoopbackHttpServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= closeHttp(server).finally(unregister));
  const unregister = registerCleanup(close);
  return { server, port, url: `http://${LOOPBACK_HOST}:${port}`, close };
}

/** Options of {@link startWsServer}. */
export interface WsServerOptions {
  /** Serve WebSocket upgrades on this existing HTTP server instead of a new one. */
  httpServer?: LoopbackHttpServer;
  /** Only upgrade requests to this path (default: any path). */
  path?: string;
  /** Called for every new connection, with the upgrade request. */
  onConnection?: (socket: WebSocket, request: IncomingMessage) => void;
  /** Called for every message from a client (text as string, binary as Buffer). */
  onMessage?: (socket: WebSocket, data: string | Buffer) => void;
  /** Accept or refuse an upgrade (e.g. check a token); refusing answers HTTP 401. */
  verifyClient?: (request: IncomingMessage) => boolean;
  /** Picks the subprotocol from those the client offered (`false`: none); default: the first offered. */
  handleProtocols?: (protocols: Set<string>, request: IncomingMessage) => string | false;
}

/** A WebSocket server on 127.0.0.1 with an OS-assigned port, and the controls tests need. */
export interface LoopbackWsServer {
  readonly wss: WebSocketServer;
  readonly port: number;
  /** `ws://127.0.0.1:<port>` */
  readonly url: string;
  /** Connected clients. */
  readonly clients: ReadonlySet<WebSocket>;
  /** Every upgrade request received, in order (URLs, headers). */
  readonly requests: readonly IncomingMessage[];
  /** Resolves with the next client to connect (or the current one if `existing` and one is open). */
  nextConnection(options?: { timeoutMs?: number; existing?: boolean }): Promise<WebSocket>;
  /** Sends to every connected client. */
  broadcast(data: string | Buffer): void;
  /** Drops every connection abruptly (TCP reset, no close frame), as a network failure would. */
  dropAll(): void;
  /** Closes every connection with a close frame. */
  closeAll(code?: number, reason?: string): void;
  close(): Promise<void>;
}

/** Starts a `ws` WebSocket server on 127.0.0.1, port 0, closed by `closeAllFakes()` if the test does not. */
export async function startWsServer(options: WsServerOptions = {}): Promise<LoopbackWsServer> {
  const http =
    options.httpServer ??
    (await startHttpServer((_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' });
      response.end('WebSocket upgrade required');
    }));
  const wss = new WebSocketServer({
    server: http.server,
    ...(options.path ? { path: options.path } : {}),
    ...(options.verifyClient ? { verifyClient: (info: { req: IncomingMessage }) => options.verifyClient!(info.req) } : {}),
    ...(options.handleProtocols ? { handleProtocols: options.handleProtocols } : {}),
  });
  const requests: IncomingMessage[] = [];
  const waiters: Array<(socket: WebSocket) => void> = [];
  wss.on('connection', (socket, request) => {
    requests.push(request);
    socket.on('error', () => undefined);
    if (options.onMessage) {
      const onMessage = options.onMessage;
      socket.on('message', (data, isBinary) => onMessage(socket, isBinary ? (data as Buffer) : data.toString()));
    }
    options.onConnection?.(socket, request);
    for (const resolve of waiters.splice(0)) resolve(socket);
  });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (!options.httpServer) await http.close();
    })().finally(unregister));
  const unregister = registerCleanup(close);
  return {
    wss,
    port: http.port,
    url: `ws://${LOOPBACK_HOST}:${http.port}`,
    clients: wss.clients,
    requests,
    nextConnection({ timeoutMs = 5_000, existing = false } = {}) {
      if (existing) {
        for (const client of wss.clients) if (client.readyState === client.OPEN) return Promise.resolve(client);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no WebSocket connection within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((socket) => {
          clearTimeout(timer);
          resolve(socket);
        });
      });
    },
    broadcast(data) {
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(data);
    },
    dropAll() {
      for (const client of wss.clients) client.terminate();
    },
    closeAll(code = 1000, reason = '') {
      for (const client of wss.clients) client.close(code, reason);
    },
    close,
  };
}
