import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { startHttpServer, startWsServer, type LoopbackHttpServer, type LoopbackWsServer } from '../../loopback.js';
import { twitchNotificationFixtures, type TwitchNotificationFixtureName } from './fixtures.js';
import { ALL_FAKE_SCOPES, FAKE_SUBSCRIPTION_TYPES } from './subscription-types.js';

/** A user access token the fake accepts. */
export interface FakeTwitchToken {
  userId: string;
  login: string;
  scopes: string[];
  /** Client id it was issued to (default: the fake's client id). */
  clientId?: string;
  /** Seconds until expiry reported by `/oauth2/validate` (default 14,400). */
  expiresIn?: number;
}

/** A Twitch user known to `GET /helix/users`. */
export interface FakeTwitchUser {
  id: string;
  login: string;
  display_name: string;
}

/** Options of {@link startTwitchFake}. */
export interface FakeTwitchOptions {
  /** The app's client id (default `vmsc-test-client`). */
  clientId?: string;
  /** Accepted tokens (default: `test-token` for user 1337 `cool_user` with every scope). */
  tokens?: Record<string, FakeTwitchToken>;
  /** Users of `/helix/users` (default: `cool_user` 1337, `cooler_user` 1338, `twitchdev` 141981764). */
  users?: FakeTwitchUser[];
  /**
   * Force the welcome's `keepalive_timeout_seconds` (test speed; may be fractional, unlike Twitch,
   * which clamps the query parameter to 10–600). Default: the query parameter, clamped, or 10.
   */
  keepaliveSeconds?: number;
  /** The "create a subscription or be closed with 4003" timer (default 10,000 ms). */
  unusedTimeoutMs?: number;
  /** Ping interval; a ping still unanswered at the next one closes with 4002. 0 = no pings (default 5,000). */
  pingIntervalMs?: number;
  /** Grace after `session_reconnect` before the old socket is closed with 4004 (default 30,000 ms). */
  reconnectGraceMs?: number;
  /** WebSocket connections with enabled subscriptions per user (default 3). */
  maxTransports?: number;
  /** `max_total_cost` (default 10). */
  maxTotalCost?: number;
  /** Enabled subscriptions per connection (default 300). */
  maxPerConnection?: number;
  /**
   * Whether disabled subscriptions of closed sessions keep counting toward the cost until deleted,
   * as seen in the wild (pyTwitchAPI#351). Default true.
   */
  disabledCountTowardCost?: boolean;
}

/** One EventSub WebSocket session of the fake. */
export interface FakeTwitchSession {
  readonly id: string;
  readonly socket: WebSocket;
  /** The URL the client connected to (path and query). */
  readonly url: string;
  readonly keepaliveSeconds: number;
  /** `connected`, `reconnecting` (after `session_reconnect`), `closed`. */
  status: 'connected' | 'reconnecting' | 'closed';
  /** Close code, once closed. */
  closeCode: number | undefined;
  /** The session it took over from through a reconnect URL. */
  readonly reconnectedFrom: string | undefined;
  /** Keepalives are not sent while paused. */
  keepalivesPaused: boolean;
  /** Text frames the client sent (each one closes the socket with 4001). */
  readonly inbound: string[];
}

/** A subscription held by the fake. */
export interface FakeTwitchSubscription {
  id: string;
  type: string;
  version: string;
  condition: Record<string, string>;
  /** `enabled`, a `websocket_*` status once its session closed, or a revocation status. */
  status: string;
  cost: number;
  sessionId: string;
  userId: string;
  createdAt: string;
}

/** A request the fake's HTTP side received. */
export interface FakeTwitchRequest {
  method: string;
  /** Path without the query, e.g. `/helix/eventsub/subscriptions`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The status the fake answered. */
  status: number;
}

/** A fault to inject on the next matching HTTP request(s). */
export interface FakeTwitchFault {
  method?: string;
  /** Path without the query, e.g. `/helix/eventsub/subscriptions`. */
  path: string;
  /** Answer with this status and body (omit to answer normally after `delayMs`). */
  status?: number;
  body?: unknown;
  /** Extra response headers of the faulty answer, e.g. `{ 'retry-after': '3' }` or `{ 'ratelimit-reset': '<epoch s>' }`. */
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** How many requests it applies to (default 1; `Infinity` until cleared). */
  times?: number;
}

/** Options of {@link FakeTwitch.notify}. */
export interface FakeNotifyOptions {
  /** Shallow overrides of `payload.event`. */
  event?: Record<string, unknown>;
  /** `metadata.message_id` (default: a new UUID). Reuse one to simulate a redelivery. */
  messageId?: string;
  /** `metadata.message_timestamp` (default: now, with nanoseconds). */
  timestamp?: string;
  /** Send on these sessions (default: the session holding the subscription). Two = the same message on both. */
  sessions?: FakeTwitchSession[];
  /** Send even if no enabled subscription of that type exists (a type the client did not ask for). */
  force?: boolean;
}

/** Reasons Twitch gives with each close code. */
export const TWITCH_CLOSE_REASONS: Readonly<Record<number, string>> = {
  4000: 'internal server error',
  4001: 'sent inbound traffic',
  4002: 'failed ping pong',
  4003: 'connection unused',
  4004: 'reconnect grace time expired',
  4005: 'network timeout',
  4006: 'network error',
  4007: 'invalid reconnect',
};

const SUBSCRIPTION_STATUS_FOR_CLOSE: Readonly<Record<number, string>> = {
  4000: 'websocket_internal_error',
  4001: 'websocket_received_inbound_traffic',
  4002: 'websocket_failed_ping_pong',
  4003: 'websocket_connection_unused',
  4005: 'websocket_network_timeout',
  4006: 'websocket_network_error',
};

/** A running fake Twitch: EventSub WebSocket + Helix + OAuth validate on one loopback server. */
export interface FakeTwitch {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/ws` */
  readonly eventsubUrl: string;
  /** `http://127.0.0.1:<port>/helix` */
  readonly helixUrl: string;
  /** `http://127.0.0.1:<port>/oauth2` */
  readonly authUrl: string;
  readonly clientId: string;
  /** Every session, oldest first (closed ones included). */
  readonly sessions: readonly FakeTwitchSession[];
  /** Every subscription ever created and not deleted. */
  readonly subscriptions: readonly FakeTwitchSubscription[];
  /** Every HTTP request, in order. */
  readonly requests: readonly FakeTwitchRequest[];
  /** Chat messages accepted by `POST /helix/chat/messages` (sent or dropped). */
  readonly chatMessages: ReadonlyArray<{ body: Record<string, unknown>; sent: boolean }>;
  /** The newest session still connected. */
  activeSession(): FakeTwitchSession | undefined;
  /** Resolves with the next session to receive its welcome. */
  nextSession(options?: { timeoutMs?: number }): Promise<FakeTwitchSession>;
  /** Resolves once `count` subscriptions are enabled on the active session. */
  waitForSubscriptions(count: number, options?: { timeoutMs?: number }): Promise<FakeTwitchSubscription[]>;
  /** Enabled subscriptions of a session (default: the active one). */
  enabledSubscriptions(session?: FakeTwitchSession): FakeTwitchSubscription[];
  /**
   * Sends a notification built from a documented fixture (ids, session id and timestamp rewritten);
   * returns its `message_id`. Throws when no enabled subscription of that type exists, unless `force`.
   */
  notify(fixture: TwitchNotificationFixtureName, options?: FakeNotifyOptions): string;
  /** Sends a notification for any type/version with the given event. */
  notifyRaw(type: string, version: string, event: Record<string, unknown>, options?: FakeNotifyOptions): string;
  /** Sends any text or JSON frame. */
  sendFrame(data: string | object, session?: FakeTwitchSession): void;
  /** Sends a keepalive now. */
  sendKeepalive(session?: FakeTwitchSession): void;
  /** Stops (or resumes) the periodic keepalives of a session, to trigger the client's watchdog. */
  pauseKeepalives(paused?: boolean, session?: FakeTwitchSession): void;
  /**
   * Sends `session_reconnect` with a reconnect URL (`/ws?reconnect_id=…`). A client that connects
   * there gets a new session holding the subscriptions; the old socket is closed with 4004 after
   * `graceMs` unless the client closed it.
   */
  startReconnect(options?: { session?: FakeTwitchSession; graceMs?: number; url?: string }): string;
  /** Sends a revocation for the enabled subscription of `type` and disables it. */
  revoke(type: string, status?: string, session?: FakeTwitchSession): void;
  /** Closes a session with any code (its subscriptions are disabled). */
  closeSession(code: number, reason?: string, session?: FakeTwitchSession): void;
  /** Drops a session's TCP connection without a close frame. */
  dropSession(session?: FakeTwitchSession): void;
  /** Injects a fault on the next matching HTTP request(s). */
  failNext(fault: FakeTwitchFault): void;
  /** Removes every pending fault. */
  clearFaults(): void;
  /** The next chat message is accepted with 200 but not sent (`is_sent:false`) for this reason. */
  dropNextChat(reason?: { code: string; message: string }): void;
  /** Adds or replaces a token. */
  setToken(token: string, info: FakeTwitchToken): void;
  /** Makes a token invalid (401 everywhere). */
  revokeToken(token: string): void;
  close(): Promise<void>;
}

interface PendingWelcome {
  resolve: (session: FakeTwitchSession) => void;
}

function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function json(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  response.writeHead(status, { ...headers, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function helixError(status: number, message: string): { error: string; status: number; message: string } {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    410: 'Gone',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
  };
  return { error: names[status] ?? 'Error', status, message };
}

/**
 * Starts a fake Twitch on 127.0.0.1 speaking the real EventSub WebSocket protocol (welcome, 4003
 * unused-connection timer, keepalives, pings with a 4002 on a missing pong, 4001 on any inbound
 * text, `session_reconnect` hand-off with 4004 on the old socket, revocations, any close code)
 * and the Helix endpoints the connector uses (`/oauth2/validate`, `/helix/users`,
 * `/helix/eventsub/subscriptions` with Twitch's 400/403/409/410/429 bodies, limits and costs,
 * `/helix/chat/messages`). Notifications replay Twitch's documented examples.
 *
 * @example
 * ```ts
 * const fake = await startTwitchFake({ keepaliveSeconds: 1 });
 * const twitch = new TwitchConnector({ bus, clientId: fake.clientId, auth: 'test-token', broadcaster: 'cool_user',
 *   urls: { eventsub: fake.eventsubUrl, helix: fake.helixUrl, auth: fake.authUrl } });
 * await twitch.connect();
 * fake.notify('channel.cheer');
 * ```
 */
export async function startTwitchFake(options: FakeTwitchOptions = {}): Promise<FakeTwitch> {
  const clientId = options.clientId ?? 'vmsc-test-client';
  const tokens = new Map<string, FakeTwitchToken>(
    Object.entries(options.tokens ?? { 'test-token': { userId: '1337', login: 'cool_user', scopes: [...ALL_FAKE_SCOPES] } }),
  );
  const users: FakeTwitchUser[] = options.users ?? [
    { id: '1337', login: 'cool_user', display_name: 'Cool_User' },
    { id: '1338', login: 'cooler_user', display_name: 'Cooler_User' },
    { id: '141981764', login: 'twitchdev', display_name: 'TwitchDev' },
  ];
  const unusedTimeoutMs = options.unusedTimeoutMs ?? 10_000;
  const pingIntervalMs = options.pingIntervalMs ?? 5_000;
  const reconnectGraceMs = options.reconnectGraceMs ?? 30_000;
  const maxTransports = options.maxTransports ?? 3;
  const maxTotalCost = options.maxTotalCost ?? 10;
  const maxPerConnection = options.maxPerConnection ?? 300;
  const disabledCount = options.disabledCountTowardCost ?? true;

  const sessions: FakeTwitchSession[] = [];
  const subscriptions: FakeTwitchSubscription[] = [];
  const requests: FakeTwitchRequest[] = [];
  const chatMessages: Array<{ body: Record<string, unknown>; sent: boolean }> = [];
  const faults: Array<FakeTwitchFault & { remaining: number }> = [];
  const welcomeWaiters: PendingWelcome[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sessionTimers = new Map<string, Array<ReturnType<typeof setTimeout> | ReturnType<typeof setInterval>>>();
  const pendingReconnects = new Map<string, FakeTwitchSession>();
  const lastSent = new Map<string, number>();
  let nextChatDrop: { code: string; message: string } | undefined;

  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const sessionOf = (session?: FakeTwitchSession): FakeTwitchSession => {
    const found = session ?? api.activeSession();
    if (!found) throw new Error('fake Twitch: no connected EventSub session');
    return found;
  };

  const send = (session: FakeTwitchSession, data: string | object) => {
    if (session.socket.readyState !== session.socket.OPEN) return;
    lastSent.set(session.id, Date.now());
    session.socket.send(typeof data === 'string' ? data : JSON.stringify(data));
  };

  const stopSessionTimers = (session: FakeTwitchSession) => {
    for (const timer of sessionTimers.get(session.id) ?? []) {
      clearTimeout(timer as ReturnType<typeof setTimeout>);
      clearInterval(timer as ReturnType<typeof setInterval>);
    }
    sessionTimers.delete(session.id);
  };

  const disableSubscriptions = (session: FakeTwitchSession, status: string) => {
    for (const sub of subscriptions) if (sub.sessionId === session.id && sub.status === 'enabled') sub.status = status;
  };

  const closeWith = (session: FakeTwitchSession, code: number, reason?: string) => {
    if (session.status === 'closed') return;
    disableSubscriptions(session, SUBSCRIPTION_STATUS_FOR_CLOSE[code] ?? 'websocket_disconnected');
    session.status = 'closed';
    session.closeCode = code;
    stopSessionTimers(session);
    session.socket.close(code, reason ?? TWITCH_CLOSE_REASONS[code] ?? '');
  };

  const http: LoopbackHttpServer = await startHttpServer((request, response) => void handleHttp(request, response));
  const ws: LoopbackWsServer = await startWsServer({ httpServer: http, onConnection: (socket, request) => onConnection(socket, request) });

  function onConnection(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', http.url);
    if (url.pathname !== '/ws') {
      socket.close(1008, 'unknown path');
      return;
    }
    const reconnectId = url.searchParams.get('reconnect_id');
    let previous: FakeTwitchSession | undefined;
    if (reconnectId !== null) {
      previous = pendingReconnects.get(reconnectId);
      if (!previous || previous.status === 'closed') {
        socket.close(4007, TWITCH_CLOSE_REASONS[4007]);
        return;
      }
      pendingReconnects.delete(reconnectId);
    }
    const requested = Number(url.searchParams.get('keepalive_timeout_seconds'));
    const keepaliveSeconds =
      options.keepaliveSeconds ??
      previous?.keepaliveSeconds ??
      (url.searchParams.has('keepalive_timeout_seconds') && Number.isFinite(requested)
        ? Math.min(600, Math.max(10, Math.round(requested)))
        : 10);
    const session: FakeTwitchSession = {
      id: `AQoQ${randomUUID().replace(/-/g, '').slice(0, 20)}AB`,
      socket,
      url: `${url.pathname}${url.search}`,
      keepaliveSeconds,
      status: 'connected',
      closeCode: undefined,
      reconnectedFrom: previous?.id,
      keepalivesPaused: false,
      inbound: [],
    };
    sessions.push(session);
    const ownTimers: Array<ReturnType<typeof setTimeout> | ReturnType<typeof setInterval>> = [];
    sessionTimers.set(session.id, ownTimers);

    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      session.inbound.push(data.toString());
      closeWith(session, 4001);
    });
    socket.on('close', () => {
      if (session.status !== 'closed') {
        disableSubscriptions(session, 'websocket_disconnected');
        session.status = 'closed';
        session.closeCode = 1000;
      }
      stopSessionTimers(session);
    });

    if (previous) {
      for (const sub of subscriptions) if (sub.sessionId === previous.id && sub.status === 'enabled') sub.sessionId = session.id;
    }
    const connectedAt = nowRfc3339();
    send(session, {
      metadata: { message_id: randomUUID(), message_type: 'session_welcome', message_timestamp: connectedAt },
      payload: {
        session: {
          id: session.id,
          status: 'connected',
          connected_at: connectedAt,
          keepalive_timeout_seconds: keepaliveSeconds,
          reconnect_url: null,
        },
      },
    });

    if (!previous) {
      ownTimers.push(
        setTimeout(() => {
          if (!subscriptions.some((sub) => sub.sessionId === session.id)) closeWith(session, 4003);
        }, unusedTimeoutMs),
      );
    }
    lastSent.set(session.id, Date.now());
    const keepaliveMs = keepaliveSeconds * 1000;
    ownTimers.push(
      setInterval(
        () => {
          if (session.keepalivesPaused || session.status === 'closed') return;
          if (Date.now() - (lastSent.get(session.id) ?? 0) >= keepaliveMs * 0.9) api.sendKeepalive(session);
        },
        Math.max(20, Math.floor(keepaliveMs / 4)),
      ),
    );
    if (pingIntervalMs > 0) {
      let awaitingPong = false;
      socket.on('pong', () => {
        awaitingPong = false;
      });
      ownTimers.push(
        setInterval(() => {
          if (session.status === 'closed') return;
          if (awaitingPong) {
            closeWith(session, 4002);
            return;
          }
          awaitingPong = true;
          socket.ping();
        }, pingIntervalMs),
      );
    }
    for (const waiter of welcomeWaiters.splice(0)) waiter.resolve(session);
  }

  async function readBody(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  function bearer(request: IncomingMessage, scheme: RegExp): string | undefined {
    const header = request.headers.authorization ?? '';
    const match = scheme.exec(header);
    return match?.[1];
  }

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', http.url);
    const body = await readBody(request);
    const record: FakeTwitchRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, payload?: unknown, headers?: Record<string, string>) => {
      record.status = status;
      json(response, status, payload, headers);
    };
    const fault = faults.find((f) => f.path === url.pathname && (!f.method || f.method === record.method));
    if (fault) {
      fault.remaining--;
      if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
      if (fault.delayMs) await new Promise((resolve) => later(() => resolve(undefined), fault.delayMs!));
      if (fault.status !== undefined) {
        answer(fault.status, fault.body ?? helixError(fault.status, 'injected fault'), fault.headers);
        return;
      }
    }
    if (url.pathname === '/oauth2/validate') {
      const token = bearer(request, /^(?:OAuth|Bearer) (.+)$/i);
      const info = token === undefined ? undefined : tokens.get(token);
      if (!info) return answer(401, { status: 401, message: 'invalid access token' });
      return answer(200, {
        client_id: info.clientId ?? clientId,
        login: info.login,
        scopes: info.scopes,
        user_id: info.userId,
        expires_in: info.expiresIn ?? 14_400,
      });
    }
    if (!url.pathname.startsWith('/helix/')) return answer(404, helixError(404, 'not found'));
    const token = bearer(request, /^Bearer (.+)$/i);
    const info = token === undefined ? undefined : tokens.get(token);
    if (!info) return answer(401, helixError(401, 'Invalid OAuth token'));
    if (request.headers['client-id'] !== (info.clientId ?? clientId)) {
      return answer(401, helixError(401, 'Client ID and OAuth token do not match'));
    }
    const route = `${record.method} ${url.pathname}`;
    switch (route) {
      case 'GET /helix/users': {
        const ids = url.searchParams.getAll('id');
        const logins = url.searchParams.getAll('login').map((l) => l.toLowerCase());
        const found =
          ids.length + logins.length === 0
            ? users.filter((u) => u.id === info.userId)
            : users.filter((u) => ids.includes(u.id) || logins.includes(u.login));
        return answer(200, {
          data: found.map((u) => ({
            ...u,
            type: '',
            broadcaster_type: 'partner',
            description: '',
            profile_image_url: '',
            offline_image_url: '',
            view_count: 0,
            created_at: '2016-12-14T20:32:28Z',
          })),
        });
      }
      case 'POST /helix/eventsub/subscriptions':
        return createSubscription(body, info, answer);
      case 'GET /helix/eventsub/subscriptions': {
        const mine = subscriptions.filter((s) => s.userId === info.userId);
        return answer(200, {
          data: mine.map(describe),
          total: mine.length,
          total_cost: costOf(info.userId),
          max_total_cost: maxTotalCost,
          pagination: {},
        });
      }
      case 'DELETE /helix/eventsub/subscriptions': {
        const id = url.searchParams.get('id');
        const index = subscriptions.findIndex((s) => s.id === id && s.userId === info.userId);
        if (index < 0) return answer(404, helixError(404, 'subscription not found'));
        subscriptions.splice(index, 1);
        return answer(204);
      }
      case 'POST /helix/chat/messages':
        return sendChat(body, info, answer);
      default:
        return answer(404, helixError(404, `no route ${route}`));
    }
  }

  function costOf(userId: string): number {
    return subscriptions
      .filter((s) => s.userId === userId && (s.status === 'enabled' || disabledCount))
      .reduce((total, s) => total + s.cost, 0);
  }

  function describe(sub: FakeTwitchSubscription) {
    const session = sessions.find((s) => s.id === sub.sessionId);
    return {
      id: sub.id,
      status: sub.status,
      type: sub.type,
      version: sub.version,
      condition: sub.condition,
      created_at: sub.createdAt,
      transport: { method: 'websocket', session_id: sub.sessionId, connected_at: session ? nowRfc3339() : undefined },
      cost: sub.cost,
    };
  }

  function createSubscription(body: unknown, token: FakeTwitchToken, answer: (status: number, payload?: unknown) => void): void {
    const request = (body ?? {}) as {
      type?: string;
      version?: string;
      condition?: Record<string, string>;
      transport?: { method?: string; session_id?: string };
    };
    const type = request.type ?? '';
    const versions = FAKE_SUBSCRIPTION_TYPES[type];
    if (!versions) return answer(400, helixError(400, `unknown subscription type "${type}"`));
    const rules = versions[request.version ?? ''];
    if (!rules) return answer(400, helixError(400, `unsupported version "${request.version}" for ${type}`));
    if (rules.removed) return answer(410, helixError(410, `${type} version ${request.version} has been removed`));
    if (request.transport?.method !== 'websocket')
      return answer(400, helixError(400, 'transport.method must be websocket for a user token here'));
    const condition = request.condition ?? {};
    const missingKeys = rules.condition.filter((key) => !condition[key]);
    if (type === 'channel.raid' && !condition.from_broadcaster_user_id === !condition.to_broadcaster_user_id) {
      return answer(400, helixError(400, 'exactly one of from_broadcaster_user_id or to_broadcaster_user_id is required'));
    }
    if (missingKeys.length > 0) return answer(400, helixError(400, `missing condition ${missingKeys.join(', ')}`));
    if (rules.scopes.length > 0 && !rules.scopes.some((scope) => token.scopes.includes(scope))) {
      return answer(403, helixError(403, 'subscription missing proper authorization'));
    }
    if (rules.mustBeTokenUser && condition[rules.mustBeTokenUser] !== token.userId) {
      return answer(403, helixError(403, 'subscription missing proper authorization'));
    }
    const session = sessions.find((s) => s.id === request.transport?.session_id);
    if (!session || session.status === 'closed') {
      return answer(400, helixError(400, 'websocket transport session does not exist or has already disconnected'));
    }
    const sameKey = (s: FakeTwitchSubscription) =>
      s.type === type && s.version === request.version && JSON.stringify(s.condition) === JSON.stringify(condition);
    if (subscriptions.some((s) => sameKey(s) && s.sessionId === session.id && s.status === 'enabled')) {
      return answer(409, helixError(409, 'subscription already exists'));
    }
    const liveTransports = new Set(
      subscriptions
        .filter((s) => s.userId === token.userId && s.status === 'enabled')
        .map((s) => s.sessionId)
        .filter((id) => sessions.find((x) => x.id === id)?.status !== 'closed'),
    );
    if (!liveTransports.has(session.id) && liveTransports.size >= maxTransports) {
      return answer(429, { error: 'Too Many Requests', status: 429, message: 'number of websocket transports limit exceeded' });
    }
    if (subscriptions.filter((s) => s.sessionId === session.id && s.status === 'enabled').length >= maxPerConnection) {
      return answer(429, helixError(429, 'websocket transport subscriptions limit exceeded'));
    }
    if (subscriptions.filter((s) => sameKey(s) && s.status === 'enabled').length >= 3) {
      return answer(429, helixError(429, 'maximum subscriptions with type and condition exceeded'));
    }
    const cost = rules.scopes.length === 0 && !Object.values(condition).includes(token.userId) ? 1 : 0;
    if (costOf(token.userId) + cost > maxTotalCost) {
      return answer(429, helixError(429, 'websocket transport subscriptions total cost exceeded'));
    }
    const sub: FakeTwitchSubscription = {
      id: randomUUID(),
      type,
      version: request.version!,
      condition: { ...condition },
      status: 'enabled',
      cost,
      sessionId: session.id,
      userId: token.userId,
      createdAt: nowRfc3339(),
    };
    subscriptions.push(sub);
    answer(202, {
      data: [describe(sub)],
      total: subscriptions.filter((s) => s.userId === token.userId).length,
      total_cost: costOf(token.userId),
      max_total_cost: maxTotalCost,
    });
  }

  function sendChat(body: unknown, token: FakeTwitchToken, answer: (status: number, payload?: unknown) => void): void {
    const request = (body ?? {}) as Record<string, unknown>;
    if (!token.scopes.includes('user:write:chat')) return answer(403, helixError(403, 'Missing scope: user:write:chat'));
    if (typeof request.broadcaster_id !== 'string' || typeof request.sender_id !== 'string' || typeof request.message !== 'string') {
      return answer(400, helixError(400, 'broadcaster_id, sender_id and message are required'));
    }
    if (request.sender_id !== token.userId) return answer(403, helixError(403, 'The sender must match the user ID in the access token.'));
    if (request.message.length > 500) return answer(400, helixError(400, 'The message is too long.'));
    const drop = nextChatDrop;
    nextChatDrop = undefined;
    chatMessages.push({ body: request, sent: !drop });
    if (drop) return answer(200, { data: [{ message_id: '', is_sent: false, drop_reason: drop }] });
    answer(200, { data: [{ message_id: randomUUID(), is_sent: true }] });
  }

  function buildNotification(
    type: string,
    version: string,
    event: Record<string, unknown>,
    notifyOptions: FakeNotifyOptions,
  ): { frame: object; targets: FakeTwitchSession[]; messageId: string } {
    const sub = subscriptions.find((s) => s.type === type && s.status === 'enabled');
    if (!sub && !notifyOptions.force) throw new Error(`fake Twitch: no enabled ${type} subscription to notify`);
    const target = sub ? sessions.find((s) => s.id === sub.sessionId) : api.activeSession();
    const targets = notifyOptions.sessions ?? (target ? [target] : []);
    const messageId = notifyOptions.messageId ?? randomUUID();
    const frame = {
      metadata: {
        message_id: messageId,
        message_type: 'notification',
        message_timestamp: notifyOptions.timestamp ?? nowRfc3339(),
        subscription_type: type,
        subscription_version: version,
      },
      payload: {
        subscription: {
          id: sub?.id ?? randomUUID(),
          status: 'enabled',
          type,
          version,
          cost: sub?.cost ?? 0,
          condition: sub?.condition ?? {},
          transport: { method: 'websocket', session_id: sub?.sessionId ?? target?.id ?? '' },
          created_at: sub?.createdAt ?? nowRfc3339(),
        },
        event: { ...event, ...notifyOptions.event },
      },
    };
    return { frame, targets, messageId };
  }

  const api: FakeTwitch = {
    url: http.url,
    eventsubUrl: `${ws.url}/ws`,
    helixUrl: `${http.url}/helix`,
    authUrl: `${http.url}/oauth2`,
    clientId,
    sessions,
    subscriptions,
    requests,
    chatMessages,
    activeSession() {
      for (let i = sessions.length - 1; i >= 0; i--) if (sessions[i]!.status === 'connected') return sessions[i];
      return undefined;
    },
    nextSession({ timeoutMs = 5_000 } = {}) {
      return new Promise((resolve, reject) => {
        const timer = later(() => reject(new Error(`fake Twitch: no new EventSub session within ${timeoutMs} ms`)), timeoutMs);
        welcomeWaiters.push({
          resolve: (session) => {
            clearTimeout(timer);
            timers.delete(timer);
            resolve(session);
          },
        });
      });
    },
    async waitForSubscriptions(count, { timeoutMs = 5_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const session = api.activeSession();
        const enabled = session ? api.enabledSubscriptions(session) : [];
        if (enabled.length >= count) return enabled;
        if (Date.now() > deadline)
          throw new Error(`fake Twitch: ${enabled.length} of ${count} subscriptions enabled after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    enabledSubscriptions(session) {
      const target = session ?? api.activeSession();
      return target ? subscriptions.filter((s) => s.sessionId === target.id && s.status === 'enabled') : [];
    },
    notify(fixture, notifyOptions = {}) {
      const source = twitchNotificationFixtures[fixture];
      const { subscription_type: type, subscription_version: version } = source.metadata;
      return api.notifyRaw(type, version, structuredClone(source.payload.event), notifyOptions);
    },
    notifyRaw(type, version, event, notifyOptions = {}) {
      const { frame, targets, messageId } = buildNotification(type, version, event, notifyOptions);
      for (const target of targets) send(target, frame);
      return messageId;
    },
    sendFrame(data, session) {
      send(sessionOf(session), data);
    },
    sendKeepalive(session) {
      send(sessionOf(session), {
        metadata: { message_id: randomUUID(), message_type: 'session_keepalive', message_timestamp: nowRfc3339() },
        payload: {},
      });
    },
    pauseKeepalives(paused = true, session) {
      sessionOf(session).keepalivesPaused = paused;
    },
    startReconnect({ session, graceMs = reconnectGraceMs, url } = {}) {
      const target = sessionOf(session);
      const reconnectId = randomUUID();
      pendingReconnects.set(reconnectId, target);
      const reconnectUrl = url ?? `${ws.url}/ws?reconnect_id=${reconnectId}`;
      target.status = 'reconnecting';
      send(target, {
        metadata: { message_id: randomUUID(), message_type: 'session_reconnect', message_timestamp: nowRfc3339() },
        payload: {
          session: {
            id: target.id,
            status: 'reconnecting',
            keepalive_timeout_seconds: null,
            reconnect_url: reconnectUrl,
            connected_at: nowRfc3339(),
          },
        },
      });
      later(() => {
        pendingReconnects.delete(reconnectId);
        if (target.socket.readyState === target.socket.OPEN) closeWith(target, 4004);
      }, graceMs);
      return reconnectUrl;
    },
    revoke(type, status = 'authorization_revoked', session) {
      const sub = subscriptions.find((s) => s.type === type && s.status === 'enabled' && (!session || s.sessionId === session.id));
      if (!sub) throw new Error(`fake Twitch: no enabled ${type} subscription to revoke`);
      sub.status = status;
      const target = sessions.find((s) => s.id === sub.sessionId);
      if (!target) return;
      send(target, {
        metadata: {
          message_id: randomUUID(),
          message_type: 'revocation',
          message_timestamp: nowRfc3339(),
          subscription_type: sub.type,
          subscription_version: sub.version,
        },
        payload: { subscription: { ...describe(sub), status, transport: { method: 'websocket', session_id: sub.sessionId } } },
      });
    },
    closeSession(code, reason, session) {
      closeWith(sessionOf(session), code, reason);
    },
    dropSession(session) {
      const target = sessionOf(session);
      disableSubscriptions(target, 'websocket_network_error');
      target.status = 'closed';
      target.closeCode = 1006;
      stopSessionTimers(target);
      target.socket.terminate();
    },
    failNext(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    dropNextChat(reason = { code: 'msg_rejected', message: 'Your message is being checked by mods and has not been sent.' }) {
      nextChatDrop = reason;
    },
    setToken(token, info) {
      tokens.set(token, info);
    },
    revokeToken(token) {
      tokens.delete(token);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const session of sessions) stopSessionTimers(session);
      await ws.close();
      await http.close();
    },
  };
  return api;
}
