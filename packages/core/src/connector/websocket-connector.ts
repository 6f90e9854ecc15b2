import { ConnectionError, VmscError } from '../errors.js';
import { redact, type Secret } from '../util/secret.js';
import { BaseConnector, type BaseConnectorOptions } from './base-connector.js';

/**
 * An event handler slot of a WebSocket. Typed `never` so that every implementation's own event types
 * fit (the `ws` package's, the browser's); the base knows the shape of what arrives.
 */
type HandlerSlot = ((event: never) => void) | null;

/**
 * The WebSocket surface {@link WebSocketConnector} uses: the WHATWG WebSocket API, which the
 * browser's `WebSocket` and Node's `ws` both implement. Core holds no WebSocket library: a connector
 * creates the socket with its own (see {@link WebSocketConnector.createSocket}).
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Set to `arraybuffer` when present, so binary frames arrive as bytes in every runtime. */
  binaryType?: string;
  /** Sends a text frame. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Drops the connection at once (`ws` only); otherwise {@link close} is used. */
  terminate?(): void;
  onopen: HandlerSlot;
  onmessage: HandlerSlot;
  onerror: HandlerSlot;
  onclose: HandlerSlot;
}

/** How a socket closed by itself (not by `disconnect()`), with credentials already redacted. */
export interface WebSocketClose {
  /** The close code (1006 when the connection dropped without one). */
  code: number;
  /** The close reason, redacted. */
  reason: string;
  /** The last transport error before the close (e.g. `Unexpected server response: 503`), if any. */
  transportError: string | undefined;
}

const OPEN = 1;
const CLOSE_TIMEOUT_MS = 1_000;

/**
 * The shared shell of every WebSocket connector, independent of the WebSocket implementation: one
 * socket at a time (late events of an older one are ignored), the status machine, reconnects with
 * core's backoff, the gap reported for the time without a connection, and a clean `disconnect()`
 * (close 1000, at most 1 s). Works with the browser's WebSocket and with `ws`; the subclass creates
 * the socket ({@link createSocket}), says when the connection is usable ({@link markReady}) and what
 * frames mean ({@link onText}).
 *
 * @typeParam S - the socket type the subclass creates (e.g. `ws`'s `WebSocket` for pings).
 *
 * @example
 * ```ts
 * class EchoConnector extends WebSocketConnector {
 *   constructor(options: BaseConnectorOptions) {
 *     super('echo', options, 'reconnected: messages sent meanwhile are not replayed');
 *   }
 *   protected createSocket() { return new WebSocket('wss://echo.example'); }
 *   protected secrets() { return []; }
 *   protected onSocketOpen() { this.markReady(); }
 *   protected onText(text: string) { console.log(text); }
 * }
 * ```
 */
export abstract class WebSocketConnector<S extends WebSocketLike = WebSocketLike> extends BaseConnector {
  readonly #gapReason: string;
  #socket: S | undefined;
  /** When the connection was lost, for {@link onReconnected}. */
  #lostAt: number | undefined;
  /** The `connect()` promise still pending, so `disconnect()` keeps its rejection from going unhandled. */
  #connecting: Promise<void> | undefined;

  /**
   * @param gapReason - the reason of the gap reported after a reconnect (what the server does not replay).
   */
  protected constructor(source: string, options: BaseConnectorOptions, gapReason: string) {
    super(source, options);
    this.#gapReason = gapReason;
  }

  /** Opens a new socket (URL, headers, subprotocols are the subclass's). May throw: see {@link onOpenFailed}. */
  protected abstract createSocket(): S;
  /** Credentials to redact from any text that reaches an error message. */
  protected abstract secrets(): ReadonlyArray<Secret | undefined>;
  /** The socket is open: call {@link markReady} now, or once the protocol's handshake is done. */
  protected abstract onSocketOpen(socket: S): void;
  /** One frame arrived, as text (binary frames are decoded as UTF-8). A throw is reported as an error. */
  protected abstract onText(text: string, receivedAt: number): void;

  /** The socket closed by itself: by default the connection is lost and retried with backoff. */
  protected onClose(close: WebSocketClose): void {
    const detail = close.transportError ?? `close ${close.code}${close.reason ? `: ${close.reason}` : ''}`;
    this.connectionLost(new ConnectionError(`${this.id}: connection lost (${detail})`));
  }

  /** {@link createSocket} threw (e.g. a malformed URL): by default retried like a lost connection. */
  protected onOpenFailed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.connectionLost(new ConnectionError(`${this.id}: cannot open the WebSocket: ${this.redact(message)}`));
  }

  /** The socket is gone (lost, failed or closed by us): stop timers. */
  protected onDetached(): void {}

  /** About to close an open socket on purpose (e.g. send a leave message). */
  protected beforeClose(_socket: S): void {}

  /**
   * Called after a reconnect with the time the connection was lost. The default reports a gap; a
   * protocol that resumes where it left off overrides it.
   */
  protected onReconnected(lostAt: number): void {
    this.reportGap(lostAt, this.clock.now(), this.#gapReason);
  }

  /** The open socket, if any. */
  protected get socket(): S | undefined {
    return this.#socket;
  }

  /**
   * Connects and resolves once {@link markReady} is called. Rejects with a typed error when the
   * connector stops in `error`; network failures are retried with backoff (status `reconnecting`)
   * while the promise stays pending.
   */
  connect(): Promise<void> {
    if (this.status === 'connected') return Promise.resolve();
    const connecting = this.startConnecting(() => {
      this.#lostAt = undefined;
      this.#open();
    });
    this.#connecting = connecting;
    const settled = () => {
      if (this.#connecting === connecting) this.#connecting = undefined;
    };
    connecting.then(settled, settled);
    return connecting;
  }

  /** Stops the socket, the timers and any scheduled retry; resolves in status `disconnected`. Idempotent. */
  async disconnect(): Promise<void> {
    const socket = this.#detach(true);
    this.#lostAt = undefined;
    this.#connecting?.catch(() => undefined);
    this.markDisconnected(
      new ConnectionError(`${this.id}: disconnect() was called before the connection was established`, { code: 'DISCONNECTED' }),
    );
    if (socket) await this.#closeGracefully(socket);
  }

  /** The connection is usable: status `connected`, `connect()` resolves, a reconnect is followed up ({@link onReconnected}). */
  protected markReady(): void {
    if (this.status === 'connected' || !this.wanted) return;
    this.markConnected(this.#gapReason);
    const lostAt = this.#lostAt;
    this.#lostAt = undefined;
    if (lostAt !== undefined) this.onReconnected(lostAt);
  }

  /** The connection is lost or unusable: drop it and retry with backoff (or after exactly `delayMs`). */
  protected connectionLost(error: VmscError, delayMs?: number): void {
    if (!this.wanted) return;
    this.#detach();
    if (this.status === 'connected' && this.#lostAt === undefined) this.#lostAt = this.clock.now();
    this.setStatus('reconnecting', error);
    this.reconnector.schedule(() => {
      if (this.wanted) this.#open();
    }, delayMs);
  }

  /** Retrying cannot help (bad token, unknown id): stop in status `error` and reject `connect()`. */
  protected fail(error: VmscError): void {
    this.#detach();
    this.#lostAt = undefined;
    this.markFailed(error);
  }

  /** Sends a text frame on the open socket; `false` when not connected. */
  protected sendText(text: string): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(text);
    return true;
  }

  /** Redacts the credentials ({@link secrets}) from a text that will reach an error message. */
  protected redact(text: string): string {
    return redact(text, this.secrets());
  }

  #open(): void {
    if (!this.wanted) return;
    let socket: S;
    try {
      socket = this.createSocket();
    } catch (error) {
      this.onOpenFailed(error);
      return;
    }
    this.#socket = socket;
    if (socket.binaryType !== undefined) socket.binaryType = 'arraybuffer';
    let transportError: string | undefined;
    const current = () => socket === this.#socket;
    socket.onopen = (() => {
      if (current()) this.onSocketOpen(socket);
    }) as HandlerSlot;
    socket.onmessage = ((event: { data: unknown }) => {
      if (!current()) return;
      try {
        this.onText(frameText(event.data), this.clock.now());
      } catch (error) {
        this.reportError(this.toVmscError(error, 'failed to handle a message'));
      }
    }) as HandlerSlot;
    socket.onerror = ((event: { message?: unknown; error?: unknown }) => {
      const message = typeof event.message === 'string' ? event.message : event.error instanceof Error ? event.error.message : undefined;
      if (message) transportError = this.redact(message);
    }) as HandlerSlot;
    socket.onclose = ((event: { code: number; reason?: string }) => {
      if (!current()) return;
      this.#socket = undefined;
      this.onDetached();
      if (!this.wanted) return;
      this.onClose({ code: event.code, reason: this.redact(event.reason ?? ''), transportError });
    }) as HandlerSlot;
  }

  /**
   * Forgets the current socket (its late events are ignored). Returns it when `graceful` and still
   * open, for a clean close; otherwise drops it.
   */
  #detach(graceful = false): S | undefined {
    const socket = this.#socket;
    this.#socket = undefined;
    this.onDetached();
    if (!socket) return undefined;
    if (graceful && socket.readyState === OPEN) return socket;
    drop(socket);
    return undefined;
  }

  async #closeGracefully(socket: S): Promise<void> {
    try {
      this.beforeClose(socket);
    } catch {
      // the socket may have just gone; closing below still settles it
    }
    await new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => {
        drop(socket);
        resolve();
      }, CLOSE_TIMEOUT_MS);
      socket.onclose = (() => {
        this.clock.clearTimeout(timer);
        resolve();
      }) as HandlerSlot;
      try {
        socket.close(1000, 'client disconnect');
      } catch {
        this.clock.clearTimeout(timer);
        resolve();
      }
    });
  }
}

/** A frame's data as text: strings as they are, bytes (ArrayBuffer, Buffer, typed arrays) decoded as UTF-8. */
function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return String(data);
}

/** Drops a socket at once: `terminate()` where there is one (`ws`), `close()` otherwise. */
function drop(socket: WebSocketLike): void {
  try {
    if (socket.terminate) socket.terminate();
    else socket.close();
  } catch {
    // closing a socket that never opened throws in some runtimes; it is gone either way
  }
}
