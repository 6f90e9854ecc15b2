import WebSocket from 'isomorphic-ws';
import {
  AuthError,
  BaseConnector,
  ConnectionError,
  newEventId,
  parseEvent,
  redact,
  systemUser,
  ValidationError,
  type BaseConnectorOptions,
  type Secret,
} from '@vmsc/core';
import { CUSTOM_WS_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '@vmsc/core/protocol';

/**
 * How the auth token travels: an `Authorization: Bearer` header (Node only), a query parameter, or
 * (VMSC servers, any runtime) the WebSocket subprotocols `['vmsc.v1', 'vmsc.token.<token>']`, which
 * browsers can send and which keep the token out of the URL.
 */
export type TokenPlacement = 'header' | 'query' | 'subprotocol';

/** Options shared by every WebSocket client connector of this package. */
export interface WsConnectorOptions extends BaseConnectorOptions {
  /** `ws://` or `wss://` URL of the server. */
  url: string;
  /** Optional auth token, kept as a `Secret`. */
  token?: string | Secret;
  /**
   * Where to send the token. Default: `header` where the runtime can set headers (Node), `query`
   * elsewhere (browsers cannot set WebSocket headers; `header` there is a configuration error).
   * `subprotocol` is for VMSC custom WS servers (the VMSC preset's default in browsers).
   */
  tokenIn?: TokenPlacement;
  /** Name of the query parameter carrying the token (default `token`). */
  tokenParam?: string;
  /** Start disabled: `connect()` does nothing until `enable()` (default `true`). */
  enabled?: boolean;
}

/** Whether this runtime's WebSocket can send custom headers (Node's `ws`; not browsers). */
export function runtimeCanSetHeaders(): boolean {
  const candidate = globalThis as { process?: { versions?: { node?: string } } };
  return typeof candidate.process?.versions?.node === 'string';
}

/** The socket surface this package uses: the WHATWG WebSocket API, which `ws` and browsers both implement. */
type Socket = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; error?: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
};

const OPEN = 1;

const RECONNECT_GAP_REASON = 'reconnected; this WebSocket server does not replay messages sent while disconnected';

/**
 * The transport half of the WebSocket client connectors: opening the socket (token as header or
 * query), the status machine, reconnecting with core's backoff, enable/disable, and the gap
 * reported after a reconnect. Subclasses turn frames into events.
 */
export abstract class WsConnector extends BaseConnector {
  readonly #url: string;
  readonly #token: Secret | undefined;
  readonly #tokenIn: TokenPlacement;
  readonly #tokenParam: string;
  #enabled: boolean;
  #socket: Socket | undefined;
  /** The `connect()` promise still pending, so `disconnect()` can keep its rejection from going unhandled. */
  #connecting: Promise<void> | undefined;
  #lastTransportError: string | undefined;
  /** When the connection was lost, for {@link onReconnected} (which decides the gap: a resuming preset may not have one). */
  #lostAt: number | undefined;

  protected constructor(source: string, options: WsConnectorOptions & { token?: Secret }) {
    super(source, options);
    if (!/^wss?:\/\//i.test(options.url))
      throw new ValidationError('invalid URL', [{ path: 'url', message: 'must start with ws:// or wss://' }]);
    this.#url = options.url;
    this.#token = options.token;
    const canHeader = runtimeCanSetHeaders();
    this.#tokenIn = options.tokenIn ?? (canHeader ? 'header' : 'query');
    if (this.#tokenIn === 'header' && !canHeader) {
      throw new ValidationError('invalid token placement', [
        { path: 'tokenIn', message: 'this runtime cannot set WebSocket headers; use "query" or "subprotocol"' },
      ]);
    }
    this.#tokenParam = options.tokenParam ?? 'token';
    this.#enabled = options.enabled ?? true;
  }

  /** Whether the connector is enabled (a disabled one stays disconnected). */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** Enables the connector and connects. */
  enable(): Promise<void> {
    this.#enabled = true;
    return this.connect();
  }

  /** Disables the connector: disconnects, and `connect()` does nothing until `enable()`. */
  disable(): Promise<void> {
    this.#enabled = false;
    return this.disconnect();
  }

  /** The URL without credentials, for messages. */
  override toString(): string {
    return `${this.constructor.name}(${this.id} → ${redact(this.#url, [this.#token])})`;
  }

  connect(): Promise<void> {
    if (!this.#enabled) return Promise.resolve();
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

  async disconnect(): Promise<void> {
    this.reconnector.cancel();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) {
      const closed = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        socket.onclose = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      socket.onmessage = null;
      try {
        socket.close(1000, 'client disconnect');
      } catch {
        // closing a socket that never opened throws in some runtimes; it is gone either way
      }
      await closed;
    }
    this.#connecting?.catch(() => undefined);
    this.markDisconnected(new ConnectionError(`${this.id}: disconnected before the connection was established`));
  }

  /** Sends a JSON message on the open socket; `false` when not connected. */
  protected sendJson(message: unknown): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  /** Called once the socket is open (status is already `connected` unless {@link handshakeFirst}). */
  protected onOpen(): void {}

  /**
   * `true` when the protocol confirms the session after the socket opens (an ack to a first
   * message); the subclass then calls {@link handshakeComplete} and the status stays `connecting` /
   * `reconnecting` until it does, so a refusal after the open (close 4401) still fails `connect()`.
   */
  protected get handshakeFirst(): boolean {
    return false;
  }

  /** Marks the connection established: status `connected`, `connect()` resolves, a reconnect is followed up. */
  protected handshakeComplete(): void {
    if (this.status === 'connected' || !this.wanted) return;
    // No gap from markConnected (markLost is not used): onReconnected decides it below.
    this.markConnected(RECONNECT_GAP_REASON);
    const lostAt = this.#lostAt;
    this.#lostAt = undefined;
    if (lostAt !== undefined) this.onReconnected(lostAt);
  }

  /** Handles one text frame. */
  protected abstract onFrame(text: string): void;

  /**
   * Called after a reconnect with the time the connection was lost. The default reports a gap:
   * a plain WebSocket server does not replay what was sent meanwhile.
   */
  protected onReconnected(lostAt: number): void {
    this.reportGap(lostAt, this.clock.now(), RECONNECT_GAP_REASON);
  }

  /** Whether a close (code, reason) means the credentials were refused. */
  protected isAuthFailure(code: number, _reason: string): boolean {
    return code === 4401 || code === 4403;
  }

  /**
   * Publishes an `unknown` event of this connector's source for a message no mapping covers (nothing
   * is dropped). Should even that event not validate, the validation error is reported instead.
   */
  protected publishUnknown(kind: string, payload: unknown, reason: string): void {
    const parsed = parseEvent({
      id: newEventId(),
      type: 'unknown',
      source: this.source,
      timestamp: this.clock.now(),
      user: systemUser(),
      data: { kind, payload, reason },
    });
    if (parsed.ok) this.publish(parsed.event);
    else this.reportError(parsed.error);
  }

  /** Redacts the token from a text (server reasons, transport errors). */
  protected redact(text: string): string {
    return redact(text, [this.#token]);
  }

  #open(): void {
    if (!this.wanted) return;
    let url = this.#url;
    const headers: Record<string, string> = {};
    let protocols: string[] | undefined;
    if (this.#token && !this.#token.isEmpty) {
      if (this.#tokenIn === 'header') headers.Authorization = `Bearer ${this.#token.reveal()}`;
      else if (this.#tokenIn === 'subprotocol') protocols = [CUSTOM_WS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${this.#token.reveal()}`];
      else url += `${url.includes('?') ? '&' : '?'}${encodeURIComponent(this.#tokenParam)}=${encodeURIComponent(this.#token.reveal())}`;
    }
    let socket: Socket;
    try {
      socket = (runtimeCanSetHeaders()
        ? new WebSocket(url, protocols ?? [], { headers })
        : new (WebSocket as unknown as new (url: string, protocols?: string[]) => WebSocket)(url, protocols)) as unknown as Socket;
    } catch (error) {
      this.#fail(
        new ConnectionError(this.redact(`${this.id}: cannot open ${url}: ${error instanceof Error ? error.message : String(error)}`)),
      );
      return;
    }
    this.#socket = socket;
    this.#lastTransportError = undefined;
    socket.onopen = () => {
      if (socket !== this.#socket) return;
      if (this.handshakeFirst) {
        this.onOpen();
        return;
      }
      this.handshakeComplete();
      this.onOpen();
    };
    socket.onmessage = (event) => {
      if (socket !== this.#socket) return;
      const data = event.data;
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer | Uint8Array);
      try {
        this.onFrame(text);
      } catch (error) {
        this.reportError(this.toVmscError(error, 'failed to handle a message'));
      }
    };
    socket.onerror = (event) => {
      const message = event.message ?? (event.error instanceof Error ? event.error.message : undefined);
      if (message) this.#lastTransportError = this.redact(message);
    };
    socket.onclose = (event) => {
      if (socket !== this.#socket) return;
      this.#socket = undefined;
      this.#closed(event.code, this.redact(event.reason ?? ''));
    };
  }

  #closed(code: number, reason: string): void {
    if (!this.wanted) return;
    const transport = this.#lastTransportError;
    const httpStatus = transport ? /Unexpected server response: (\d{3})/.exec(transport)?.[1] : undefined;
    if (this.isAuthFailure(code, reason) || httpStatus === '401' || httpStatus === '403') {
      this.markFailed(
        new AuthError(
          `${this.id}: the server refused the credentials (${httpStatus ? `HTTP ${httpStatus}` : `close ${code}${reason ? `: ${reason}` : ''}`})`,
        ),
      );
      return;
    }
    const detail = transport ?? `close ${code}${reason ? `: ${reason}` : ''}`;
    this.#fail(new ConnectionError(`${this.id}: connection lost (${detail})`));
  }

  /**
   * Lost: status `reconnecting` and a reopen with the backoff. Not `markLost`: that would make
   * `markConnected` report the gap, while here {@link onReconnected} decides it (the VMSC preset resumes).
   */
  #fail(error: ConnectionError): void {
    if (!this.wanted) return;
    if (this.status === 'connected') this.#lostAt = this.clock.now();
    this.setStatus('reconnecting', error);
    this.reconnector.schedule(() => this.#open());
  }
}
