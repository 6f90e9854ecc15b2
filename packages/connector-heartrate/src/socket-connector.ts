import type { IncomingHttpHeaders } from 'node:http';
import { BaseConnector, ConnectionError, redact, VmscError, type BaseConnectorOptions, type Secret } from '@vmsc/core';
import WebSocket from 'ws';

/** Options shared by both heart rate connectors. */
export interface SocketConnectorOptions extends BaseConnectorOptions {
  /** Abort an opening handshake after this many ms (default 10,000). */
  handshakeTimeoutMs?: number;
}

/** Where to connect: the URL and the upgrade request's extra headers. */
export interface SocketEndpoint {
  url: string;
  headers?: Record<string, string>;
}

/** How a refused upgrade (HTTP status instead of 101) is handled. */
export interface RejectionVerdict {
  error: VmscError;
  /** Stop in status `error` (bad token) instead of retrying. */
  fatal: boolean;
  /** Retry after exactly this delay instead of the backoff's (a server's Retry-After). */
  retryAfterMs?: number;
}

const MAX_ERROR_BODY = 4_096;

/**
 * The I/O shell both heart rate connectors share: one `ws` client socket at a time, refused
 * upgrades turned into typed errors, reconnects through core's {@link Reconnector} with a gap
 * reported for the time without a connection, and a clean `disconnect()`. Subclasses say where to
 * connect, what "ready" means and what frames mean.
 */
export abstract class SocketConnector extends BaseConnector {
  readonly #handshakeTimeoutMs: number;
  #socket: WebSocket | undefined;
  #generation = 0;

  protected constructor(options: SocketConnectorOptions) {
    super('heartrate', options);
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
  }

  /** The URL (and headers) of the next connection attempt. */
  protected abstract endpoint(): SocketEndpoint;
  /** Credentials to scrub from any text that reaches an error message. */
  protected abstract secrets(): Secret[];
  /** The upgrade was refused with `status`: what does it mean? */
  protected abstract classifyRejection(status: number, body: string, headers: IncomingHttpHeaders): RejectionVerdict;
  /** The socket is open (Pulsoid: ready at once; HypeRate: join the channel first). */
  protected abstract onOpen(socket: WebSocket): void;
  /** One text frame arrived. */
  protected abstract onText(text: string, receivedAt: number): void;
  /** The socket is gone (lost, failed or closed by us): stop timers. */
  protected abstract onClosed(): void;
  /** About to close an open socket on purpose (e.g. send `phx_leave`). */
  protected beforeClose(_socket: WebSocket): void {}

  /** The open socket, if any. */
  protected get socket(): WebSocket | undefined {
    return this.#socket;
  }

  /**
   * Connects and resolves once readings can flow. Rejects with a typed error (e.g.
   * {@link PulsoidAuthError}) when the connector stops in `error`; network failures are retried
   * with backoff (status `reconnecting`) while the promise stays pending.
   */
  connect(): Promise<void> {
    return this.startConnecting(() => this.#open());
  }

  /** Stops the socket, the timers and any scheduled retry; resolves in status `disconnected`. Idempotent. */
  async disconnect(): Promise<void> {
    const socket = this.#detach(true);
    this.markDisconnected(new ConnectionError('disconnect() was called before the connection was established', { code: 'DISCONNECTED' }));
    if (socket) await this.#closeGracefully(socket);
  }

  /** Readings can flow: status `connected`, and the time without a connection reported as a gap. */
  protected markReady(): void {
    this.markConnected('reconnected: readings sent while disconnected are not replayed');
  }

  /** The connection is lost or unusable: drop it and retry with backoff (or after `delayMs`). */
  protected connectionLost(error: VmscError, delayMs?: number): void {
    if (!this.wanted) return;
    this.#detach();
    this.markLost(error, () => this.#open(), { delayMs });
  }

  /** Retrying cannot help (bad token, unknown id): stop in status `error` and reject `connect()`. */
  protected fail(error: VmscError): void {
    this.#detach();
    this.markFailed(error);
  }

  /** Scrubs the credentials from a text that will reach an error message. */
  protected scrub(text: string): string {
    return redact(text, this.secrets());
  }

  #open(): void {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    let socket: WebSocket;
    try {
      const { url, headers } = this.endpoint();
      socket = new WebSocket(url, { headers, handshakeTimeout: this.#handshakeTimeoutMs });
    } catch (cause) {
      this.fail(new VmscError('INVALID_OPTIONS', `cannot open the WebSocket: ${this.scrub(String((cause as Error).message))}`));
      return;
    }
    this.#socket = socket;
    let lastError: Error | undefined;
    socket.on('error', (error) => {
      lastError = error;
    });
    socket.on('unexpected-response', (request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        request.destroy();
        if (!current()) return;
        const body = Buffer.concat(chunks).toString('utf8');
        const verdict = this.classifyRejection(response.statusCode ?? 0, body, response.headers);
        if (verdict.fatal) this.fail(verdict.error);
        else this.connectionLost(verdict.error, verdict.retryAfterMs);
      };
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_ERROR_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
    });
    socket.on('open', () => {
      if (current()) this.onOpen(socket);
    });
    socket.on('message', (data) => {
      if (!current()) return;
      // binaryType is the default 'nodebuffer': text and binary frames both arrive as a Buffer.
      const text = (data as Buffer).toString('utf8');
      this.onText(text, this.clock.now());
    });
    socket.on('close', (code, reason) => {
      if (!current()) return;
      const why = lastError
        ? this.scrub(lastError.message)
        : `close code ${code}${reason.length ? ` (${this.scrub(reason.toString())})` : ''}`;
      this.connectionLost(new ConnectionError(`heart rate socket lost: ${why}`));
    });
  }

  /**
   * Forgets the current socket (its late events are ignored). Returns it when `graceful` and still
   * open, for a clean close; otherwise terminates it.
   */
  #detach(graceful = false): WebSocket | undefined {
    this.#generation++;
    const socket = this.#socket;
    this.#socket = undefined;
    this.onClosed();
    if (!socket) return undefined;
    if (graceful && socket.readyState === WebSocket.OPEN) return socket;
    socket.terminate();
    return undefined;
  }

  async #closeGracefully(socket: WebSocket): Promise<void> {
    try {
      this.beforeClose(socket);
    } catch {
      // the socket may have just gone; closing below still settles it
    }
    await new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => {
        socket.terminate();
        resolve();
      }, 1_000);
      socket.once('close', () => {
        this.clock.clearTimeout(timer);
        resolve();
      });
      socket.close(1000, 'client disconnect');
    });
  }
}
