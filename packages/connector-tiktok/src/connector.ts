import {
  BaseConnector,
  ConnectionError,
  ProtocolError,
  RecentIds,
  Secret,
  VmscError,
  redact,
  toSecret,
  type StreamEvent,
} from '@vmsc/core';
import WebSocket from 'ws';
import {
  DEFAULT_DEDUPE_SIZE,
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_LIVE_POLL_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SIGN_API_URL,
  DEFAULT_SIGN_CLIENT,
  DEFAULT_STALL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  DEFAULT_WEBCAST_BASE_URL,
  DEFAULT_WEB_BASE_URL,
} from './defaults.js';
import {
  HandshakeRejectedError,
  SignApiKeyError,
  SignApiPaidFeatureError,
  SignApiRateLimitError,
  TikTokBlockedError,
  TikTokRoomNotFoundError,
  TikTokUserOfflineError,
} from './errors.js';
import { normalizeWebcastMessage, unknownMethodEvent } from './normalize/events.js';
import type { TikTokConnectorOptions } from './options.js';
import { encodeAckFrame, encodeEnterRoomFrame, encodeHeartbeatFrame } from './proto/client-frames.js';
import { decodeWebcastFrame } from './proto/decode-frame.js';
import { decodeWebcastMessage, isMappedMethod } from './proto/messages.js';
import type { RawFetchResult } from './raw/frames.js';
import { ROOM_STATUS_OFFLINE, fetchRoomStatus, normalizeUniqueId, resolveRoomId, type LookupEndpoints } from './resolve.js';
import { fetchSignedConnection, type SignedConnection } from './sign.js';
import { buildWebSocketUrl } from './ws-url.js';

/** Counters of what the connector saw, for dashboards and tests. */
export interface TikTokConnectorStats {
  /** Messages of methods the connector does not map, by method (each also published as `unknown`). */
  readonly unknownMethods: ReadonlyMap<string, number>;
  /** Messages (or whole frames) that failed to decode, were reported and skipped. */
  readonly decodeFailures: number;
  /** Messages dropped because their id was already seen. */
  readonly duplicates: number;
  /** History messages kept off the bus (`history: 'skip'`). */
  readonly historySkipped: number;
  /** Acks sent for batches that asked for one. */
  readonly acksSent: number;
  /** Heartbeats sent on the current connection. */
  readonly heartbeatsSent: number;
  /** Sign API calls made (one per connection attempt). */
  readonly signCalls: number;
}

/** Errors that retrying cannot fix. */
function isTerminal(error: VmscError): boolean {
  return (
    error instanceof TikTokRoomNotFoundError ||
    error instanceof TikTokBlockedError ||
    error instanceof SignApiKeyError ||
    error instanceof SignApiPaidFeatureError ||
    error instanceof HandshakeRejectedError
  );
}

/**
 * TikTok LIVE over the webcast WebSocket, signed by a Sign API (Euler Stream or your own).
 *
 * The sequence: uniqueId → roomId (live page, `api-live`, Sign API; or the `roomId` you pass),
 * live check, the Sign API call (its cookies and user agent are used on the socket), the WebSocket
 * with its parameters, `im_enter_room`, a heartbeat every 10 s, an ack for every batch that asks.
 * Every reconnect signs again (signed URLs expire after ~30 s) with core's backoff, or after the
 * Sign API's retry-after on 429.
 *
 * @example
 * ```ts
 * const bus = new EventBus();
 * const tiktok = new TikTokConnector({ bus, uniqueId: 'some_creator', signApi: { apiKey: process.env.EULER_API_KEY } });
 * bus.on('gift', (event) => {
 *   if (event.data.repeatEnd) console.log(`${event.user.nickname} sent ${event.data.repeatCount}x ${event.data.giftName}`);
 * });
 * await tiktok.connect();
 * ```
 */
export class TikTokConnector extends BaseConnector {
  readonly #uniqueId: string | undefined;
  readonly #givenRoomId: string | undefined;
  readonly #signUrl: string;
  readonly #apiKey: Secret | undefined;
  readonly #signClient: string;
  readonly #legacyPath: boolean;
  readonly #sessionCookie: Secret | undefined;
  readonly #userAgent: string;
  readonly #webBaseUrl: string;
  readonly #webcastBaseUrl: string;
  readonly #checkLive: boolean;
  readonly #waitUntilLive: boolean;
  readonly #livePollMs: number;
  readonly #publishHistory: boolean;
  readonly #heartbeatMs: number;
  readonly #stallTimeoutMs: number;
  readonly #requestTimeoutMs: number;
  readonly #handshakeTimeoutMs: number;
  readonly #includeRaw: boolean;
  readonly #seen: RecentIds;

  #roomId: string | undefined;
  #socket: WebSocket | undefined;
  #generation = 0;
  #heartbeatTimer: unknown;
  #heartbeatSeq = 0;
  #lastFrameAt = 0;
  #stats = {
    unknownMethods: new Map<string, number>(),
    decodeFailures: 0,
    duplicates: 0,
    historySkipped: 0,
    acksSent: 0,
    heartbeatsSent: 0,
    signCalls: 0,
  };

  constructor(options: TikTokConnectorOptions) {
    const uniqueId = options.uniqueId ? normalizeUniqueId(options.uniqueId) : undefined;
    super('tiktok', { ...options, id: options.id ?? `tiktok:${uniqueId ?? options.roomId ?? ''}` });
    if (!uniqueId && !options.roomId) throw new TypeError('TikTokConnector needs a uniqueId or a roomId');
    if (options.roomId !== undefined && !/^\d+$/.test(options.roomId)) throw new TypeError('roomId must be a decimal number string');
    this.#uniqueId = uniqueId;
    this.#givenRoomId = options.roomId;
    this.#roomId = options.roomId;
    this.#signUrl = (options.signApi?.url ?? DEFAULT_SIGN_API_URL).replace(/\/+$/, '');
    this.#apiKey = options.signApi?.apiKey ? toSecret(options.signApi.apiKey) : undefined;
    this.#signClient = options.signApi?.client ?? DEFAULT_SIGN_CLIENT;
    this.#legacyPath = options.signApi?.legacyPath ?? false;
    if (options.session) {
      const sessionId = toSecret(options.session.sessionId).reveal();
      const idc = options.session.ttTargetIdc ? `; tt-target-idc=${options.session.ttTargetIdc}` : '';
      this.#sessionCookie = new Secret(`sessionid=${sessionId}${idc}`);
    }
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#webBaseUrl = (options.webBaseUrl ?? DEFAULT_WEB_BASE_URL).replace(/\/+$/, '');
    this.#webcastBaseUrl = (options.webcastBaseUrl ?? DEFAULT_WEBCAST_BASE_URL).replace(/\/+$/, '');
    this.#checkLive = options.checkLive ?? true;
    this.#waitUntilLive = options.waitUntilLive !== undefined && options.waitUntilLive !== false;
    this.#livePollMs =
      (typeof options.waitUntilLive === 'object' ? options.waitUntilLive.pollIntervalMs : undefined) ?? DEFAULT_LIVE_POLL_MS;
    this.#publishHistory = options.history === 'publish';
    this.#heartbeatMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS;
    this.#stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    this.#includeRaw = options.includeRaw ?? false;
    this.#seen = new RecentIds(options.dedupeSize ?? DEFAULT_DEDUPE_SIZE);
  }

  /** The room id in use (given, or resolved from the uniqueId). */
  get roomId(): string | undefined {
    return this.#roomId;
  }

  /** What the connector saw so far. */
  get stats(): TikTokConnectorStats {
    return { ...this.#stats, unknownMethods: new Map(this.#stats.unknownMethods) };
  }

  /**
   * Connects and resolves once the WebSocket is open and the room entered. Rejects with a typed
   * error when the connector stops in `error` ({@link TikTokUserOfflineError} without
   * `waitUntilLive`, {@link TikTokRoomNotFoundError}, {@link TikTokBlockedError},
   * {@link SignApiKeyError}, {@link SignApiPaidFeatureError}, {@link HandshakeRejectedError}).
   * Network failures, Sign API 5xx and 429 are retried (status `reconnecting`).
   */
  connect(): Promise<void> {
    return this.startConnecting(() => void this.#attempt());
  }

  /** Stops the socket, timers and retries; resolves in status `disconnected`. Idempotent. */
  async disconnect(): Promise<void> {
    this.#generation++;
    const socket = this.#detach();
    this.markDisconnected(new ConnectionError('disconnect() was called before the connection was established', { code: 'DISCONNECTED' }));
    if (socket) await this.#closeGracefully(socket);
  }

  /** Text for logs; never contains the API key or session. */
  override toString(): string {
    return `TikTokConnector(${this.id}, ${this.status})`;
  }

  // ---- connection sequence ----

  #endpoints(): LookupEndpoints {
    return {
      webBaseUrl: this.#webBaseUrl,
      webcastBaseUrl: this.#webcastBaseUrl,
      signApiUrl: this.#signUrl,
      apiKey: this.#apiKey,
      userAgent: this.#userAgent,
      timeoutMs: this.#requestTimeoutMs,
    };
  }

  /** The room to connect to, live-checked. */
  async #liveRoom(): Promise<string> {
    let status: number | undefined;
    if (!this.#roomId) {
      const found = await resolveRoomId(this.#uniqueId!, this.#endpoints());
      this.#roomId = found.roomId;
      status = found.status;
    }
    const roomId = this.#roomId;
    if (this.#checkLive && status === undefined) status = await fetchRoomStatus(roomId, this.#endpoints());
    if (status === ROOM_STATUS_OFFLINE) {
      // A uniqueId gets a new room id for its next stream: look it up again next time.
      if (!this.#givenRoomId) this.#roomId = undefined;
      throw new TikTokUserOfflineError(`TikTok user ${this.#uniqueId ? `@${this.#uniqueId}` : `of room ${roomId}`} is not live`);
    }
    return roomId;
  }

  async #attempt(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const roomId = await this.#liveRoom();
      if (generation !== this.#generation) return;
      this.#stats.signCalls++;
      const signed = await fetchSignedConnection({
        url: this.#signUrl,
        apiKey: this.#apiKey,
        roomId,
        cursor: '',
        userAgent: this.#userAgent,
        client: this.#signClient,
        legacyPath: this.#legacyPath,
        sessionCookie: this.#sessionCookie,
        timeoutMs: this.#requestTimeoutMs,
      });
      if (generation !== this.#generation) return;
      this.#roomId = signed.roomId;
      this.#processBatch(signed.fetchResult, this.clock.now(), true);
      this.#open(signed, generation);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#failed(this.#toError(error));
    }
  }

  #open(signed: SignedConnection, generation: number): void {
    const url = buildWebSocketUrl(signed.fetchResult, signed.roomId, signed.userAgent);
    const cookie = this.#sessionCookie ? `${signed.cookieHeader}; ${this.#sessionCookie.reveal()}` : signed.cookieHeader;
    const socket = new WebSocket(url, {
      headers: { 'User-Agent': signed.userAgent, Cookie: cookie },
      handshakeTimeout: this.#handshakeTimeoutMs,
      perMessageDeflate: false,
    });
    this.#socket = socket;
    socket.binaryType = 'nodebuffer';
    const current = () => generation === this.#generation && this.#socket === socket;
    socket.on('unexpected-response', (_request, response) => {
      if (!current()) return;
      const status = response.headers['handshake-status'];
      const message = response.headers['handshake-msg'];
      const statusText = Array.isArray(status) ? status[0] : status;
      const messageText = Array.isArray(message) ? message[0] : message;
      response.resume();
      if (response.statusCode === 200 || statusText !== undefined || messageText !== undefined) {
        this.#failed(new HandshakeRejectedError(statusText ?? String(response.statusCode), messageText ?? ''));
      } else {
        this.#failed(new ConnectionError(`WebSocket upgrade answered HTTP ${response.statusCode}`, { code: 'TIKTOK_WS_REFUSED' }));
      }
      socket.terminate();
    });
    socket.on('open', () => {
      if (!current()) return;
      this.#lastFrameAt = this.clock.now();
      this.#heartbeatSeq = 0;
      this.#stats.heartbeatsSent = 0;
      socket.send(encodeEnterRoomFrame(signed.roomId));
      this.#scheduleHeartbeat(socket, signed.roomId, generation);
      this.#ready();
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!current()) return;
      this.#lastFrameAt = this.clock.now();
      if (!isBinary) {
        this.#stats.decodeFailures++;
        this.reportError(new ProtocolError('unexpected text frame on the webcast socket', { code: 'TIKTOK_TEXT_FRAME' }));
        return;
      }
      this.#onFrame(socket, data);
    });
    socket.on('error', (error) => {
      if (!current()) return;
      this.#lost(new ConnectionError(`webcast socket error: ${this.#scrub(error.message)}`, { code: 'TIKTOK_WS_ERROR' }));
    });
    socket.on('close', (code, reason) => {
      if (!current()) return;
      this.#lost(
        new ConnectionError(`webcast socket closed (${code}${reason.length ? ` ${reason.toString()}` : ''})`, { code: 'TIKTOK_WS_CLOSED' }),
      );
    });
  }

  #ready(): void {
    this.markConnected('reconnected: TikTok does not replay the events sent while disconnected');
  }

  #scheduleHeartbeat(socket: WebSocket, roomId: string, generation: number): void {
    this.#heartbeatTimer = this.clock.setTimeout(() => {
      if (generation !== this.#generation || this.#socket !== socket) return;
      if (this.#stallTimeoutMs > 0 && this.clock.now() - this.#lastFrameAt >= this.#stallTimeoutMs) {
        this.#lost(new ConnectionError(`no frame from TikTok for ${this.#stallTimeoutMs} ms`, { code: 'TIKTOK_STALLED' }));
        return;
      }
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(encodeHeartbeatFrame(roomId, ++this.#heartbeatSeq));
        this.#stats.heartbeatsSent++;
      }
      this.#scheduleHeartbeat(socket, roomId, generation);
    }, this.#heartbeatMs);
  }

  // ---- frames and messages ----

  #onFrame(socket: WebSocket, data: Buffer): void {
    let decoded;
    try {
      decoded = decodeWebcastFrame(data);
    } catch (error) {
      this.#stats.decodeFailures++;
      this.reportError(this.#toError(error));
      return;
    }
    const { frame, batch } = decoded;
    if (!batch) return;
    if (batch.needAck && socket.readyState === WebSocket.OPEN) {
      socket.send(encodeAckFrame(frame.logId, batch.internalExt));
      this.#stats.acksSent++;
    }
    this.#processBatch(batch, this.clock.now(), false);
  }

  #processBatch(batch: RawFetchResult, receivedAt: number, fromSign: boolean): void {
    const roomId = this.#roomId;
    for (const message of batch.messages) {
      const history = fromSign || message.isHistory;
      if (message.msgId !== '0' && !this.#seen.add(message.msgId)) {
        this.#stats.duplicates++;
        continue;
      }
      let event: StreamEvent;
      if (!isMappedMethod(message.method)) {
        const method = message.method || '(no method)';
        this.#stats.unknownMethods.set(method, (this.#stats.unknownMethods.get(method) ?? 0) + 1);
        event = unknownMethodEvent(message, { receivedAt, roomId, history, msgId: message.msgId });
      } else {
        let decoded;
        try {
          decoded = decodeWebcastMessage(message.method, message.payload);
        } catch (error) {
          this.#stats.decodeFailures++;
          this.reportError(
            new ProtocolError(
              `cannot decode ${message.method} (msgId ${message.msgId}, ${message.payload.length} bytes): ${(error as Error).message}; skipped`,
              { code: 'TIKTOK_BAD_MESSAGE', cause: error },
            ),
          );
          continue;
        }
        if (message.msgId === '0') {
          const commonId = decoded.message.common?.msgId;
          if (commonId && commonId !== '0' && !this.#seen.add(commonId)) {
            this.#stats.duplicates++;
            continue;
          }
        }
        event = normalizeWebcastMessage(decoded, { receivedAt, roomId, history, msgId: message.msgId, includeRaw: this.#includeRaw });
      }
      if (history && !this.#publishHistory) {
        this.#stats.historySkipped++;
        continue;
      }
      this.publish(event);
      if (!history && event.type === 'stream_offline') {
        this.#streamEnded();
        return;
      }
    }
  }

  /** Control action 3/4: the stream is over. Close cleanly; wait for the next one if asked. */
  #streamEnded(): void {
    const socket = this.#detach();
    if (socket) void this.#closeGracefully(socket);
    if (!this.#givenRoomId) this.#roomId = undefined;
    if (this.#waitUntilLive && this.wanted) {
      this.setStatus('reconnecting', new TikTokUserOfflineError('the TikTok stream ended; waiting for the next one'));
      this.reconnector.schedule(() => this.#retry(), this.#livePollMs);
      return;
    }
    // The `disconnected` status carries the reason, and it replaces an older error (a decode error
    // from mid-stream) as health.lastError: a clean end is the latest news.
    const ended = new TikTokUserOfflineError('the TikTok stream ended');
    this.setStatus('disconnected', ended);
    this.markDisconnected(ended);
  }

  // ---- failures ----

  #failed(error: VmscError): void {
    if (!this.wanted) return;
    if (error instanceof TikTokUserOfflineError && this.#waitUntilLive) {
      this.#detach();
      this.setStatus('reconnecting', error);
      this.reconnector.schedule(() => this.#retry(), this.#livePollMs);
      return;
    }
    if (error instanceof TikTokUserOfflineError || isTerminal(error)) {
      this.#generation++;
      this.#detach();
      this.markFailed(error);
      return;
    }
    const delay = error instanceof SignApiRateLimitError && error.retryAfterMs !== undefined ? error.retryAfterMs : undefined;
    this.#lost(error, delay);
  }

  #lost(error: VmscError, delayMs?: number): void {
    if (!this.wanted) return;
    const socket = this.#detach();
    socket?.terminate();
    // Honour a retry-after, but never retry sooner than the backoff would.
    this.markLost(error, () => this.#retry(), { delayMs: this.reconnector.backoff.nextAtLeast(delayMs) });
  }

  #retry(): void {
    if (this.wanted) void this.#attempt();
  }

  #detach(): WebSocket | undefined {
    if (this.#heartbeatTimer !== undefined) this.clock.clearTimeout(this.#heartbeatTimer);
    this.#heartbeatTimer = undefined;
    const socket = this.#socket;
    this.#socket = undefined;
    return socket;
  }

  #closeGracefully(socket: WebSocket): Promise<void> {
    if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    if (socket.readyState !== WebSocket.OPEN) {
      socket.terminate();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        socket.terminate();
        resolve();
      }, 2_000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.close(1000);
    });
  }

  #scrub(text: string): string {
    return redact(text, [this.#apiKey, this.#sessionCookie]);
  }

  #toError(error: unknown): VmscError {
    if (error instanceof VmscError) return error;
    return this.toVmscError(error instanceof Error ? new Error(this.#scrub(error.message)) : error);
  }
}
