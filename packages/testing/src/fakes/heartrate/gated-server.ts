import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { registerCleanup } from '../../cleanup.js';
import { LOOPBACK_HOST, startHttpServer } from '../../loopback.js';

/** An HTTP answer that refuses a WebSocket upgrade (status, JSON or text body, extra headers). */
export interface UpgradeRefusal {
  status: number;
  body?: string | object;
  headers?: Record<string, string>;
}

/** Options of {@link startGatedWsServer}. */
export interface GatedWsServerOptions {
  /** Only this path is upgraded (others get 404). */
  path: string;
  /** Decides each upgrade: `undefined` accepts, a refusal answers with that HTTP status and body. */
  gate(request: IncomingMessage, url: URL): UpgradeRefusal | undefined;
  /** Called for every accepted connection. */
  onConnection(socket: WebSocket, request: IncomingMessage, url: URL): void;
  /** Answer WebSocket pings automatically (default true); see {@link GatedWsServer.setAutoPong}. */
  autoPong?: boolean;
}

/** A `ws` server on 127.0.0.1 whose upgrades pass a gate that can refuse with a real HTTP error. */
export interface GatedWsServer {
  readonly port: number;
  /** `ws://127.0.0.1:<port><path>` */
  readonly url: string;
  readonly clients: ReadonlySet<WebSocket>;
  /** Every upgrade request, accepted or refused, in order. */
  readonly requests: readonly IncomingMessage[];
  /** Resolves with the next accepted connection. */
  nextConnection(timeoutMs?: number): Promise<WebSocket>;
  /** Stops or resumes answering WebSocket pings (a silent, half-dead server). */
  setAutoPong(enabled: boolean): void;
  /** Drops every connection abruptly (no close frame). */
  dropAll(): void;
  close(): Promise<void>;
}

/** Writes a refusal as a complete HTTP response on the raw upgrade socket, then ends it. */
function refuse(socket: Duplex, refusal: UpgradeRefusal): void {
  const body = refusal.body === undefined ? '' : typeof refusal.body === 'string' ? refusal.body : JSON.stringify(refusal.body);
  const headers: Record<string, string> = {
    connection: 'close',
    'content-type': typeof refusal.body === 'object' ? 'application/json' : 'text/plain',
    'content-length': String(Buffer.byteLength(body)),
    ...refusal.headers,
  };
  const head = [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** Starts a {@link GatedWsServer}; closed by `closeAllFakes()` if the test does not close it. */
export async function startGatedWsServer(options: GatedWsServerOptions): Promise<GatedWsServer> {
  const http = await startHttpServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' });
    response.end('WebSocket upgrade required');
  });
  let autoPong = options.autoPong ?? true;
  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  const requests: IncomingMessage[] = [];
  const waiters: Array<(socket: WebSocket) => void> = [];
  http.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    requests.push(request);
    socket.on('error', () => undefined);
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}`);
    if (url.pathname !== options.path) return refuse(socket, { status: 404, body: 'not found' });
    const refusal = options.gate(request, url);
    if (refusal) return refuse(socket, refusal);
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => undefined);
      ws.on('ping', (data) => {
        if (autoPong) ws.pong(data);
      });
      options.onConnection(ws, request, url);
      for (const resolve of waiters.splice(0)) resolve(ws);
    });
  });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await http.close();
    })().finally(unregister));
  const unregister = registerCleanup(close);
  return {
    port: http.port,
    url: `ws://${LOOPBACK_HOST}:${http.port}${options.path}`,
    clients: wss.clients,
    requests,
    nextConnection(timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no WebSocket connection within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((socket) => {
          clearTimeout(timer);
          resolve(socket);
        });
      });
    },
    setAutoPong(enabled) {
      autoPong = enabled;
    },
    dropAll() {
      for (const client of wss.clients) client.terminate();
    },
    close,
  };
}
