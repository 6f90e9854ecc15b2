import { EventEmitter } from 'eventemitter3';
import type { EventBus, Unsubscribe } from '../bus/event-bus.js';
import { VmscError } from '../errors.js';
import type { StreamEvent } from '../events/stream-event.js';
import { systemClock, type Clock } from '../util/clock.js';
import { Reconnector, type Backoff, type BackoffOptions } from './backoff.js';
import {
  READ_ONLY_CAPABILITIES,
  type ChatRateLimit,
  type ConnectorCapabilities,
  type SendChatOptions,
  type SendChatResult,
} from './chat.js';
import { ChatOutbox, type ChatOutboxOptions } from './chat-outbox.js';
import type { Connector, ConnectorEvents, ConnectorHealth, Gap } from './connector.js';
import type { ConnectorStatus } from './status.js';

interface PendingConnect {
  promise: Promise<void>;
  resolve(): void;
  reject(error: VmscError): void;
}

/** Options every connector accepts. */
export interface BaseConnectorOptions {
  /** The bus the connector publishes to. */
  bus: EventBus;
  /** Instance name; defaults to the source name. */
  id?: string;
  /** Reconnect backoff (defaults: spec 003's 1–16 s with 0–1 s jitter). */
  backoff?: Backoff | BackoffOptions;
  /** Time source, for tests. */
  clock?: Clock;
}

/**
 * The shared half of every connector: status machine, health, gap and error reporting (to its own
 * listeners and to the bus as notices), and a {@link Reconnector}. A connector extends it and
 * implements `connect()`/`disconnect()` on its transport.
 */
export abstract class BaseConnector implements Connector {
  readonly id: string;
  readonly source: string;
  readonly bus: EventBus;
  protected readonly clock: Clock;
  protected readonly reconnector: Reconnector;
  readonly #emitter = new EventEmitter<ConnectorEvents>();
  #status: ConnectorStatus = 'disconnected';
  #lastError: VmscError | undefined;
  #lastEventAt: number | undefined;
  #connectedAt: number | undefined;
  #eventCount = 0;
  #lastGap: Gap | undefined;
  #wanted = false;
  #pendingConnect: PendingConnect | undefined;
  #lostAt: number | undefined;

  protected constructor(source: string, options: BaseConnectorOptions) {
    this.source = source;
    this.id = options.id ?? source;
    this.bus = options.bus;
    this.clock = options.clock ?? systemClock;
    this.reconnector = new Reconnector({ backoff: options.backoff, clock: this.clock });
  }

  abstract connect(): Promise<void>;
  abstract disconnect(): Promise<void>;

  get status(): ConnectorStatus {
    return this.#status;
  }

  /** What the connector can do besides reading: by default nothing (it cannot send chat). Senders override it. */
  get capabilities(): ConnectorCapabilities {
    return READ_ONLY_CAPABILITIES;
  }

  get lastError(): VmscError | undefined {
    return this.#lastError;
  }

  get health(): ConnectorHealth {
    return {
      status: this.#status,
      lastEventAt: this.#lastEventAt,
      connectedAt: this.#connectedAt,
      eventCount: this.#eventCount,
      reconnectAttempts: this.reconnector.backoff.attempt,
      lastError: this.#lastError,
      lastGap: this.#lastGap,
    };
  }

  on<K extends keyof ConnectorEvents>(event: K, listener: (...args: ConnectorEvents[K]) => void): Unsubscribe {
    this.#emitter.on(event, listener as never);
    return () => {
      this.#emitter.off(event, listener as never);
    };
  }

  /**
   * Moves to `status`. `connected` resets the backoff and records the connection time; an `error`
   * passed along is kept as `lastError`. Emits `status` and a bus notice when the status changes.
   */
  protected setStatus(status: ConnectorStatus, error?: VmscError): void {
    if (error) this.#lastError = error;
    const previous = this.#status;
    if (status === 'connected') {
      this.#connectedAt = this.clock.now();
      this.reconnector.succeeded();
    } else if (previous === 'connected') {
      this.#connectedAt = undefined;
    }
    if (previous === status) return;
    this.#status = status;
    this.#emitter.emit('status', error ? { status, previous, error } : { status, previous });
    this.bus.notify(
      error
        ? { kind: 'status', connector: this.id, source: this.source, status, previous, error }
        : { kind: 'status', connector: this.id, source: this.source, status, previous },
    );
  }

  /**
   * Publishes a stream event to the bus and records it for `health`.
   *
   * @param receivedAt When its frame arrived, if the connector already read the clock for it (saves a read per event).
   */
  protected publish(event: StreamEvent, receivedAt: number = this.clock.now()): boolean {
    this.#lastEventAt = receivedAt;
    this.#eventCount++;
    return this.bus.publish(event);
  }

  /** Reports that events between `from` and `to` may have been missed. */
  protected reportGap(from: number, to: number, reason: string): void {
    const gap: Gap = { from, to, reason };
    this.#lastGap = gap;
    this.#emitter.emit('gap', gap);
    this.bus.notify({ kind: 'gap', connector: this.id, source: this.source, from, to, reason });
  }

  /** Reports an error that does not by itself change the status (a malformed frame, a failed subscription). */
  protected reportError(error: VmscError): void {
    this.#lastError = error;
    this.#emitter.emit('error', error);
    this.bus.notify({ kind: 'error', origin: this.id, error });
  }

  /**
   * Whether the user wants the connector connected: true from {@link startConnecting} until
   * {@link markFailed} or {@link markDisconnected}. A scheduled reconnect checks it before opening.
   */
  protected get wanted(): boolean {
    return this.#wanted;
  }

  /**
   * The shared start of `connect()`: resolves at once when connected, joins an attempt in progress,
   * otherwise moves to `connecting`, calls `open` and returns a promise that {@link markConnected}
   * resolves and {@link markFailed} / {@link markDisconnected} reject. Network failures in between
   * ({@link markLost}) keep it pending while the connector retries.
   *
   * @example
   * ```ts
   * connect(): Promise<void> {
   *   return this.startConnecting(() => this.#open());
   * }
   * ```
   */
  protected startConnecting(open: () => void): Promise<void> {
    if (this.#status === 'connected') return Promise.resolve();
    if (this.#pendingConnect) return this.#pendingConnect.promise;
    let resolve!: () => void;
    let reject!: (error: VmscError) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#pendingConnect = { promise, resolve, reject };
    this.#wanted = true;
    this.setStatus('connecting');
    open();
    return promise;
  }

  /**
   * The connection is up: status `connected` (the backoff resets), the time since the connection
   * was lost reported as a gap with `gapReason` (for platforms that do not replay), and a pending
   * `connect()` resolved.
   */
  protected markConnected(gapReason: string): void {
    this.setStatus('connected');
    if (this.#lostAt !== undefined) {
      this.reportGap(this.#lostAt, this.clock.now(), gapReason);
      this.#lostAt = undefined;
    }
    this.#settleConnect();
  }

  /**
   * The connection dropped or could not be opened: status `reconnecting` with `error`, and `reopen`
   * scheduled with the backoff (or after exactly `delayMs`, e.g. a server's Retry-After). The
   * caller closes its transport first. Does nothing once the connector is no longer {@link wanted}.
   *
   * @param options `delayMs`: retry after exactly this long; `lostAt`: when events stopped arriving, if the
   *   connector knows better than "now" (the start of the reported gap).
   */
  protected markLost(error: VmscError, reopen: () => void, options: { delayMs?: number; lostAt?: number } = {}): void {
    if (!this.#wanted) return;
    if (this.#status === 'connected' && this.#lostAt === undefined) this.#lostAt = options.lostAt ?? this.clock.now();
    this.setStatus('reconnecting', error);
    this.reconnector.schedule(() => {
      if (this.#wanted) reopen();
    }, options.delayMs);
  }

  /** Retrying cannot help (a refused token, an unknown channel): status `error`, no retry, `connect()` rejected. */
  protected markFailed(error: VmscError): void {
    this.#wanted = false;
    this.reconnector.cancel();
    this.#lostAt = undefined;
    this.setStatus('error', error);
    this.#settleConnect(error);
  }

  /**
   * The user called `disconnect()`: no retry, status `disconnected` (the last error stays in
   * `health.lastError`), and a pending `connect()` rejected with `reason`.
   */
  protected markDisconnected(reason: VmscError): void {
    this.#wanted = false;
    this.reconnector.cancel();
    this.#lostAt = undefined;
    this.setStatus('disconnected');
    this.#settleConnect(reason);
  }

  #settleConnect(error?: VmscError): void {
    const pending = this.#pendingConnect;
    this.#pendingConnect = undefined;
    if (!pending) return;
    if (error) pending.reject(error);
    else pending.resolve();
  }

  /**
   * A {@link ChatOutbox} for this connector: `send` is the platform call, paced by `rate`, with
   * notices on this connector's bus and its clock. A sending connector routes `sendChat` through it.
   */
  protected createChatOutbox<O extends SendChatOptions = SendChatOptions>(
    send: (text: string, options: Omit<O, 'idempotencyKey'>) => Promise<SendChatResult>,
    rate: () => ChatRateLimit | undefined,
    options: Omit<ChatOutboxOptions<O>, 'connector' | 'send' | 'rate' | 'notify' | 'clock'> = {},
  ): ChatOutbox<O> {
    return new ChatOutbox<O>({
      ...options,
      connector: this.id,
      send,
      rate,
      notify: (notice) => this.bus.notify(notice),
      clock: this.clock,
    });
  }

  /** Wraps anything thrown into a {@link VmscError} (unknown errors get code `INTERNAL`). */
  protected toVmscError(error: unknown, fallbackMessage = 'unexpected error'): VmscError {
    if (error instanceof VmscError) return error;
    const message = error instanceof Error ? error.message : fallbackMessage;
    return new VmscError('INTERNAL', message, { cause: error });
  }
}
