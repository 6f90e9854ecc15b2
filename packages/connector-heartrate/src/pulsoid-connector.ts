import type { IncomingHttpHeaders } from 'node:http';
import { AuthError, parseRetryAfter, TimeoutError, toSecret, type Secret } from '@vmsc/core';
import type WebSocket from 'ws';
import { classifyPulsoidError, hasBearerPrefix, isPulsoidErrorBody } from './errors.js';
import { Heartbeat } from './heartbeat.js';
import { normalizePulsoidFrame } from './normalize/pulsoid.js';
import type { PulsoidErrorBody, PulsoidResponseMode } from './raw/pulsoid.js';
import { SocketConnector, type RejectionVerdict, type SocketConnectorOptions, type SocketEndpoint } from './socket-connector.js';

/** Pulsoid's real-time WebSocket endpoint. */
export const PULSOID_WS_URL = 'wss://dev.pulsoid.net/api/v1/data/real_time';

/** Options of {@link PulsoidConnector}. */
export interface PulsoidConnectorOptions extends SocketConnectorOptions {
  /** Pulsoid access token with scope `data:heart_rate:read` (kept in a {@link Secret}). */
  token: string | Secret;
  /** WebSocket URL (default {@link PULSOID_WS_URL}); tests aim it at a local fake. */
  url?: string;
  /**
   * `json` (default): `{"measured_at": ..., "data": {"heart_rate": ...}}`, with the sensor's time.
   * `text_plain_only_heart_rate`: each message is the bare number; `measuredAt` is the time of receipt.
   */
  responseMode?: PulsoidResponseMode;
  /**
   * How the token travels: `header` (default, `Authorization: Bearer`, keeps it out of URLs and
   * proxy logs) or `query` (`?access_token=`, as in Pulsoid's examples).
   */
  tokenIn?: 'header' | 'query';
  /** Send a WebSocket ping this often to detect a dead connection, ms (default 30,000; 0 = never). */
  pingIntervalMs?: number;
  /** Reconnect when a ping is not answered within this many ms (default 10,000). */
  pongTimeoutMs?: number;
}

/**
 * Heart rate from Pulsoid's real-time WebSocket: every reading becomes a `bpm_update` (source
 * `heartrate`, `data.provider: "pulsoid"`).
 *
 * - A refused token (HTTP 401/402/403, Pulsoid codes 7005–7011) stops in status `error` with a
 *   {@link PulsoidAuthError}; `connect()` rejects with it. No retry loop.
 * - 5xx, 429 and network failures are retried with core's backoff; the time without a connection is
 *   reported as a gap (Pulsoid does not replay readings).
 * - 0 bpm is published with `inactive: true`; a message without a reading is published as `unknown`.
 *
 * @example
 * ```ts
 * const bus = new EventBus();
 * const pulsoid = new PulsoidConnector({ bus, token: process.env.PULSOID_TOKEN! });
 * bus.on('bpm_update', (event) => console.log(event.data.bpm));
 * await pulsoid.connect();
 * ```
 */
export class PulsoidConnector extends SocketConnector {
  readonly #token: Secret;
  readonly #url: string;
  readonly #responseMode: PulsoidResponseMode;
  readonly #tokenIn: 'header' | 'query';
  readonly #heartbeat: Heartbeat | undefined;
  /** The token was pasted as `Bearer <token>`: refusals then say so. */
  readonly #bearerPrefixed: boolean;

  constructor(options: PulsoidConnectorOptions) {
    super({ ...options, id: options.id ?? 'pulsoid' });
    this.#token = toSecret(options.token);
    if (this.#token.isEmpty) throw new AuthError('Pulsoid access token is empty', { code: 'PULSOID_TOKEN_MISSING' });
    this.#bearerPrefixed = hasBearerPrefix(this.#token.reveal());
    this.#url = options.url ?? PULSOID_WS_URL;
    this.#responseMode = options.responseMode ?? 'json';
    this.#tokenIn = options.tokenIn ?? 'header';
    const pingIntervalMs = options.pingIntervalMs ?? 30_000;
    const pongTimeoutMs = options.pongTimeoutMs ?? 10_000;
    this.#heartbeat =
      pingIntervalMs > 0
        ? new Heartbeat({
            clock: this.clock,
            intervalMs: pingIntervalMs,
            timeoutMs: pongTimeoutMs,
            send: () => this.socket?.ping(),
            onTimeout: () => this.connectionLost(new TimeoutError(`Pulsoid did not answer a ping within ${pongTimeoutMs} ms`)),
          })
        : undefined;
  }

  /** Never includes the token. */
  override toString(): string {
    return `PulsoidConnector(${this.id}, ${this.status})`;
  }

  protected endpoint(): SocketEndpoint {
    const url = new URL(this.#url);
    if (this.#responseMode !== 'json') url.searchParams.set('response_mode', this.#responseMode);
    if (this.#tokenIn === 'query') {
      url.searchParams.set('access_token', this.#token.reveal());
      return { url: url.toString() };
    }
    return { url: url.toString(), headers: { authorization: `Bearer ${this.#token.reveal()}` } };
  }

  protected secrets(): Secret[] {
    return [this.#token];
  }

  protected classifyRejection(status: number, body: string, headers: IncomingHttpHeaders): RejectionVerdict {
    let parsed: PulsoidErrorBody | undefined;
    try {
      const value: unknown = JSON.parse(body);
      if (isPulsoidErrorBody(value)) parsed = value;
    } catch {
      // not Pulsoid's JSON error body: the HTTP status alone decides
    }
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    const { error, fatal } = classifyPulsoidError(status, parsed, retryAfterMs, { tokenHasBearerPrefix: this.#bearerPrefixed });
    return retryAfterMs === undefined ? { error, fatal } : { error, fatal, retryAfterMs };
  }

  protected onSocketOpen(socket: WebSocket): void {
    socket.on('pong', () => this.#heartbeat?.acknowledge());
    this.#heartbeat?.start();
    this.markReady();
  }

  protected onText(text: string, receivedAt: number): void {
    const result = normalizePulsoidFrame(text, receivedAt);
    switch (result.kind) {
      case 'event':
        this.publish(result.event);
        return;
      case 'error':
        if (result.fatal) this.fail(result.error);
        else this.connectionLost(result.error);
        return;
      case 'malformed':
        this.reportError(result.error);
        return;
    }
  }

  protected override onDetached(): void {
    this.#heartbeat?.stop();
  }
}
