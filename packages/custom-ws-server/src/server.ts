import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  AuthError,
  ConnectionError,
  RateLimitedError,
  Secret,
  isPlatform,
  newEventId,
  parseEvent,
  systemClock,
  toSecret,
  VmscError,
  type Clock,
  type EventBus,
  type StreamEvent,
  type Unsubscribe,
  type ValidationIssue,
} from '@vmsc/core';
import {
  CLOSE_CODES,
  CUSTOM_WS_SUBPROTOCOL,
  DEFAULT_CUSTOM_WS_PORT,
  PROTOCOL_VERSION,
  clientActions,
  helloMessageSchema,
  requestIdSchema,
  subscribeMessageSchema,
  tokenScopes,
  triggerRuleMessageSchema,
  type ErrorCode,
  type RequestId,
  type ServerMessage,
  type TokenScope,
} from '@vmsc/core/protocol';
import type { z } from 'zod';
import { findGrant, generateToken, presentedToken, type TokenGrant } from './auth.js';
import { helloCatalogue } from './catalogue.js';
import { Connection } from './connection.js';
import type { CustomWsServerOptions, RuleEngineLike, RuleSummary } from './options.js';
import { ReplayBuffer, type BufferedEvent } from './replay-buffer.js';

const ORIGIN = 'custom-ws-server';
const ACTION_SCOPE: Record<string, TokenScope | undefined> = {
  injectEvent: 'inject',
  triggerRule: 'trigger',
  subscribe: 'subscribe',
  hello: undefined,
};
/** How long a connection closed for being slow may take to flush its close frame before it is cut. */
const SLOW_CONSUMER_GRACE_MS = 2_000;
/** Send options for a pre-encoded JSON frame: a text frame, not a binary one. */
const TEXT_FRAME = { binary: false } as const;
/** How long `close()` waits for clients to answer the close handshake before cutting them. */
const CLOSE_GRACE_MS = 2_000;

type ProtocolErrorReply = { code: ErrorCode; message: string; issues?: readonly ValidationIssue[]; retryAfterMs?: number };

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
  readonly #engine: RuleEngineLike | undefined;
  readonly #host: string;
  readonly #requestedPort: number;
  readonly #maxConnections: number;
  readonly #perSecond: number;
  readonly #floodThreshold: number;
  readonly #floodWindowMs: number;
  readonly #maxFrameBytes: number;
  readonly #maxBufferedBytes: number;
  readonly #allowedOrigins: ReadonlySet<string> | '*';
  readonly #clock: Pick<Clock, 'now'>;
  readonly #buffer: ReplayBuffer;
  readonly #connections = new Set<Connection>();
  readonly #extraGrants: TokenGrant[];
  #mainGrant: TokenGrant;
  #http: Server | undefined;
  #wss: WebSocketServer | undefined;
  #port: number | undefined;
  #offBus: Unsubscribe | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: CustomWsServerOptions) {
    this.#bus = options.bus;
    this.#engine = options.engine;
    this.#host = options.host ?? '127.0.0.1';
    this.#requestedPort = options.port ?? DEFAULT_CUSTOM_WS_PORT;
    this.#maxConnections = options.maxConnections ?? 10;
    this.#perSecond = options.messagesPerSecond ?? 60;
    this.#floodThreshold = options.floodThreshold ?? 60;
    this.#floodWindowMs = options.floodWindowMs ?? 10_000;
    this.#maxFrameBytes = options.maxFrameBytes ?? 64 * 1024;
    this.#maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
    this.#allowedOrigins = options.allowedOrigins === '*' ? '*' : new Set(options.allowedOrigins ?? []);
    this.#clock = options.clock ?? systemClock;
    this.#buffer = new ReplayBuffer(options.replayBufferSize ?? 1_000);
    this.#mainGrant = { token: toSecret(options.token ?? generateToken()), scopes: tokenScopes, main: true };
    if (this.#mainGrant.token.isEmpty) throw new AuthError('the custom WebSocket server token must not be empty');
    this.#extraGrants = (options.tokens ?? []).map((scoped) => ({
      token: toSecret(scoped.token),
      scopes: [...scoped.scopes],
      main: false,
    }));
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
    const http = createServer((_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' });
      response.end('WebSocket upgrade required');
    });
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.#maxFrameBytes,
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
    http.on('error', (error) =>
      this.#bus.notify({ kind: 'error', origin: ORIGIN, error: new ConnectionError(error.message, { cause: error }) }),
    );
    this.#http = http;
    this.#wss = wss;
    this.#port = (http.address() as AddressInfo).port;
    this.#closing = undefined;
    this.#offBus = this.#bus.onAny((event) => this.#broadcast(event));
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

  // ------------------------------------------------------------------ connections

  #onUpgrade(wss: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined);
    if (this.#closing || !this.#http) {
      socket.destroy();
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && this.#allowedOrigins !== '*' && !this.#allowedOrigins.has(origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nOrigin not allowed');
      this.#bus.notify({
        kind: 'error',
        origin: ORIGIN,
        error: new AuthError(`refused a connection from origin ${origin}`, { code: 'ORIGIN_FORBIDDEN' }),
      });
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, request));
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    socket.on('error', () => undefined);
    const presented = presentedToken(request);
    const grant = presented ? findGrant(presented.value, [this.#mainGrant, ...this.#extraGrants]) : undefined;
    if (!grant) {
      this.#closeAuthFailed(socket, presented ? 'invalid token' : 'missing token');
      return;
    }
    if (this.#connections.size >= this.#maxConnections) {
      socket.close(CLOSE_CODES.SERVER_FULL, `server full: at most ${this.#maxConnections} connections`);
      this.#bus.notify({
        kind: 'error',
        origin: ORIGIN,
        error: new ConnectionError(`refused a connection: already ${this.#maxConnections} connections`, { code: 'SERVER_FULL' }),
      });
      return;
    }
    const connection = new Connection(socket, grant, {
      perSecond: this.#perSecond,
      floodThreshold: this.#floodThreshold,
      floodWindowMs: this.#floodWindowMs,
    });
    this.#connections.add(connection);
    socket.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
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
    this.#sendTo(socket, { action: 'error', code: 'AUTH_FAILED', message: `Authentication failed: ${reason}` });
    socket.close(CLOSE_CODES.AUTH_FAILED, `authentication failed: ${reason}`);
    this.#bus.notify({ kind: 'error', origin: ORIGIN, error: new AuthError(`closed a connection: ${reason}`) });
  }

  // ------------------------------------------------------------------ incoming messages

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    if (connection.closing) return;
    const now = this.#clock.now();
    const waitMs = connection.limiter.take(now);
    if (waitMs > 0) {
      // The message is not processed, but its requestId (if any) is echoed so the client knows which one to resend.
      this.#reply(connection, peekRequestId(data, isBinary), {
        code: 'RATE_LIMITED',
        message: `Rate limit exceeded: at most ${this.#perSecond} messages per second; message not processed`,
        retryAfterMs: waitMs,
      });
      if (connection.flood.record(now)) {
        connection.closing = true;
        connection.socket.close(CLOSE_CODES.FLOODING, 'flooding: too many rate-limited messages');
        this.#bus.notify({
          kind: 'error',
          origin: ORIGIN,
          error: new RateLimitedError(
            `disconnected a client that kept flooding (> ${this.#floodThreshold} rate-limited messages in ${this.#floodWindowMs} ms)`,
            {
              code: 'FLOODING',
            },
          ),
        });
      }
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(rawToString(data, isBinary));
    } catch (error) {
      this.#reply(connection, undefined, {
        code: 'INVALID_PAYLOAD',
        message: `Malformed JSON: ${error instanceof Error ? error.message : 'cannot parse'}`,
      });
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.#reply(connection, undefined, { code: 'INVALID_PAYLOAD', message: 'A message must be a JSON object with an "action" field' });
      return;
    }
    const fields = message as Record<string, unknown>;
    const parsedId = requestIdSchema.safeParse(fields.requestId);
    const requestId = parsedId.success ? parsedId.data : undefined;
    if (fields.requestId !== undefined && !parsedId.success) {
      this.#reply(connection, undefined, {
        code: 'INVALID_PAYLOAD',
        message: 'Invalid requestId: a string of at most 128 characters or a number',
        issues: [{ path: 'requestId', message: 'expected a string (≤ 128 chars) or a number' }],
      });
      return;
    }
    const action = fields.action;
    if (typeof action !== 'string' || !(clientActions as readonly string[]).includes(action)) {
      this.#reply(connection, requestId, {
        code: 'INVALID_ACTION',
        message: typeof action === 'string' ? `Unknown action: ${action.slice(0, 64)}` : 'Missing action',
      });
      return;
    }
    const scope = ACTION_SCOPE[action];
    if (scope && !connection.grant.scopes.includes(scope)) {
      this.#reply(connection, requestId, { code: 'FORBIDDEN', message: `This token lacks the "${scope}" scope needed for ${action}` });
      return;
    }
    try {
      switch (action) {
        case 'injectEvent':
          this.#inject(connection, fields, requestId);
          break;
        case 'triggerRule':
          void this.#trigger(connection, fields, requestId);
          break;
        case 'subscribe':
          this.#subscribe(connection, fields, requestId);
          break;
        case 'hello':
          this.#hello(connection, fields, requestId);
          break;
      }
    } catch (error) {
      this.#internalError(connection, requestId, error);
    }
  }

  #inject(connection: Connection, fields: Record<string, unknown>, requestId: RequestId | undefined): void {
    const input = fields.event;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      this.#reply(connection, requestId, {
        code: 'INVALID_PAYLOAD',
        message: 'Invalid injectEvent: event: expected an object',
        issues: [{ path: 'event', message: 'expected an object' }],
      });
      return;
    }
    const given = input as Record<string, unknown>;
    const user = given.user;
    const candidate: Record<string, unknown> = { ...given, id: newEventId(), timestamp: this.#clock.now() };
    if (typeof user === 'object' && user !== null && !Array.isArray(user)) {
      const fields = user as Record<string, unknown>;
      // Spec 000 requires "at least id and username": the display name defaults to the username.
      if (fields.nickname === undefined && typeof fields.username === 'string') candidate.user = { ...fields, nickname: fields.username };
    }
    if (typeof given.source === 'string' && isPlatform(given.source)) {
      const meta = (typeof given.meta === 'object' && given.meta !== null ? given.meta : {}) as Record<string, unknown>;
      // An event claiming to come from a built-in platform did not: it is a simulation of one.
      if (meta.simulated === undefined) candidate.meta = { ...meta, simulated: true };
    }
    const result = parseEvent(candidate);
    if (!result.ok) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path ? `event.${issue.path}` : 'event', message: issue.message }));
      this.#reply(connection, requestId, {
        code: 'INVALID_PAYLOAD',
        message: `Invalid injectEvent: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
        issues,
      });
      return;
    }
    this.#bus.publish(result.event);
    this.#send(connection, withRequestId({ action: 'injectEvent', status: 'ok', eventId: result.event.id }, requestId));
  }

  async #trigger(connection: Connection, fields: Record<string, unknown>, requestId: RequestId | undefined): Promise<void> {
    const parsed = triggerRuleMessageSchema.safeParse(fields);
    if (!parsed.success) {
      this.#invalid(connection, requestId, 'triggerRule', parsed.error);
      return;
    }
    const { ruleId, ruleName } = parsed.data;
    const wanted = ruleId !== undefined ? `id "${ruleId}"` : `name "${ruleName}"`;
    const engine = this.#engine;
    let rule: RuleSummary | undefined;
    try {
      rule = engine?.listRules().find((candidate) => (ruleId !== undefined ? candidate.id === ruleId : candidate.name === ruleName));
    } catch (error) {
      this.#internalError(connection, requestId, error);
      return;
    }
    if (!engine || !rule) {
      this.#reply(connection, requestId, {
        code: 'RULE_NOT_FOUND',
        message: engine ? `Rule not found: ${wanted}` : `Rule not found: ${wanted} (no rule engine is attached)`,
      });
      return;
    }
    let result: unknown;
    try {
      result = await engine.trigger(rule.id);
    } catch (error) {
      if (error instanceof Error && (error as { code?: unknown }).code === 'RULE_NOT_FOUND') {
        this.#reply(connection, requestId, { code: 'RULE_NOT_FOUND', message: `Rule not found: ${wanted}` });
      } else {
        this.#internalError(connection, requestId, error);
      }
      return;
    }
    const outcome = typeof result === 'object' && result !== null ? (result as { outcome?: unknown }).outcome : undefined;
    this.#send(
      connection,
      withRequestId(
        { action: 'triggerRule', status: 'ok', ruleId: rule.id, ruleName: rule.name, ...(typeof outcome === 'string' ? { outcome } : {}) },
        requestId,
      ),
    );
  }

  #subscribe(connection: Connection, fields: Record<string, unknown>, requestId: RequestId | undefined): void {
    const parsed = subscribeMessageSchema.safeParse(fields);
    if (!parsed.success) {
      this.#invalid(connection, requestId, 'subscribe', parsed.error);
      return;
    }
    const { eventTypes, sources, since } = parsed.data;
    connection.filter = {
      eventTypes: eventTypes ? new Set(eventTypes) : undefined,
      sources: sources ? new Set(sources) : undefined,
    };
    const replay = since !== undefined ? this.#buffer.after(since) : undefined;
    const entries = replay ? replay.entries.filter((entry) => connection.wants(entry.event.type, entry.event.source)) : [];
    const lastEventId = this.#buffer.newestId;
    const ack: ServerMessage = {
      action: 'subscribe',
      status: 'ok',
      replayed: entries.length,
      ...(eventTypes ? { eventTypes } : {}),
      ...(sources ? { sources } : {}),
      ...(replay ? { sinceFound: replay.found } : {}),
      ...(lastEventId !== undefined ? { lastEventId } : {}),
    };
    this.#send(connection, withRequestId(ack, requestId));
    // Replay and the switch to live delivery happen in the same tick: nothing is missed or sent twice.
    for (const entry of entries) this.#sendFrame(connection, entry);
  }

  #hello(connection: Connection, fields: Record<string, unknown>, requestId: RequestId | undefined): void {
    const parsed = helloMessageSchema.safeParse(fields);
    if (!parsed.success) {
      this.#invalid(connection, requestId, 'hello', parsed.error);
      return;
    }
    const version = parsed.data.protocolVersion;
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      this.#reply(connection, requestId, {
        code: 'INVALID_PAYLOAD',
        message: `Unsupported protocol version ${version}; this server speaks ${PROTOCOL_VERSION}`,
        issues: [{ path: 'protocolVersion', message: `supported: ${PROTOCOL_VERSION}` }],
      });
      return;
    }
    const rules = (this.#engine?.listRules() ?? []).map((rule) => ({ id: rule.id, name: rule.name }));
    this.#send(
      connection,
      withRequestId(
        {
          action: 'hello',
          status: 'ok',
          protocolVersion: PROTOCOL_VERSION,
          supportedVersions: [PROTOCOL_VERSION],
          scopes: [...connection.grant.scopes],
          limits: {
            messagesPerSecond: this.#perSecond,
            maxFrameBytes: this.#maxFrameBytes,
            maxConnections: this.#maxConnections,
            replayBufferSize: this.#buffer.capacity,
          },
          catalogue: helloCatalogue(),
          rules,
        },
        requestId,
      ),
    );
  }

  #invalid(connection: Connection, requestId: RequestId | undefined, action: string, error: z.ZodError): void {
    const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    this.#reply(connection, requestId, {
      code: 'INVALID_PAYLOAD',
      message: `Invalid ${action}: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`,
      issues,
    });
  }

  #internalError(connection: Connection, requestId: RequestId | undefined, error: unknown): void {
    const wrapped =
      error instanceof VmscError
        ? error
        : new VmscError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
    this.#bus.notify({ kind: 'error', origin: ORIGIN, error: wrapped });
    this.#reply(connection, requestId, { code: 'INTERNAL_ERROR', message: wrapped.message });
  }

  // ------------------------------------------------------------------ outgoing

  #broadcast(event: StreamEvent): void {
    const entry = toBuffered(event);
    this.#buffer.push(entry);
    for (const connection of this.#connections) {
      if (connection.wants(event.type, event.source)) this.#sendFrame(connection, entry);
    }
  }

  #sendFrame(connection: Connection, entry: BufferedEvent): void {
    if (connection.closing) return;
    connection.socket.send(entry.frame, TEXT_FRAME);
    this.#checkBackpressure(connection);
  }

  #reply(connection: Connection, requestId: RequestId | undefined, error: ProtocolErrorReply): void {
    const message: ServerMessage = {
      action: 'error',
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: [...error.issues] } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
    this.#send(connection, withRequestId(message, requestId));
  }

  #send(connection: Connection, message: ServerMessage): void {
    if (connection.closing) return;
    this.#sendTo(connection.socket, message);
    this.#checkBackpressure(connection);
  }

  #sendTo(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  #checkBackpressure(connection: Connection): void {
    if (connection.socket.bufferedAmount <= this.#maxBufferedBytes) return;
    connection.closing = true;
    this.#connections.delete(connection);
    const socket = connection.socket;
    socket.close(CLOSE_CODES.SLOW_CONSUMER, `slow consumer: more than ${this.#maxBufferedBytes} bytes unsent`);
    const timer = setTimeout(() => socket.terminate(), SLOW_CONSUMER_GRACE_MS);
    socket.once('close', () => clearTimeout(timer));
    this.#bus.notify({
      kind: 'error',
      origin: ORIGIN,
      error: new ConnectionError(`dropped a slow subscriber (more than ${this.#maxBufferedBytes} bytes unsent)`, { code: 'SLOW_CONSUMER' }),
    });
  }
}

function withRequestId<M extends ServerMessage>(message: M, requestId: RequestId | undefined): M {
  return requestId === undefined ? message : { ...message, requestId };
}

function rawToString(data: RawData, _isBinary: boolean): string {
  if (typeof data === 'string') return data;
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function toBuffered(event: StreamEvent): BufferedEvent {
  // `raw` is for local debugging only: it is never sent to clients.
  const sent = event.raw === undefined ? event : { ...event, raw: undefined };
  return { event, frame: Buffer.from(`{"action":"event","event":${JSON.stringify(sent)}}`, 'utf8') };
}

/** The valid `requestId` of a message that will not be processed (rate limited), or undefined. */
function peekRequestId(data: RawData, isBinary: boolean): RequestId | undefined {
  try {
    const message = JSON.parse(rawToString(data, isBinary)) as unknown;
    if (typeof message !== 'object' || message === null) return undefined;
    const parsed = requestIdSchema.safeParse((message as { requestId?: unknown }).requestId);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
