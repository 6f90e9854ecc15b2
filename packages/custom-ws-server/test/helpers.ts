import { WebSocket, type ClientOptions } from 'ws';
import { EventBus } from '@vmsc/core';
import type { ServerMessage } from '@vmsc/core/protocol';
import { CustomWsServer, type CustomWsServerOptions } from '../src/index.js';

export const TOKEN = 'test-token-0123456789';

const servers = new Set<CustomWsServer>();
const sockets = new Set<WebSocket>();

/** Starts a server on 127.0.0.1, port 0, with the test token. */
export async function startServer(options: Partial<CustomWsServerOptions> = {}): Promise<{ server: CustomWsServer; bus: EventBus }> {
  const bus = options.bus ?? new EventBus();
  const server = new CustomWsServer({ token: TOKEN, port: 0, ...options, bus });
  await server.listen();
  servers.add(server);
  return { server, bus };
}

/** A test client: every message received, and the close code and reason. */
export interface TestClient {
  socket: WebSocket;
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  /** Resolves with the first message (received so far or later) that `match` accepts. */
  next(match: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  /** Resolves once `count` messages matching `match` were received. */
  count(match: (message: ServerMessage) => boolean, count: number, timeoutMs?: number): Promise<ServerMessage[]>;
}

/** Connects a client; `url` defaults to the server URL with `?token=`. */
export function connect(url: string, options: { protocols?: string[]; ws?: ClientOptions } = {}): TestClient {
  const socket = new WebSocket(url, options.protocols ?? [], options.ws);
  sockets.add(socket);
  socket.on('error', () => undefined);
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as ServerMessage);
    for (const waiter of waiters) waiter();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const count = (match: (message: ServerMessage) => boolean, wanted: number, timeoutMs = 3_000) =>
    new Promise<ServerMessage[]>((resolve, reject) => {
      const check = () => {
        const found = messages.filter(match);
        if (found.length >= wanted) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${wanted} matching messages; got ${JSON.stringify(messages).slice(0, 500)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: async (match, timeoutMs) => (await count(match, 1, timeoutMs))[0]!,
    count,
  };
}

export function opened(client: TestClient): Promise<void> {
  if (client.socket.readyState === client.socket.OPEN) return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.socket.once('open', () => resolve());
    client.socket.once('close', (code) => reject(new Error(`closed with ${code} before open`)));
  });
}

/** Connects with `?token=` and waits for the socket to open. */
export async function connectOpen(server: CustomWsServer, token = TOKEN): Promise<TestClient> {
  const client = connect(`${server.url}/?token=${encodeURIComponent(token)}`);
  await opened(client);
  return client;
}

export async function cleanup(): Promise<void> {
  for (const socket of sockets) socket.terminate();
  sockets.clear();
  await Promise.all([...servers].map((server) => server.close()));
  servers.clear();
}

export const chatEvent = (message = 'hello', source = 'my-app') => ({
  type: 'chat',
  source,
  user: { id: 'bot-001', username: 'MyApp', nickname: 'My Application' },
  data: { message },
});

export const isError = (code: string) => (message: ServerMessage) => message.action === 'error' && message.code === code;
export const isAck = (action: string) => (message: ServerMessage) => message.action === action && 'status' in message;
export const isEventMessage = (message: ServerMessage) => message.action === 'event';
