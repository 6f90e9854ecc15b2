import { AuthError, ConnectionError, ProtocolError, type VmscError } from '../errors.js';
import type { StreamEvent } from '../events/stream-event.js';
import { RecentIds } from '../util/recent-ids.js';
import { redact, type Secret } from '../util/secret.js';
import { BaseConnector, type BaseConnectorOptions } from './base-connector.js';

/** A Socket.IO listener as {@link SocketIoLike} takes it: typed `never` so every client's own listener types fit. */
type Listener = (...args: never[]) => void;

/**
 * The Socket.IO client surface {@link SocketIoConnector} uses: what a socket of socket.io-client 2
 * and of socket.io-client 4 both have. Core holds no Socket.IO library: a connector creates the
 * socket with the client version its server speaks (see {@link SocketIoConnector.createSocket}).
 */
export interface SocketIoLike {
  /** Adds a listener for a Socket.IO event (`connect`, `disconnect`, `connect_error`, a server event). */
  on(event: string, listener: Listener): unknown;
  /** Removes every listener. */
  removeAllListeners(): unknown;
  /** Closes the socket (`io client disconnect`). */
  close(): unknown;
}

/** What a Socket.IO connector tells {@link SocketIoConnector} about itself. */
export interface SocketIoConnectorConfig {
  /** The service's name in messages (`Streamlabs`). */
  service: string;
  /** The reason of the gap reported after a reconnect (what the service does not replay). */
  gapReason: string;
  /** How many event ids {@link SocketIoConnector.deliver} remembers to deliver each event once. Default 1,000. */
  dedupeMemory?: number;
  /**
   * After this many closes in a row before the connection was ready, stop with
   * {@link SocketIoConnector.closedBeforeReadyError} (a server that refuses a token by closing).
   * Default: never (every close is retried).
   */
  maxClosesBeforeReady?: number;
}

/** One normalized payload for {@link SocketIoConnector.deliver}. */
export interface SocketIoDelivery {
  /** The event to publish. */
  event: StreamEvent;
  /** The platform's id of the payload: delivered once per id. */
  dedupeKey?: string | undefined;
  /** Set when the payload was malformed: reported as an `INVALID_PAYLOAD` error, the event still published. */
  problem?: string | undefined;
}

/**
 * The shared shell of every Socket.IO connector, independent of the Socket.IO client version: one
 * socket at a time (late events of an older one are ignored), the status machine, reconnects with
 * core's backoff (Socket.IO's own reconnection must be off), the gap reported for the time without a
 * connection, closes before the connection was ready counted as failed connects (and optionally
 * deemed a refused token), delivery once per id, and `disconnect()`. The subclass creates the socket
 * ({@link createSocket}), wires the protocol's events ({@link attach}, with {@link listen}) and says
 * when the connection is usable ({@link markReady}).
 *
 * @typeParam S - the socket type the subclass creates.
 *
 * @example
 * ```ts
 * class AlertsConnector extends SocketIoConnector<Socket> {
 *   constructor(options: BaseConnectorOptions) {
 *     super('alerts', options, { service: 'Alerts', gapReason: 'alerts are not replayed' });
 *   }
 *   protected createSocket() { return io('https://alerts.example', { reconnection: false, forceNew: true }); }
 *   protected secrets() { return []; }
 *   protected attach(socket: Socket) {
 *     this.listen(socket, 'alert', (payload: unknown) => this.deliver({ event: toEvent(payload) }));
 *   }
 * }
 * ```
 */
export abstract class SocketIoConnector<S extends SocketIoLike = SocketIoLike> extends BaseConnector {
  /** The service's name in messages. */
  protected readonly service: string;
  readonly #gapReason: string;
  readonly #maxClosesBeforeReady: number;
  readonly #seen: RecentIds;
  #socket: S | undefined;
  #ready = false;
  #closesBeforeReady = 0;
  #handshakeTimer: unknown;

  protected constructor(source: string, options: BaseConnectorOptions, config: SocketIoConnectorConfig) {
    super(source, options);
    this.service = config.service;
    this.#gapReason = config.gapReason;
    this.#maxClosesBeforeReady = config.maxClosesBeforeReady ?? Number.POSITIVE_INFINITY;
    this.#seen = new RecentIds(config.dedupeMemory ?? 1_000);
  }

  /** Opens a new socket with Socket.IO's reconnection off (`reconnection: false, forceNew: true`). May throw: retried like a lost connection. */
  protected abstract createSocket(): S;
  /** Credentials to redact from any text that reaches an error message. */
  protected abstract secrets(): ReadonlyArray<Secret | undefined>;
  /** Wires the protocol's events on a new socket, with {@link listen}. */
  protected abstract attach(socket: S): void;

  /** The credentials are unusable before any attempt (e.g. empty): the error to stop with, else `undefined`. */
  protected credentialsError(): AuthError | undefined {
    return undefined;
  }

  /** The namespace connected (`connect`): by default the connection is ready; a handshake overrides it. */
  protected onNamespaceConnect(_socket: S): void {
    this.markReady();
  }

  /** The error to stop with after `maxClosesBeforeReady` closes before the connection was ready. */
  protected closedBeforeReadyError(closes: number, reason: string): VmscError {
    return new AuthError(
      `${this.service} closed the connection ${closes} times before accepting it (${reason}): the credentials are probably wrong`,
    );
  }

  /** Whether the current connection is ready ({@link markReady} was called for it). */
  protected get ready(): boolean {
    return this.#ready;
  }

  /**
   * Connects; resolves once {@link markReady} is called. Rejects with a typed error when the
   * connector stops in `error`; network failures are retried with backoff (status `reconnecting`)
   * while the promise stays pending.
   */
  connect(): Promise<void> {
    if (this.status === 'connected') return Promise.resolve();
    const refused = this.credentialsError();
    if (refused) {
      this.setStatus('error', refused);
      return Promise.reject(refused);
    }
    return this.startConnecting(() => {
      this.#closesBeforeReady = 0;
      this.#open();
    });
  }

  /** Closes the socket, cancels retries; status `disconnected`. Idempotent. */
  async disconnect(): Promise<void> {
    this.#detach();
    this.markDisconnected(new ConnectionError(`disconnect() was called before ${this.service} connected`, { code: 'DISCONNECTED' }));
  }

  /**
   * Adds a listener to `socket` that only runs while it is the current socket and the connector is
   * wanted (late events of a closed socket are ignored).
   */
  protected listen<A extends unknown[]>(socket: S, event: string, listener: (...args: A) => void): void {
    socket.on(event, ((...args: A) => {
      if (this.isCurrent(socket)) listener(...args);
    }) as unknown as Listener);
  }

  /** Whether `socket` is the current socket and the connector is wanted. */
  protected isCurrent(socket: S): boolean {
    return socket === this.#socket && this.wanted;
  }

  /** The connection is usable: status `connected`, `connect()` resolves, a gap after a reconnect. Idempotent per socket. */
  protected markReady(): void {
    if (this.#ready || !this.#socket || !this.wanted) return;
    this.#ready = true;
    this.#closesBeforeReady = 0;
    this.#clearHandshakeTimer();
    this.markConnected(this.#gapReason);
  }

  /**
   * Runs `onTimeout` after `delayMs` unless the connection became ready or the socket is gone first
   * (an authentication timeout, an acceptance window). One at a time: a new one replaces the last.
   */
  protected startHandshakeTimer(delayMs: number, onTimeout: () => void): void {
    this.#clearHandshakeTimer();
    const socket = this.#socket;
    this.#handshakeTimer = this.clock.setTimeout(() => {
      this.#handshakeTimer = undefined;
      if (socket && this.isCurrent(socket) && !this.#ready) onTimeout();
    }, delayMs);
  }

  /**
   * The socket closed by itself with `reason` (Socket.IO's `disconnect` reason). Once ready, the
   * connection is lost and retried; before, it is a failed connect, counted toward
   * `maxClosesBeforeReady`. A close by this connector (`io client disconnect`) is ignored.
   */
  protected socketClosed(reason: string): void {
    if (reason === 'io client disconnect') return;
    if (this.#ready) {
      this.connectionLost(new ConnectionError(`${this.service} connection lost (${reason})`));
      return;
    }
    this.#closesBeforeReady++;
    if (this.#closesBeforeReady >= this.#maxClosesBeforeReady) this.fail(this.closedBeforeReadyError(this.#closesBeforeReady, reason));
    else this.connectionLost(new ConnectionError(`${this.service} closed the connection before accepting it (${reason})`));
  }

  /** The connection is lost or unusable: drop the socket and retry with backoff. */
  protected connectionLost(error: VmscError): void {
    this.#detach();
    this.markLost(error, () => this.#open());
  }

  /** Retrying cannot help (a refused token): drop the socket, stop in status `error`, reject `connect()`. */
  protected fail(error: VmscError): void {
    this.#detach();
    this.markFailed(error);
  }

  /** Publishes a normalized payload once per `dedupeKey`, reporting its `problem` as an `INVALID_PAYLOAD` error. */
  protected deliver(result: SocketIoDelivery): void {
    if (result.dedupeKey !== undefined && !this.#seen.add(result.dedupeKey)) return;
    if (result.problem) this.reportError(new ProtocolError(result.problem, { code: 'INVALID_PAYLOAD' }));
    this.publish(result.event);
  }

  /** A Socket.IO error (an `Error`, a string, an object with `message`...) as text, credentials redacted. */
  protected describeError(error: unknown): string {
    const text =
      typeof error === 'string'
        ? error
        : error instanceof Error
          ? error.message
          : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
            ? (error as { message: string }).message
            : (JSON.stringify(error) ?? 'unknown error');
    return redact(text, this.secrets());
  }

  #open(): void {
    this.#detach();
    if (!this.wanted) return;
    let socket: S;
    try {
      socket = this.createSocket();
    } catch (error) {
      // A malformed URL, for one: retried like a lost connection, so the status says what is wrong.
      this.markLost(new ConnectionError(`cannot open the ${this.service} socket: ${this.describeError(error)}`), () => this.#open());
      return;
    }
    this.#socket = socket;
    this.#ready = false;
    this.listen(socket, 'connect', () => this.onNamespaceConnect(socket));
    this.listen(socket, 'connect_error', (error: unknown) =>
      this.connectionLost(new ConnectionError(`could not connect to ${this.service}: ${this.describeError(error)}`)),
    );
    this.listen(socket, 'disconnect', (reason: unknown) => this.socketClosed(String(reason)));
    this.attach(socket);
  }

  #clearHandshakeTimer(): void {
    if (this.#handshakeTimer !== undefined) this.clock.clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = undefined;
  }

  /** Forgets the current socket (its late events are ignored) and closes it. */
  #detach(): void {
    this.#clearHandshakeTimer();
    const socket = this.#socket;
    this.#socket = undefined;
    this.#ready = false;
    if (!socket) return;
    socket.removeAllListeners();
    // A client may still emit `error` while closing; with no listener some emitters throw.
    socket.on('error', () => undefined);
    socket.close();
  }
}
