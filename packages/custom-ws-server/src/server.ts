import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  AuthError,
  ConnectionError,
  Secret,
  systemClock,
  toSecret,
  VmscError,
  type EventBus,
  type StreamEvent,
  type Unsubscribe,
} from '@vmsc/core';
import {
  CLOSE_CODES,
  CUSTOM_WS_SUBPROTOCOL,
  DEFAULT_CUSTOM_WS_PORT,
  tokenScopes,
  type OverlayAlert,
  type OverlayAlertInput,
} from '@vmsc/core/protocol';
import type { ActionContext } from './actions.js';
import { AlertQueue, type QueuedAlert } from './alert-queue.js';
import { findGrant, generateToken, presentedToken, type TokenGrant } from './auth.js';
import { Connection } from './connection.js';
import { handleMessage } from './inbox.js';
import type { CustomWsServerOptions } from './options.js';
import { notifyError, Outbox, sendTo, toBuffered } from './outbox.js';
import { ReplayBuffer } from './replay-buffer.js';
import { AdminFeed } from './admin/feed.js';
import { configuredScopes, type TokenScopesResolver } from './scopes.js';
import { checkStaticRoute, isLiteralHost, isSelfOrigin, serveStatic, type StaticRoute } from './static-routes.js';

/** How long `close()` waits for clients to answer the close handshake before cutting them. */
const CLOSE_GRACE_MS = 2_000;

/**
 * The VMSC Custom WebSocket Server (spec 000): external applications inject events into the bus
 * (and so into the rules), trigger rules, and subscribe to events.
 *
 * Security defaults: binds to 127.0.0.1; a token is required (generated with the CSPRNG when not
 * given) as `?token=`, `Authorization: Bearer`, or a `vmsc.token.<token>` subprotocol; browser
 * origins are refused unless allowed; 60 messages/s per connection; 64 KiB frames; 10 connections.
 *
 * @example
 * ```ts
 * const server = new CustomWsServer({ bus, engine, token: process.env.VMSC_WS_TOKEN });
 * await server.listen();
 * console.log(`ws://127.0.0.1:${server.port}`);
 * // ...
 * await server.close();
 * ```
 */
export class CustomWsServer {
  readonly #bus: EventBus;
  readonly #host: string;
  readonly #requestedPort: number;
  readonly #allowedOrigins: ReadonlySet<string> | '*';
  readonly #connections = new Set<Connection>();
  /** What the client actions work with (bus, rules, clock, replay buffer, outbox, limits). */
  readonly #context: ActionContext;
  readonly #extraGrants: TokenGrant[];
  #mainGrant: TokenGrant;
  #http: Server | undefined;
  #wss: WebSocketServer | undefined;
  #port: number | undefined;
  #offBus: Unsubscribe | undefined;
  #closing: Promise<void> | undefined;
  readonly #alerts: AlertQueue;
  readonly #scopesFor: TokenScopesResolver;
  readonly #adminFeed: AdminFeed | undefined;
  readonly #staticRoutes: readonly StaticRoute[];

  constructor(options: CustomWsServerOptions) {
    this.#bus = options.bus;
    this.#host = options.host ?? '127.0.0.1';
    this.#requestedPort = options.port ?? DEFAULT_CUSTOM_WS_PORT;
    this.#allowedOrigins = options.allowedOrigins === '*' ? '*' : new Set(options.allowedOrigins ?? []);
    this.#context = {
      bus: options.bus,
      engine: options.engine,
      clock: options.clock ?? systemClock,
      buffer: new ReplayBuffer(options.replayBufferSize ?? 1_000),
      outbox: new Outbox({ bus: options.bus, connections: this.#connections, maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024 }),
      limits: {
        messagesPerSecond: options.messagesPerSecond ?? 60,
        floodThreshold: options.floodThreshold ?? 60,
        floodWindowMs: options.floodWindowMs ?? 10_000,
        maxFrameBytes: options.maxFrameBytes ?? 64 * 1024,
        maxConnections: options.maxConnections ?? 10,
      },
      admin: options.admin,
    };
    this.#scopesFor = options.scopesFor ?? configuredScopes;
    this.#staticRoutes = [...(options.staticRoutes ?? [])];
    for (const route of this.#staticRoutes) {
      try {
        checkStaticRoute(route);
      } catch (error) {
        throw new VmscError('INVALID_OPTIONS', (error as Error).message);
      }
    }
    this.#adminFeed = options.admin
      ? new AdminFeed({ admin: options.admin, bus: options.bus, connections: this.#connections, outbox: this.#context.outbox })
      : undefined;
    this.#mainGrant = { token: toSecret(options.token ?? generateToken()), scopes: tokenScopes, main: true };
    if (this.#mainGrant.token.isEmpty) throw new AuthError('the custom WebSocket server token must not be empty');
    this.#extraGrants = (options.tokens ?? []).map((scoped) => ({
      token: toSecret(scoped.token),
      scopes: [...scoped.scopes],
      main: false,
    }));
    const clock = options.clock;
    this.#alerts = new AlertQueue({
      clock: {
        now: () => this.#context.clock.now(),
        setTimeout: (callback, ms) => (clock && 'setTimeout' in clock ? clock : systemClock).setTimeout(callback, ms),
        clearTimeout: (handle) => (clock && 'clearTimeout' in clock ? clock : systemClock).clearTimeout(handle),
      },
      deliver: (alert) => this.#deliverAlert(alert),
      ...(options.alertQueueSize === undefined ? {} : { capacity: options.alertQueueSize }),
      ...(options.alertGapMs === undefined ? {} : { gapMs: options.alertGapMs }),
    });
  }

  /** Connections that subscribed to overlay alerts (`subscribe` with `alerts: true`). */
  get overlayCount(): number {
    let count = 0;
    for (const connection of this.#connections) if (connection.alerts && !connection.closing) count++;
    return count;
  }

  /** Overlay alerts waiting for their turn (not counting the one on screen). */
  get pendingAlerts(): number {
    return this.#alerts.waiting;
  }

  /**
   * Shows an alert on the overlays connected with `alerts: true`, one at a time: it is sent when
   * the alert before it has had its `durationMs` plus `alertGapMs`, so alerts never overlap.
   * Overlays that connect while an alert waits receive it when its turn comes.
   *
   * @throws `ValidationError` when the alert is not valid (a title or a message is needed; URLs are http(s) or relative).
   * @throws {@link AlertQueueFullError} when `alertQueueSize` alerts already wait: nothing is dropped silently.
   */
  showAlert(alert: OverlayAlertInput): QueuedAlert {
    return this.#alerts.enqueue(alert);
  }

  /** Drops the alerts waiting their turn; returns how many. */
  clearAlerts(): number {
    return this.#alerts.clear();
  }

  #deliverAlert(alert: OverlayAlert): number {
    let delivered = 0;
    for (const connection of this.#connections) {
      if (!connection.alerts || connection.closing) continue;
      this.#context.outbox.send(connection, { action: 'alert', alert });
      delivered++;
    }
    return delivered;
  }

  /** The main token (all scopes), as a {@link Secret}: `server.token.reveal()` to show it to the user. */
  get token(): Secret {
    return this.#mainGrant.token;
  }

  /** The port listened on (the OS-assigned one when `port: 0` was given); throws before `listen()`. */
  get port(): number {
    if (this.#port === undefined) throw new VmscError('NOT_LISTENING', 'the custom WebSocket server is not listening');
    return this.#port;
  }

  /** `ws://<host>:<port>` (without the token). */
  get url(): string {
    return `ws://${this.#host.includes(':') ? `[${this.#host}]` : this.#host}:${this.port}`;
  }

  /** Authenticated connections currently open. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Starts listening. Resolves once the port is bound; rejects with a {@link ConnectionError} if it cannot be. */
  async listen(): Promise<void> {
    if (this.#http) return;
    const http = createServer((request, response) => void this.#onRequest(request, response));
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.#context.limits.maxFrameBytes,
      perMessageDeflate: false,
      clientTracking: false,
      handleProtocols: (protocols) => (protocols.has(CUSTOM_WS_SUBPROTOCOL) ? CUSTOM_WS_SUBPROTOCOL : false),
    });
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.#onUpgrade(wss, request, socket, head));
    await new Promise<void>((resolve, reject) => {
      http.once('error', (error) =>
        reject(new ConnectionError(`cannot listen on ${this.#host}:${this.#requestedPort}: ${error.message}`, { cause: error })),
      );
      http.listen(this.#requestedPort, this.#host, () => resolve());
    });
    http.on('error', (error) => notifyError(this.#bus, new ConnectionError(error.message, { cause: error })));
    this.#http = http;
    this.#wss = wss;
    this.#port = (http.address() as AddressInfo).port;
    this.#closing = undefined;
    this.#offBus = this.#bus.onAny((event) => this.#broadcast(event));
    this.#adminFeed?.start();
  }

  /**
   * Replaces the main token (with `token`, or a new random one) and disconnects every client that
   * authenticated with the old one (close code 4401). Scoped tokens are not affected.
   */
  regenerateToken(token?: string | Secret): Secret {
    this.#mainGrant = { token: toSecret(token ?? generateToken()), scopes: tokenScopes, main: true };
    for (const connection of [...this.#connections]) {
      if (connection.grant.main) this.#closeAuthFailed(connection.socket, 'the token was regenerated', connection);
    }
    return this.#mainGrant.token;
  }

  /**
   * Stops accepting connections, closes every client with 1001 (cutting those that do not answer
   * within 2 s), and stops listening. Idempotent.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    const http = this.#http;
    const wss = this.#wss;
    this.#offBus?.();
    this.#offBus = undefined;
    this.#adminFeed?.stop();
    this.#alerts.close();
    if (!http || !wss) return;
    this.#http = undefined;
    this.#wss = undefined;
    const closed = [...this.#connections].map(
      (connection) =>
        new Promise<void>((resolve) => {
          connection.closing = true;
          if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
          const timer = setTimeout(() => connection.socket.terminate(), CLOSE_GRACE_MS);
          connection.socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          connection.socket.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
        }),
    );
    await Promise.all(closed);
    this.#connections.clear();
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });
    wss.close();
    this.#port = undefined;
  }

  // ------------------------------------------------------------------ plain HTTP

  /** Whether a browser origin may talk to this server: listed in `allowedOrigins`, or (with static routes) its own pages. */
  #originAllowed(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined || this.#allowedOrigins === '*' || this.#allowedOrigins.has(origin)) return true;
    return this.#staticRoutes.length > 0 && isSelfOrigin(origin, host);
  }

  /** Static routes (GET/HEAD, literal hosts only, same Origin rules as the upgrade), else 426. */
  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (this.#staticRoutes.length > 0) {
        if (!this.#originAllowed(request.headers.origin, request.headers.host)) {
          response.writeHead(403, { 'content-type': 'text/plain' });
          response.end('Origin not allowed');
          return;
        }
        if (!isLiteralHost(request.headers.host)) {
          response.writeHead(421, { 'content-type': 'text/plain' });
          response.end('Open this page by IP address or localhost');
          return;
        }
        if (await serveStatic(this.#staticRoutes, request, response)) return;
      }
      response.writeHead(426, { 'content-type': 'text/plain' });
      response.end('WebSocket upgrade required');
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
      notifyError(this.#bus, new ConnectionError(`static route failed: ${(error as Error).message}`, { cause: error }));
    }
  }

  // ------------------------------------------------------------------ connections

  #onUpgrade(wss: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined);
    if (this.#closing || !this.#http) {
      socket.destroy();
      return;
    }
    const origin = request.headers.origin;
    if (!this.#originAllowed(origin, request.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nOrigin not allowed');
      notifyError(this.#bus, new AuthError(`refused a connection from origin ${origin}`, { code: 'ORIGIN_FORBIDDEN' }));
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, request));
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    socket.on('error', () => undefined);
    const presented = presentedToken(request);
    const found = presented ? findGrant(presented.value, [this.#mainGrant, ...this.#extraGrants]) : undefined;
    const grant = found && { ...found, scopes: [...this.#scopesFor(found.token, found.scopes)] };
    if (!grant) {
      this.#closeAuthFailed(socket, presented ? 'invalid token' : 'missing token');
      return;
    }
    const { limits } = this.#context;
    if (this.#connections.size >= limits.maxConnections) {
      socket.close(CLOSE_CODES.SERVER_FULL, `server full: at most ${limits.maxConnections} connections`);
      notifyError(
        this.#bus,
        new ConnectionError(`refused a connection: already ${limits.maxConnections} connections`, { code: 'SERVER_FULL' }),
      );
      return;
    }
    const connection = new Connection(socket, grant, {
      perSecond: limits.messagesPerSecond,
      floodThreshold: limits.floodThreshold,
      floodWindowMs: limits.floodWindowMs,
    });
    this.#connections.add(connection);
    socket.on('message', (data, isBinary) => handleMessage(this.#context, connection, data, isBinary));
    socket.on('close', () => {
      connection.closing = true;
      this.#connections.delete(connection);
    });
  }

  #closeAuthFailed(socket: WebSocket, reason: string, connection?: Connection): void {
    if (connection) {
      connection.closing = true;
      this.#connections.delete(connection);
    }
    sendTo(socket, { action: 'error', code: 'AUTH_FAILED', message: `Authentication failed: ${reason}` });
    socket.close(CLOSE_CODES.AUTH_FAILED, `authentication failed: ${reason}`);
    notifyError(this.#bus, new AuthError(`closed a connection: ${reason}`));
  }

  // ------------------------------------------------------------------ events to subscribers

  #broadcast(event: StreamEvent): void {
    const entry = toBuffered(event);
    this.#context.buffer.push(entry);
    for (const connection of this.#connections) {
      if (connection.wants(event.type, event.source)) this.#context.outbox.sendFrame(connection, entry);
    }
  }
}
