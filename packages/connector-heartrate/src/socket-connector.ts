import type { IncomingHttpHeaders } from 'node:http';
import { ConnectionError, VmscError, WebSocketConnector, type BaseConnectorOptions, type WebSocketClose } from '@vmsc/core';
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
 * Both heart rate connectors on core's {@link WebSocketConnector} with a `ws` socket: this layer
 * adds only what `ws` can and a browser cannot, a handshake timeout and refused upgrades read in
 * full (status, Pulsoid's JSON error body, `Retry-After`) and turned into typed errors. Subclasses
 * say where to connect, what "ready" means and what frames mean.
 */
export abstract class SocketConnector extends WebSocketConnector<WebSocket> {
  readonly #handshakeTimeoutMs: number;

  protected constructor(options: SocketConnectorOptions) {
    super('heartrate', options, 'reconnected: readings sent while disconnected are not replayed');
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
  }

  /** The URL (and headers) of the next connection attempt. */
  protected abstract endpoint(): SocketEndpoint;
  /** The upgrade was refused with `status`: what does it mean? */
  protected abstract classifyRejection(status: number, body: string, headers: IncomingHttpHeaders): RejectionVerdict;

  protected createSocket(): WebSocket {
    const { url, headers } = this.endpoint();
    const socket = new WebSocket(url, { headers, handshakeTimeout: this.#handshakeTimeoutMs });
    socket.on('unexpected-response', (request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        request.destroy();
        if (socket !== this.socket) return;
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
    return socket;
  }

  /** A URL `ws` cannot open is a configuration error: retrying cannot help. */
  protected override onOpenFailed(error: unknown): void {
    this.fail(new VmscError('INVALID_OPTIONS', `cannot open the WebSocket: ${this.redact(String((error as Error).message))}`));
  }

  protected override onClose({ code, reason, transportError }: WebSocketClose): void {
    const why = transportError ?? `close code ${code}${reason.length ? ` (${reason})` : ''}`;
    this.connectionLost(new ConnectionError(`heart rate socket lost: ${why}`));
  }
}
