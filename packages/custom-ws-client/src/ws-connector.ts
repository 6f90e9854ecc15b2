import WebSocket from 'isomorphic-ws';
import {
  AuthError,
  newEventId,
  parseEvent,
  redact,
  systemUser,
  ValidationError,
  WebSocketConnector,
  type BaseConnectorOptions,
  type Secret,
  type WebSocketClose,
  type WebSocketLike,
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

const RECONNECT_GAP_REASON = 'reconnected; this WebSocket server does not replay messages sent while disconnected';

/**
 * The WebSocket client connectors of this package on core's {@link WebSocketConnector} (socket
 * lifecycle, reconnects with backoff, gaps, clean disconnect), with what they add: the token as
 * header, query parameter or subprotocol, enable/disable, refused credentials (close 4401/4403,
 * HTTP 401/403) as a terminal `AuthError`, and JSON helpers. Runs on `ws` in Node and on the
 * browser's WebSocket in the browser build. Subclasses turn frames into events ({@link onText}).
 */
export abstract class WsConnector extends WebSocketConnector {
  readonly #url: string;
  readonly #token: Secret | undefined;
  readonly #tokenIn: TokenPlacement;
  readonly #tokenParam: string;
  #enabled: boolean;

  protected constructor(source: string, options: WsConnectorOptions & { token?: Secret }) {
    super(source, options, RECONNECT_GAP_REASON);
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

  /** Connects (see {@link WebSocketConnector.connect}); does nothing while disabled. */
  override connect(): Promise<void> {
    if (!this.#enabled) return Promise.resolve();
    return super.connect();
  }

  /** Sends a JSON message on the open socket; `false` when not connected. */
  protected sendJson(message: unknown): boolean {
    return this.sendText(JSON.stringify(message));
  }

  /** Called once the socket is open (status is already `connected` unless {@link handshakeFirst}). */
  protected onOpen(): void {}

  /**
   * `true` when the protocol confirms the session after the socket opens (an ack to a first
   * message); the subclass then calls {@link markReady} and the status stays `connecting` /
   * `reconnecting` until it does, so a refusal after the open (close 4401) still fails `connect()`.
   */
  protected get handshakeFirst(): boolean {
    return false;
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

  protected secrets(): ReadonlyArray<Secret | undefined> {
    return [this.#token];
  }

  protected createSocket(): WebSocketLike {
    let url = this.#url;
    const headers: Record<string, string> = {};
    let protocols: string[] | undefined;
    if (this.#token && !this.#token.isEmpty) {
      if (this.#tokenIn === 'header') headers.Authorization = `Bearer ${this.#token.reveal()}`;
      else if (this.#tokenIn === 'subprotocol') protocols = [CUSTOM_WS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${this.#token.reveal()}`];
      else url += `${url.includes('?') ? '&' : '?'}${encodeURIComponent(this.#tokenParam)}=${encodeURIComponent(this.#token.reveal())}`;
    }
    // In the browser build `isomorphic-ws` is the runtime's WebSocket, which takes no options.
    return runtimeCanSetHeaders()
      ? new WebSocket(url, protocols ?? [], { headers })
      : new (WebSocket as unknown as new (url: string, protocols?: string[]) => WebSocketLike)(url, protocols);
  }

  protected onSocketOpen(): void {
    if (!this.handshakeFirst) this.markReady();
    this.onOpen();
  }

  protected override onClose(close: WebSocketClose): void {
    const { code, reason, transportError } = close;
    const httpStatus = transportError ? /Unexpected server response: (\d{3})/.exec(transportError)?.[1] : undefined;
    if (this.isAuthFailure(code, reason) || httpStatus === '401' || httpStatus === '403') {
      this.fail(
        new AuthError(
          `${this.id}: the server refused the credentials (${httpStatus ? `HTTP ${httpStatus}` : `close ${code}${reason ? `: ${reason}` : ''}`})`,
        ),
      );
      return;
    }
    super.onClose(close);
  }
}
