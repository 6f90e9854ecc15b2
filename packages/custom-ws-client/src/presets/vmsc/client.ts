import { parseEvent, ProtocolError, toSecret, VmscError, type EventBus } from '@vmsc/core';
import { alertMessageSchema, errorMessageSchema, subscribeAckSchema, type ClientMessage, type OverlayAlert } from '@vmsc/core/protocol';
import { runtimeCanSetHeaders, WsConnector, type WsConnectorOptions } from '../../ws-connector.js';

/** Options of {@link VmscMirrorClient}. */
export interface VmscMirrorClientOptions extends Omit<WsConnectorOptions, 'bus'> {
  bus: EventBus;
  /** The other VMSC's custom WebSocket server, e.g. `ws://studio-pc:7895`. */
  url: string;
  /** Its token (sent as `Authorization: Bearer` in Node, as the `vmsc.token.<token>` subprotocol in browsers). */
  token?: WsConnectorOptions['token'];
  /** Connector name and the source of its `unknown` events (default `vmsc`); mirrored events keep their own source. */
  source?: string;
  /** Only these event types (default: all). */
  eventTypes?: readonly string[];
  /** Only these sources (default: all). */
  sources?: readonly string[];
  /**
   * Receive the server's overlay alerts (`overlay` rule actions, `server.showAlert`): the client
   * subscribes with `alerts: true` and calls this with each alert when it is its turn to show
   * (one at a time: show it for `alert.durationMs`).
   */
  onAlert?: (alert: OverlayAlert) => void;
}

/**
 * The VMSC preset: mirrors the events of another VMSC's custom WebSocket server onto this bus, each
 * unchanged (same id, source, timestamp). After every (re)connect it subscribes with `since` set to
 * the last event it received, so the server replays what was missed; ids are kept, so the bus drops
 * any duplicate. If the server no longer buffers that event, a gap is reported.
 *
 * @example
 * ```ts
 * const mirror = new VmscMirrorClient({ bus, url: 'ws://studio-pc:7895', token, eventTypes: ['gift'] });
 * await mirror.connect();
 * ```
 */
export class VmscMirrorClient extends WsConnector {
  readonly #eventTypes: readonly string[] | undefined;
  readonly #sources: readonly string[] | undefined;
  readonly #onAlert: ((alert: OverlayAlert) => void) | undefined;
  #lastEventId: string | undefined;
  #lostAt: number | undefined;
  /** Whether the last subscribe asked to resume (`since`); without it nothing missed can be replayed. */
  #resuming = false;

  constructor(options: VmscMirrorClientOptions) {
    super(options.source ?? 'vmsc', {
      ...(runtimeCanSetHeaders() ? {} : { tokenIn: 'subprotocol' as const }),
      ...options,
      ...(options.token !== undefined ? { token: toSecret(options.token) } : {}),
    } as WsConnectorOptions & { token?: ReturnType<typeof toSecret> });
    this.#eventTypes = options.eventTypes;
    this.#sources = options.sources;
    this.#onAlert = options.onAlert;
  }

  /** The id of the last mirrored event (what the next subscribe asks to resume after). */
  get lastEventId(): string | undefined {
    return this.#lastEventId;
  }

  /** The session counts as established once the server acks the subscribe (a bad token closes with 4401 first). */
  protected override get handshakeFirst(): boolean {
    return true;
  }

  protected override onOpen(): void {
    this.#resuming = this.#lastEventId !== undefined;
    const subscribe: ClientMessage = {
      action: 'subscribe',
      requestId: 'vmsc-mirror',
      ...(this.#eventTypes ? { eventTypes: [...this.#eventTypes] } : {}),
      ...(this.#sources ? { sources: [...this.#sources] } : {}),
      ...(this.#lastEventId ? { since: this.#lastEventId } : {}),
      ...(this.#onAlert ? { alerts: true } : {}),
    };
    this.sendJson(subscribe);
  }

  /** No gap yet: the subscribe with `since` replays what was missed; the ack says if it could not. */
  protected override onReconnected(lostAt: number): void {
    this.#lostAt = lostAt;
  }

  protected onText(text: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      this.reportError(new ProtocolError(`${this.id}: a frame is not JSON`, { code: 'MALFORMED_FRAME' }));
      return;
    }
    switch (message?.action) {
      case 'event': {
        const parsed = parseEvent(message.event);
        if (parsed.ok) {
          this.#lastEventId = parsed.event.id;
          this.publish(parsed.event);
        } else {
          this.reportError(parsed.error);
          this.publishUnknown('event', message.event, parsed.error.message);
        }
        return;
      }
      case 'subscribe': {
        // Acks and errors are checked with the protocol's own schemas, the ones the server is typed by.
        const ack = subscribeAckSchema.safeParse(message);
        if (!ack.success) {
          this.reportError(new ProtocolError(`${this.id}: malformed subscribe ack: ${ack.error.message}`, { code: 'UNEXPECTED_MESSAGE' }));
          return;
        }
        this.markReady();
        // Nothing received yet: resume after the newest event the server had when we subscribed.
        if (this.#lastEventId === undefined && ack.data.lastEventId !== undefined) this.#lastEventId = ack.data.lastEventId;
        const lostAt = this.#lostAt;
        this.#lostAt = undefined;
        if (lostAt !== undefined && !this.#resuming) {
          // Nothing received and nothing buffered at the first subscribe: no id to resume after.
          this.reportGap(lostAt, this.clock.now(), 'reconnected with no event to resume after; events sent meanwhile may be lost');
        } else if (ack.data.sinceFound === false) {
          this.reportGap(
            lostAt ?? this.clock.now(),
            this.clock.now(),
            `the server no longer buffers event ${this.#lastEventId}; older events may be lost`,
          );
        }
        return;
      }
      case 'alert': {
        const alert = alertMessageSchema.safeParse(message);
        if (!alert.success) {
          this.reportError(new ProtocolError(`${this.id}: malformed alert: ${alert.error.message}`, { code: 'UNEXPECTED_MESSAGE' }));
          return;
        }
        try {
          this.#onAlert?.(alert.data.alert);
        } catch (error) {
          this.reportError(
            new VmscError('ALERT_HANDLER_FAILED', `${this.id}: onAlert threw: ${(error as Error)?.message ?? String(error)}`),
          );
        }
        return;
      }
      case 'error': {
        const error = errorMessageSchema.safeParse(message);
        this.reportError(
          error.success
            ? new VmscError(error.data.code, `${this.id}: server error: ${this.redact(error.data.message)}`)
            : new ProtocolError(`${this.id}: malformed error message: ${this.redact(JSON.stringify(message).slice(0, 200))}`, {
                code: 'UNEXPECTED_MESSAGE',
              }),
        );
        return;
      }
      default:
        this.reportError(
          new ProtocolError(`${this.id}: unexpected message ${JSON.stringify(message?.action)}`, { code: 'UNEXPECTED_MESSAGE' }),
        );
    }
  }
}
