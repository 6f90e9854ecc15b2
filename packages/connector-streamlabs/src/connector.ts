import { AuthError, ConnectionError, ProtocolError, SocketIoConnector, toSecret, type BaseConnectorOptions, type Secret } from '@vmsc/core';
import io from 'socket.io-client-v2';
import type { StreamlabsSocket } from './socket-v2.js';
import { normalizeStreamlabsEvent } from './normalize/normalize.js';

/** The Streamlabs Socket API endpoint. */
export const STREAMLABS_SOCKET_URL = 'https://sockets.streamlabs.com';

/** Options of {@link StreamlabsConnector}. */
export interface StreamlabsConnectorOptions extends BaseConnectorOptions {
  /**
   * The **Socket API token** (Streamlabs dashboard → Settings → API Settings → API Tokens → "Your
   * Socket API Token"; not the widget token), or one obtained with OAuth scope `socket.token`.
   */
  socketToken: string | Secret;
  /** Socket API URL (default {@link STREAMLABS_SOCKET_URL}); point it at a fake in tests. */
  url?: string;
  /** Publish test alerts (flagged `meta.test`) instead of dropping them. Default `false`. */
  includeTestEvents?: boolean;
  /** Give up on one connection attempt after this many ms (then retry with backoff). Default 20,000. */
  connectTimeoutMs?: number;
  /** How many alert ids are remembered to deliver each alert once. Default 1,000. */
  dedupeMemory?: number;
  /**
   * Streamlabs may refuse a bad token by closing the socket, or by accepting the namespace and
   * disconnecting it right away (`40` then `41`), instead of answering an error packet. Such closes
   * count as failed connects (retried with growing backoff, no gap, no `connected` in between);
   * after this many in a row the token is deemed rejected (status `error`, no more retries). Default 3.
   */
  maxClosesBeforeConnect?: number;
  /**
   * The namespace connection (`40`) counts as accepted once it has stayed up this long, or at the
   * first alert: only then is the status `connected` and `connect()` resolved. A close before that
   * counts toward {@link maxClosesBeforeConnect}. Default 1,000 ms.
   */
  acceptAfterMs?: number;
}

/**
 * Streamlabs Socket API connector: donations, follows, subscriptions (resubs and gifts), hosts,
 * bits, raids and merch from every platform linked to the Streamlabs account, as `streamlabs`
 * events with `meta.platform` set to the platform they came from.
 *
 * Streamlabs speaks **Socket.IO 2 / Engine.IO 3**: this connector uses socket.io-client 2.5 (a 4.x
 * client cannot connect to it; in Engine.IO 3 the client sends the pings). Reconnects use the
 * spec-003 backoff; Streamlabs does not replay missed alerts, so each reconnect reports a gap.
 *
 * @example
 * ```ts
 * const bus = new EventBus();
 * const streamlabs = new StreamlabsConnector({ bus, socketToken: process.env.STREAMLABS_SOCKET_TOKEN! });
 * bus.on('donation', (e) => console.log(e.user.nickname, e.data.amountString, e.data.currency));
 * await streamlabs.connect();
 * ```
 */
export class StreamlabsConnector extends SocketIoConnector<StreamlabsSocket> {
  readonly #token: Secret;
  readonly #url: string;
  readonly #includeTests: boolean;
  readonly #connectTimeoutMs: number;
  readonly #acceptAfterMs: number;

  constructor(options: StreamlabsConnectorOptions) {
    super('streamlabs', options, {
      service: 'Streamlabs',
      gapReason: 'Streamlabs does not replay alerts sent while the socket was disconnected',
      dedupeMemory: options.dedupeMemory ?? 1_000,
      maxClosesBeforeReady: options.maxClosesBeforeConnect ?? 3,
    });
    this.#token = toSecret(options.socketToken);
    this.#url = options.url ?? STREAMLABS_SOCKET_URL;
    this.#includeTests = options.includeTestEvents ?? false;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
    this.#acceptAfterMs = options.acceptAfterMs ?? 1_000;
  }

  /**
   * Connects; resolves once Streamlabs accepted the token (the namespace stayed connected for
   * `acceptAfterMs`, or an alert arrived). Rejects with an {@link AuthError} when the token is
   * refused (status `error`, no retry). Network failures are retried with backoff (status
   * `reconnecting`) while the promise stays pending.
   */
  override connect(): Promise<void> {
    return super.connect();
  }

  override toString(): string {
    return `StreamlabsConnector(${this.id}, ${this.status})`;
  }

  protected override credentialsError(): AuthError | undefined {
    return this.#token.isEmpty
      ? new AuthError('Streamlabs socket token is empty: copy the Socket API token from Settings → API Settings')
      : undefined;
  }

  protected override closedBeforeReadyError(closes: number, reason: string): AuthError {
    return new AuthError(
      `Streamlabs closed the connection ${closes} times before accepting it (${reason}): the socket token is probably wrong`,
    );
  }

  protected createSocket(): StreamlabsSocket {
    return io(this.#url, {
      transports: ['websocket'],
      query: { token: this.#token.reveal() },
      reconnection: false,
      forceNew: true,
      timeout: this.#connectTimeoutMs,
    });
  }

  protected secrets(): readonly Secret[] {
    return [this.#token];
  }

  /** `40` alone does not prove the token good: a server may disconnect the namespace right after. */
  protected override onNamespaceConnect(): void {
    this.startHandshakeTimer(this.#acceptAfterMs, () => this.markReady());
  }

  protected attach(socket: StreamlabsSocket): void {
    this.listen(socket, 'event', (payload: unknown) => {
      this.markReady();
      this.#onEvent(payload);
    });
    this.listen(socket, 'error', (error: unknown) => {
      const text = this.describeError(error);
      if (!this.ready) {
        this.fail(new AuthError(`Streamlabs refused the socket token (${text}): check the Socket API token in Settings → API Settings`));
      } else {
        this.reportError(new ProtocolError(`Streamlabs socket error: ${text}`));
      }
    });
    this.listen(socket, 'connect_timeout', (timeout: number) =>
      this.connectionLost(new ConnectionError(`Streamlabs did not answer within ${timeout} ms`, { code: 'TIMEOUT' })),
    );
    // socket.io-client 2 reports a close before the namespace connected as `disconnect` too; the
    // manager's `close` covers builds that do not. Either way it is counted once per socket. The
    // manager's is deferred: on `41` it closes first ("forced close") and the socket's
    // `disconnect` with the real reason ("io server disconnect") follows in the same tick.
    socket.io.on('close', (reason: string) =>
      queueMicrotask(() => {
        if (this.isCurrent(socket)) this.socketClosed(reason);
      }),
    );
  }

  #onEvent(payload: unknown): void {
    for (const alert of normalizeStreamlabsEvent(payload)) {
      if (alert.test && !this.#includeTests) continue;
      this.deliver(alert);
    }
  }
}
