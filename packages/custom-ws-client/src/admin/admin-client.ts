import WebSocket from 'isomorphic-ws';
import { ConnectionError, ProtocolError, redact, toSecret, VmscError, type Secret, type Unsubscribe } from '@vmsc/core';
import {
  CUSTOM_WS_SUBPROTOCOL,
  PROTOCOL_VERSION,
  TOKEN_SUBPROTOCOL_PREFIX,
  type HelloAck,
  type AdminAction,
  type AdminParams,
  type AdminResult,
  type ConnectorStatusChangedMessage,
  type ErrorCode,
  type DedupedMessage,
  type InjectedEvent,
  type RuleRunMessage,
  type SubscribeAck,
} from '@vmsc/core/protocol';
import type { StreamEvent } from '@vmsc/core';
import { AdminApi } from './admin-api.js';

/** A request the server refused: the protocol `error` message's code, message and issues. */
export class AdminRequestError extends VmscError {
  /** The issues of `INVALID_PAYLOAD` / `INVALID_RULES`, each with its path. */
  readonly issues: ReadonlyArray<{ path: string; message: string }>;

  constructor(code: ErrorCode | string, message: string, issues: ReadonlyArray<{ path: string; message: string }> = []) {
    super(code, message);
    this.name = 'AdminRequestError';
    this.issues = issues;
  }
}

/** Options of {@link VmscAdminClient}. */
export interface VmscAdminClientOptions {
  /** The hub's custom WebSocket server, e.g. `ws://127.0.0.1:7895`. */
  url: string;
  /** A token with the `admin` scope (sent as the `vmsc.token.<token>` subprotocol: never in the URL). */
  token: string | Secret;
  /** How long a request may wait for its answer, ms. Default 15,000. */
  timeoutMs?: number;
}

const HELLO_ID = 'admin-hello';

interface Pending {
  action: string;
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A client of the hub's admin actions over the custom WebSocket protocol, for Node and browsers
 * (the dashboard uses it): `await client.connect()`, then `client.admin.listRules()`... and
 * `client.onRuleRun(...)` / `client.onConnectorStatus(...)` after `client.admin.subscribe(...)`.
 * It does not reconnect by itself: on `onClose`, connect again (and subscribe again).
 *
 * @example
 * ```ts
 * const client = new VmscAdminClient({ url: 'ws://127.0.0.1:7895', token });
 * await client.connect();
 * client.onRuleRun((run) => console.log(run.rule.name, run.outcome));
 * await client.admin.subscribe({ runs: true, connectors: true });
 * await client.admin.setRuleEnabled('Thank gifters', false);
 * ```
 */
export class VmscAdminClient {
  /** The typed admin actions. */
  readonly admin: AdminApi;
  readonly #url: string;
  readonly #token: Secret;
  readonly #timeoutMs: number;
  readonly #pending = new Map<string, Pending>();
  readonly #runListeners = new Set<(run: RuleRunMessage['run']) => void>();
  readonly #statusListeners = new Set<(change: Omit<ConnectorStatusChangedMessage, 'action'>) => void>();
  readonly #closeListeners = new Set<(code: number, reason: string) => void>();
  readonly #errorListeners = new Set<(error: VmscError) => void>();
  readonly #eventListeners = new Set<(event: StreamEvent) => void>();
  readonly #dedupeListeners = new Set<(notice: Omit<DedupedMessage, 'action'>) => void>();
  #socket: WebSocket | undefined;
  #nextId = 1;
  #hello: Omit<HelloAck, 'action' | 'status' | 'requestId'> | undefined;

  constructor(options: VmscAdminClientOptions) {
    this.#url = options.url;
    this.#token = toSecret(options.token);
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.admin = new AdminApi((action, params) => this.request(action, params));
  }

  /**
   * Opens the connection and exchanges `hello`; rejects with a `ConnectionError` if it cannot (a
   * refused token closes it with 4401 first).
   */
  connect(): Promise<void> {
    if (this.#socket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.#url, [CUSTOM_WS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${this.#token.reveal()}`]);
      this.#socket = socket;
      let open = false;
      socket.onopen = () => {
        // The server refuses a bad token right after the upgrade (4401): a hello round trip proves the session.
        const timer = setTimeout(() => socket.close(1000, 'no hello answer'), this.#timeoutMs);
        this.#pending.set(HELLO_ID, {
          action: 'hello',
          resolve: (ack) => {
            open = true;
            this.#hello = ack as Omit<HelloAck, 'action' | 'status' | 'requestId'>;
            resolve();
          },
          reject,
          timer,
        });
        socket.send(JSON.stringify({ action: 'hello', protocolVersion: PROTOCOL_VERSION, requestId: HELLO_ID }));
      };
      socket.onmessage = (message) => this.#onText(typeof message.data === 'string' ? message.data : String(message.data));
      socket.onerror = () => {
        if (!open) reject(new ConnectionError(`cannot connect to ${this.#url}`));
      };
      socket.onclose = (event) => {
        this.#socket = undefined;
        const reason = this.#redact(event.reason);
        for (const pending of this.#pending.values()) {
          clearTimeout(pending.timer);
          pending.reject(new ConnectionError(`the connection closed (${event.code} ${reason}) before ${pending.action} was answered`));
        }
        this.#pending.clear();
        if (!open) reject(new ConnectionError(`cannot connect to ${this.#url}: closed ${event.code} ${reason}`));
        for (const listener of this.#closeListeners) listener(event.code, reason);
      };
    });
  }

  /** The server's `hello` answer of this connection (scopes, the actions this token may use, limits, rules). */
  get hello(): Omit<HelloAck, 'action' | 'status' | 'requestId'> | undefined {
    return this.#hello;
  }

  /** Closes the connection. */
  close(): void {
    this.#socket?.close(1000, 'bye');
  }

  /** Sends one admin request; resolves with its typed result or rejects with an {@link AdminRequestError}. */
  request<A extends AdminAction>(action: A, params: AdminParams<A>): Promise<AdminResult<A>> {
    return this.#call(action, params) as Promise<AdminResult<A>>;
  }

  /**
   * Injects a test event (`injectEvent`, `inject` scope), as `vmsc simulate` does: mark it
   * `meta.simulated` (the server does for built-in sources). Resolves with the id the server gave it.
   */
  async injectEvent(event: InjectedEvent): Promise<{ eventId: string }> {
    const { eventId } = (await this.#call('injectEvent', { event })) as { eventId: string };
    return { eventId };
  }

  /**
   * Receives stream events on this connection (`subscribe`, `subscribe` scope): every event (or
   * only these types / sources) goes to the {@link onEvent} listeners. `since` (an event id)
   * replays the buffered events after it, e.g. after a reconnect.
   */
  async subscribeEvents(
    filters: { eventTypes?: string[]; sources?: string[]; since?: string } = {},
  ): Promise<Omit<SubscribeAck, 'action' | 'status' | 'requestId'>> {
    return (await this.#call('subscribe', filters)) as Omit<SubscribeAck, 'action' | 'status' | 'requestId'>;
  }

  /** Calls `listener` with every stream event (after {@link subscribeEvents}); events are not re-validated here. */
  onEvent(listener: (event: StreamEvent) => void): Unsubscribe {
    this.#eventListeners.add(listener);
    return () => void this.#eventListeners.delete(listener);
  }

  /** Calls `listener` with every event the hub's bus dropped as a duplicate (after `admin.subscribe({ notices: true })`). */
  onDeduped(listener: (notice: Omit<DedupedMessage, 'action'>) => void): Unsubscribe {
    this.#dedupeListeners.add(listener);
    return () => void this.#dedupeListeners.delete(listener);
  }

  #call(action: string, params: object): Promise<Record<string, unknown>> {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.reject(new ConnectionError('not connected: call connect() first'));
    const requestId = `admin-${this.#nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new VmscError('TIMEOUT', `${action} was not answered within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#pending.set(requestId, { action, resolve, reject, timer });
      socket.send(JSON.stringify({ ...params, action, requestId }));
    });
  }

  /** Calls `listener` with every run report (after `admin.subscribe({ runs: true })`). */
  onRuleRun(listener: (run: RuleRunMessage['run']) => void): Unsubscribe {
    this.#runListeners.add(listener);
    return () => void this.#runListeners.delete(listener);
  }

  /** Calls `listener` with every connector status change (after `admin.subscribe({ connectors: true })`). */
  onConnectorStatus(listener: (change: Omit<ConnectorStatusChangedMessage, 'action'>) => void): Unsubscribe {
    this.#statusListeners.add(listener);
    return () => void this.#statusListeners.delete(listener);
  }

  /** Calls `listener` when the connection closes (code and reason). */
  onClose(listener: (code: number, reason: string) => void): Unsubscribe {
    this.#closeListeners.add(listener);
    return () => void this.#closeListeners.delete(listener);
  }

  /** Calls `listener` with what the server sent that could not be read (never thrown: nothing crashes). */
  onError(listener: (error: VmscError) => void): Unsubscribe {
    this.#errorListeners.add(listener);
    return () => void this.#errorListeners.delete(listener);
  }

  #redact(text: string): string {
    return redact(text, [this.#token]);
  }

  #onText(text: string): void {
    let message: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      message = parsed as Record<string, unknown>;
    } catch {
      for (const listener of this.#errorListeners)
        listener(new ProtocolError('the server sent a frame that is not a JSON object', { code: 'MALFORMED_FRAME' }));
      return;
    }
    if (message.action === 'ruleRun') {
      for (const listener of this.#runListeners) listener((message as RuleRunMessage).run);
      return;
    }
    if (message.action === 'event' && typeof message.event === 'object' && message.event !== null) {
      for (const listener of this.#eventListeners) listener(message.event as StreamEvent);
      return;
    }
    if (message.action === 'deduped') {
      const { action: _action, ...notice } = message as DedupedMessage;
      for (const listener of this.#dedupeListeners) listener(notice);
      return;
    }
    if (message.action === 'connectorStatusChanged') {
      const { connector, previous } = message as ConnectorStatusChangedMessage;
      for (const listener of this.#statusListeners) listener({ connector, previous });
      return;
    }
    const id = message.requestId;
    const pending = typeof id === 'string' ? this.#pending.get(id) : undefined;
    if (!pending) return;
    this.#pending.delete(id as string);
    clearTimeout(pending.timer);
    if (message.action === 'error') {
      const issues = Array.isArray(message.issues) ? (message.issues as Array<{ path: string; message: string }>) : [];
      pending.reject(new AdminRequestError(String(message.code), this.#redact(String(message.message)), issues));
      return;
    }
    if (message.action !== pending.action || message.status !== 'ok') {
      pending.reject(
        new ProtocolError(`unexpected answer to ${pending.action}: ${String(message.action)}`, { code: 'UNEXPECTED_MESSAGE' }),
      );
      return;
    }
    const { action: _action, status: _status, requestId: _id, ...result } = message;
    pending.resolve(result);
  }
}
