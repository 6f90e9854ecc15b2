import {
  ChatNotAllowedError,
  chatCapabilities,
  ConnectionError,
  NotFoundError,
  ProtocolError,
  TimeoutError,
  toSecret,
  ValidationError,
  VmscError,
  type ChatLimits,
  type ChatOutbox,
  type ChatSender,
  type ConnectorCapabilities,
  type EventBus,
  type SendChatOptions,
  type SendChatResult,
  type StreamEvent,
} from '@vmsc/core';
import { WsConnector, type WsConnectorOptions } from '../../ws-connector.js';
import { diffStatus, isRawAccount, MULTISTREAMER_SOURCE, normalizeChat, normalizeViewCount, type Normalized } from './normalize.js';
import type { RawAccount, RawChat, RawRequest, RawStatus, RawViewCountResult, RawWriterResult } from './raw.js';

/** Options of {@link MultistreamerClient}. */
export interface MultistreamerClientOptions extends Omit<WsConnectorOptions, 'bus' | 'tokenIn'> {
  bus: EventBus;
  /** `ws://<host>/ws/<stream id>`; the access token is added as `?token=` (spec 004). */
  url: string;
  /** How long `sendChat` waits for a `writerresult`, ms. Default 10,000. */
  writerTimeoutMs?: number;
  /** Account to send chat from when `sendChat` is not told (default: the stream account). */
  defaultAccountId?: number;
  /** Stream account to send chat to when `sendChat` is not told (default: the first live account). */
  defaultStreamAccountId?: number;
}

/**
 * multistreamer's chat limits: spec 004 states none (the networks behind it apply theirs), so
 * nothing is checked or paced beyond sending one message at a time.
 */
export const MULTISTREAMER_CHAT_LIMITS: ChatLimits = Object.freeze({ lengthUnit: 'code-points' });

const CAPABILITIES: ConnectorCapabilities = chatCapabilities(false);

/**
 * Options of {@link MultistreamerClient.sendChat}. `replyTo` (an event this client published)
 * picks the stream account the event came from (its network and account name) when
 * `streamAccountId` is not given: the answer goes where the question was asked. multistreamer has
 * no threaded replies.
 */
export interface MultistreamerChatOptions extends SendChatOptions {
  /** The account to send from (`account_id`). */
  accountId?: number;
  /** The stream account to send to (`cur_stream_account_id`). */
  streamAccountId?: number;
  /** Send an `emote` (a `/me` action) instead of `text`. */
  emote?: boolean;
}

interface WriterWaiter {
  key: string;
  resolve: () => void;
  reject: (error: VmscError) => void;
  timer: unknown;
}

/**
 * The `multistreamer` preset: a client of the multistreamer WebSocket API (spec 004). Chat `text`
 * and `emote` messages become `chat` events (emotes flagged `data.isEmote`), `viewcountresult`
 * becomes `viewer_count`, and `status` changes become `stream_online` / `stream_offline` per
 * account; each event's source is the message's network. It can send chat too.
 *
 * @example
 * ```ts
 * const ms = new MultistreamerClient({ bus, url: 'ws://example.com/ws/21', token: process.env.MS_TOKEN });
 * await ms.connect();
 * await ms.sendChat('Hello from VMSC', { accountId: 17, streamAccountId: 14 });
 * ```
 */
export class MultistreamerClient extends WsConnector implements ChatSender<MultistreamerChatOptions> {
  readonly #writerTimeoutMs: number;
  readonly #defaultAccountId: number | undefined;
  readonly #defaultStreamAccountId: number | undefined;
  #accounts: Record<string, RawAccount> = {};
  #live = new Map<string, RawAccount>();
  readonly #writers = new Set<string>();
  readonly #waiters = new Set<WriterWaiter>();
  #statusSeen = false;
  readonly #statusWaiters = new Set<() => void>();
  readonly #outbox: ChatOutbox<MultistreamerChatOptions>;

  constructor(options: MultistreamerClientOptions) {
    super(MULTISTREAMER_SOURCE, {
      ...options,
      tokenIn: 'query',
      ...(options.token !== undefined ? { token: toSecret(options.token) } : {}),
    } as WsConnectorOptions & { token?: ReturnType<typeof toSecret> });
    this.#writerTimeoutMs = options.writerTimeoutMs ?? 10_000;
    this.#defaultAccountId = options.defaultAccountId;
    this.#defaultStreamAccountId = options.defaultStreamAccountId;
    this.#outbox = this.createChatOutbox<MultistreamerChatOptions>(
      (text, sendOptions) => this.#sendNow(text, sendOptions),
      () => undefined,
    );
  }

  /** Sends chat (no threaded replies). */
  override get capabilities(): ConnectorCapabilities {
    return CAPABILITIES;
  }

  /** {@link MULTISTREAMER_CHAT_LIMITS}: none stated. */
  get chatLimits(): ChatLimits {
    return MULTISTREAMER_CHAT_LIMITS;
  }

  /** The accounts of the last `status`, by id. */
  get accounts(): Readonly<Record<string, Readonly<RawAccount>>> {
    return this.#accounts;
  }

  /** Asks for a `status` (the answer updates accounts and may publish online/offline events). */
  requestStatus(): boolean {
    return this.#send({ type: 'status' });
  }

  /** Asks for the viewer counts (answered with `viewcountresult`, published as `viewer_count`). */
  requestViewCount(): boolean {
    return this.#send({ type: 'viewcount' });
  }

  /**
   * Sends a chat message (or emote). When the sending account is writable but not ready, it first
   * sends a `writer` request and waits for the matching `writerresult` (spec 004).
   *
   * Messages go out one at a time, in order, through the client's outbox; an `idempotencyKey` is
   * never sent twice. multistreamer does not acknowledge a message, so the result has no `messageId`.
   *
   * @throws `ConnectionError` (from @vmsc/core) when not connected; {@link NotFoundError} for an unknown or no
   * live account; a `ChatNotAllowedError` `NOT_WRITABLE` for an account that cannot write; {@link TimeoutError}
   * when no `writerresult` arrives in time.
   */
  sendChat(text: string, options: MultistreamerChatOptions = {}): Promise<SendChatResult> {
    if (typeof text !== 'string' || text.length === 0) {
      return Promise.reject(new ValidationError('invalid chat message', [{ path: 'text', message: 'must be a non-empty string' }]));
    }
    if (this.status !== 'connected') return Promise.reject(new ConnectionError(`${this.id}: not connected`));
    return this.#outbox.send(text, options);
  }

  async #sendNow(text: string, options: Omit<MultistreamerChatOptions, 'idempotencyKey'>): Promise<SendChatResult> {
    if (this.status !== 'connected') throw new ConnectionError(`${this.id}: not connected`);
    if (!this.#statusSeen) await this.#waitForStatus();
    const streamAccountId =
      options.streamAccountId ?? accountOf(this.#live, options.replyTo) ?? this.#defaultStreamAccountId ?? firstLive(this.#live);
    if (streamAccountId === undefined) throw new NotFoundError(`${this.id}: no live account to send chat to`, { code: 'NO_LIVE_ACCOUNT' });
    const accountId = options.accountId ?? this.#defaultAccountId ?? streamAccountId;
    const account = this.#accounts[String(accountId)];
    if (!account) throw new NotFoundError(`${this.id}: account ${accountId} is not in the stream's status`, { code: 'ACCOUNT_NOT_FOUND' });
    if (!account.writable) {
      throw new ChatNotAllowedError(`${this.id}: account ${accountId} (${account.name}) cannot write chat`, 'not writable', {
        code: 'NOT_WRITABLE',
      });
    }
    const key = `${accountId}:${streamAccountId}`;
    if (!account.ready && !this.#writers.has(key)) {
      const created = this.#waitForWriter(key);
      this.#send({ type: 'writer', account_id: accountId, cur_stream_account_id: streamAccountId });
      await created;
    }
    if (!this.#send({ type: options.emote ? 'emote' : 'text', account_id: accountId, cur_stream_account_id: streamAccountId, text })) {
      throw new ConnectionError(`${this.id}: the connection closed before the message was sent`);
    }
    return {};
  }

  override async disconnect(): Promise<void> {
    this.#outbox.clear(new ConnectionError(`${this.id}: disconnected before the chat message was sent`, { code: 'DISCONNECTED' }));
    for (const waiter of this.#waiters) {
      this.clock.clearTimeout(waiter.timer);
      waiter.reject(new ConnectionError(`${this.id}: disconnected while waiting for a chat writer`));
    }
    this.#waiters.clear();
    await super.disconnect();
  }

  protected override onOpen(): void {
    this.#statusSeen = false;
    this.#writers.clear();
    this.#send({ type: 'status' });
  }

  protected onText(text: string): void {
    let message: { type?: unknown } & Record<string, unknown>;
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      this.reportError(new ProtocolError(`${this.id}: a frame is not JSON`, { code: 'MALFORMED_FRAME' }));
      return;
    }
    if (typeof message !== 'object' || message === null) {
      this.reportError(new ProtocolError(`${this.id}: a message is not a JSON object`, { code: 'MALFORMED_FRAME' }));
      return;
    }
    const now = this.clock.now();
    switch (message.type) {
      case 'text':
      case 'emote':
        this.#emit(normalizeChat(message as unknown as RawChat, this.#accounts, now), message);
        return;
      case 'viewcountresult':
        this.#emit(normalizeViewCount(message as unknown as RawViewCountResult, this.#accounts, now), message);
        return;
      case 'status':
        this.#onStatus(message as unknown as RawStatus, now);
        return;
      case 'writerresult':
        this.#onWriter(message as unknown as RawWriterResult);
        return;
      default:
        this.publishUnknown(
          typeof message.type === 'string' ? message.type : '(no type)',
          message,
          'not a multistreamer message type this client maps',
        );
    }
  }

  #onStatus(message: RawStatus, now: number): void {
    if (typeof message.accounts !== 'object' || message.accounts === null) {
      this.reportError(new ProtocolError(`${this.id}: a status message has no accounts`, { code: 'MALFORMED_FRAME' }));
      return;
    }
    const accounts: Record<string, RawAccount> = {};
    const malformed: string[] = [];
    for (const [id, account] of Object.entries(message.accounts)) {
      if (isRawAccount(account)) accounts[id] = account;
      else malformed.push(id);
    }
    if (malformed.length > 0) {
      this.reportError(
        new ProtocolError(`${this.id}: status account(s) ${malformed.slice(0, 10).join(', ')} lack a name or network name; skipped`, {
          code: 'MALFORMED_FRAME',
        }),
      );
    }
    this.#accounts = accounts;
    const { results, live } = diffStatus(this.#live, { ...message, accounts }, now);
    this.#live = live;
    for (const result of results) this.#emit(result, message);
    this.#statusSeen = true;
    for (const resolve of this.#statusWaiters) resolve();
    this.#statusWaiters.clear();
  }

  #onWriter(message: RawWriterResult): void {
    const key = `${message.account_id}:${message.cur_stream_account_id}`;
    this.#writers.add(key);
    for (const waiter of [...this.#waiters]) {
      if (waiter.key !== key) continue;
      this.clock.clearTimeout(waiter.timer);
      this.#waiters.delete(waiter);
      waiter.resolve();
    }
  }

  #waitForWriter(key: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: WriterWaiter = {
        key,
        resolve,
        reject,
        timer: this.clock.setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(new TimeoutError(`${this.id}: no writerresult for ${key} within ${this.#writerTimeoutMs} ms`));
        }, this.#writerTimeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  #waitForStatus(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.#statusWaiters.delete(done);
        reject(new TimeoutError(`${this.id}: no status within ${this.#writerTimeoutMs} ms`));
      }, this.#writerTimeoutMs);
      const done = () => {
        this.clock.clearTimeout(timer);
        resolve();
      };
      this.#statusWaiters.add(done);
    });
  }

  #emit(result: Normalized, message: unknown): void {
    if (result.ok) {
      this.publish(result.event);
      return;
    }
    const reason = result.issues.map((issue) => `${issue.path || 'event'}: ${issue.message}`).join('; ');
    this.reportError(
      new ValidationError(`${this.id}: a multistreamer message could not be mapped`, result.issues, { code: 'UNMAPPED_MESSAGE' }),
    );
    this.publishUnknown(String((message as { type?: unknown }).type ?? '(no type)'), message, reason);
  }

  #send(request: RawRequest): boolean {
    return this.sendJson(request);
  }
}

/** The live stream account an event came from: same network (`meta.platform`), same account name (`meta.channel`) when known. */
function accountOf(live: ReadonlyMap<string, RawAccount>, event: StreamEvent | undefined): number | undefined {
  const network = event?.meta?.platform;
  if (typeof network !== 'string') return undefined;
  const channel = event?.meta?.channel;
  let byNetwork: number | undefined;
  for (const [id, account] of live) {
    if (account.network.name !== network) continue;
    if (account.name === channel) return Number(id);
    byNetwork ??= Number(id);
  }
  return byNetwork;
}

function firstLive(live: ReadonlyMap<string, RawAccount>): number | undefined {
  for (const id of live.keys()) return Number(id);
  return undefined;
}
