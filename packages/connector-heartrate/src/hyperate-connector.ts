import type { IncomingHttpHeaders } from 'node:http';
import { AuthError, ConnectionError, parseRetryAfter, RateLimitedError, TimeoutError, VmscError, toSecret, type Secret } from '@vmsc/core';
import type WebSocket from 'ws';
import { HypeRateAuthError, HypeRateJoinError, PhoenixReplyError } from './errors.js';
import { Heartbeat } from './heartbeat.js';
import { unknownEvent } from './normalize/events.js';
import { normalizeHypeRateFrame } from './normalize/hyperate.js';
import { encodePhoenixMessage } from './normalize/phoenix.js';
import { PHX } from './raw/phoenix.js';
import { SocketConnector, type RejectionVerdict, type SocketConnectorOptions, type SocketEndpoint } from './socket-connector.js';

/** HypeRate's Phoenix socket endpoint. */
export const HYPERATE_WS_URL = 'wss://app.hyperate.io/socket/websocket';

/** Options of {@link HypeRateConnector}. */
export interface HypeRateConnectorOptions extends SocketConnectorOptions {
  /** HypeRate WebSocket API key (from hyperate.io/api), sent as `?token=` and kept in a {@link Secret}. */
  token: string | Secret;
  /** The session/device id shown in the HypeRate app; the connector joins `hr:<deviceId>`. */
  deviceId: string;
  /** WebSocket URL (default {@link HYPERATE_WS_URL}); tests aim it at a local fake. */
  url?: string;
  /** App-level Phoenix heartbeat period, ms (default 10,000: HypeRate closes sockets that stay silent longer). */
  heartbeatIntervalMs?: number;
  /** Reconnect when a heartbeat gets no `phx_reply` within this many ms (default 10,000). */
  heartbeatTimeoutMs?: number;
  /** Reconnect when the join gets no `phx_reply` within this many ms (default 10,000). */
  joinTimeoutMs?: number;
}

/**
 * Heart rate from HypeRate over Phoenix Channels: joins `hr:<deviceId>`, sends the app-level
 * heartbeat every 10 s with a reply watchdog, and turns each `hr_update` into a `bpm_update` (source
 * `heartrate`, `data.provider: "hyperate"`, `meta.channel` = the device id).
 *
 * - A refused key (upgrade answered 401/403) stops in status `error` with a
 *   {@link HypeRateAuthError}; a refused join (`phx_reply` `status: "error"`) with a
 *   {@link HypeRateJoinError}. `connect()` rejects with them. No retry loop.
 * - A silent server (no heartbeat reply in time), `phx_error`/`phx_close` on the channel, or a
 *   network failure reconnects with core's backoff; the time without a connection is a gap.
 * - `hr: 0` (inactive session) is published with `inactive: true`; other broadcasts (e.g.
 *   `clip:created`) are published as `unknown`.
 *
 * @example
 * ```ts
 * const hyperate = new HypeRateConnector({ bus, token: process.env.HYPERATE_KEY!, deviceId: 'internal-testing' });
 * await hyperate.connect();
 * ```
 */
export class HypeRateConnector extends SocketConnector {
  readonly #token: Secret;
  readonly #url: string;
  readonly #topic: string;
  readonly #joinTimeoutMs: number;
  readonly #heartbeat: Heartbeat;
  #nextRef = 0;
  #joinRef: string | undefined;
  #joinTimer: unknown;

  constructor(options: HypeRateConnectorOptions) {
    super({ ...options, id: options.id ?? `hyperate:${options.deviceId}` });
    this.#token = toSecret(options.token);
    if (this.#token.isEmpty) throw new AuthError('HypeRate API key is empty', { code: 'HYPERATE_TOKEN_MISSING' });
    if (!options.deviceId) throw new VmscError('INVALID_OPTIONS', 'HypeRate deviceId is empty: give the id shown in the HypeRate app');
    this.#url = options.url ?? HYPERATE_WS_URL;
    this.#topic = `hr:${options.deviceId}`;
    this.#joinTimeoutMs = options.joinTimeoutMs ?? 10_000;
    const timeoutMs = options.heartbeatTimeoutMs ?? 10_000;
    this.#heartbeat = new Heartbeat({
      clock: this.clock,
      intervalMs: options.heartbeatIntervalMs ?? 10_000,
      timeoutMs,
      send: () => this.#push(PHX.socketTopic, PHX.heartbeat),
      onTimeout: () => this.connectionLost(new TimeoutError(`HypeRate did not answer a heartbeat within ${timeoutMs} ms`)),
    });
  }

  /** The Phoenix topic joined, `hr:<deviceId>`. */
  get topic(): string {
    return this.#topic;
  }

  /** Never includes the key. */
  override toString(): string {
    return `HypeRateConnector(${this.id}, ${this.status})`;
  }

  protected endpoint(): SocketEndpoint {
    const url = new URL(this.#url);
    url.searchParams.set('token', this.#token.reveal());
    return { url: url.toString() };
  }

  protected secrets(): Secret[] {
    return [this.#token];
  }

  protected classifyRejection(status: number, _body: string, headers: IncomingHttpHeaders): RejectionVerdict {
    if (status === 401 || status === 403) {
      return { error: new HypeRateAuthError(`HypeRate refused the API key (HTTP ${status})`, status), fatal: true };
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(headers['retry-after']);
      const error = new RateLimitedError('HypeRate rate limited the connection (HTTP 429)', {
        retryAfterMs,
        code: 'HYPERATE_RATE_LIMITED',
      });
      return retryAfterMs === undefined ? { error, fatal: false } : { error, fatal: false, retryAfterMs };
    }
    const fatal = status >= 400 && status < 500 && status !== 408;
    return { error: new ConnectionError(`HypeRate answered the upgrade with HTTP ${status}`, { code: 'HYPERATE_UPGRADE_REFUSED' }), fatal };
  }

  protected onSocketOpen(): void {
    this.#joinRef = this.#push(this.#topic, PHX.join);
    this.#joinTimer = this.clock.setTimeout(() => {
      this.#joinTimer = undefined;
      this.connectionLost(new TimeoutError(`HypeRate did not answer the join of "${this.#topic}" within ${this.#joinTimeoutMs} ms`));
    }, this.#joinTimeoutMs);
    this.#heartbeat.start();
  }

  protected onText(text: string, receivedAt: number): void {
    const result = normalizeHypeRateFrame(text, receivedAt);
    switch (result.kind) {
      case 'event':
        this.publish(result.event);
        return;
      case 'malformed':
        this.reportError(result.error);
        return;
      case 'channel_lost':
        if (result.topic === this.#topic) {
          this.connectionLost(
            new ConnectionError(`HypeRate ended the channel "${result.topic}" (${result.event})`, { code: 'PHOENIX_CHANNEL_LOST' }),
          );
        } else {
          this.reportError(new PhoenixReplyError(result.topic, result.event, 'a channel we did not join was closed'));
        }
        return;
      case 'reply':
        this.#onReply(result.topic, result.ref, result.status, result.reason, result.payload);
        return;
    }
  }

  protected override onDetached(): void {
    this.#heartbeat.stop();
    if (this.#joinTimer !== undefined) this.clock.clearTimeout(this.#joinTimer);
    this.#joinTimer = undefined;
    this.#joinRef = undefined;
  }

  protected override beforeClose(socket: WebSocket): void {
    socket.send(encodePhoenixMessage({ topic: this.#topic, event: PHX.leave, payload: {}, ref: String(++this.#nextRef) }));
  }

  #onReply(topic: string, ref: string | null, status: string, reason: string | undefined, payload: unknown): void {
    if (topic === PHX.socketTopic) {
      // Any reply on "phoenix" proves the socket is alive, even a late one for an earlier beat.
      this.#heartbeat.acknowledge();
      if (status !== 'ok') this.reportError(new PhoenixReplyError(topic, PHX.heartbeat, reason));
      return;
    }
    if (topic === this.#topic && ref !== null && ref === this.#joinRef) {
      if (this.#joinTimer !== undefined) this.clock.clearTimeout(this.#joinTimer);
      this.#joinTimer = undefined;
      if (status === 'ok') {
        this.markReady();
      } else if (reason !== undefined && /unauthori[sz]ed|forbidden|token/i.test(reason)) {
        this.fail(new HypeRateAuthError(`HypeRate refused to join "${topic}": ${reason}`));
      } else {
        this.fail(new HypeRateJoinError(topic, reason));
      }
      return;
    }
    if (status !== 'ok') {
      this.reportError(new PhoenixReplyError(topic, 'an earlier push', reason));
      return;
    }
    // An ok reply to nothing we are waiting for (e.g. to a join of an earlier socket): surfaced, not dropped.
    this.publish(unknownEvent(PHX.reply, { topic, ref, payload }, 'a reply to no pending request', this.clock.now()));
  }

  /** Sends a Phoenix V1 message with a fresh ref; returns the ref. */
  #push(topic: string, event: string): string {
    const ref = String(++this.#nextRef);
    this.socket?.send(encodePhoenixMessage({ topic, event, payload: {}, ref }));
    return ref;
  }
}
