import {
  AuthError,
  Backoff,
  BaseConnector,
  ConnectionError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  TimeoutError,
  chatCapabilities,
  type ChatLimits,
  type ChatOutbox,
  type ChatRateLimit,
  type ChatSender,
  type ConnectorCapabilities,
  type SendChatResult,
  type Unsubscribe,
  type VmscError,
} from '@vmsc/core';
import type WebSocket from 'ws';
import { TokenSource } from './auth.js';
import { sendTwitchChat, TWITCH_CHAT_LIMITS, type ChatTarget } from './chat.js';
import { describeClose } from './close-codes.js';
import { TwitchMissingScopesError } from './errors.js';
import { HelixClient } from './helix.js';
import { NotificationInbox, parseFrame } from './inbox.js';
import { normalizeNotification, unknownFrameEvent } from './normalize/notification.js';
import {
  freshEventsubUrl,
  resolveUrls,
  type TwitchConnectorHealth,
  type TwitchConnectorOptions,
  type TwitchSendChatOptions,
  type TwitchUrls,
} from './options.js';
import type { RawNotificationMessage, RawRevocationMessage, RawSessionMessage } from './raw/eventsub.js';
import { closeSocket, openSocket } from './socket.js';
import type { TwitchSubscriptionHealth } from './subscription-state.js';
import { SubscriptionSet } from './subscription-set.js';
import { checkEvents, missingScopes, specsFor, TWITCH_EVENT_TYPES, type SubscriptionSpec } from './subscriptions.js';
import { KeepaliveWatchdog } from './watchdog.js';

export type { TwitchConnectorHealth, TwitchConnectorOptions, TwitchSendChatOptions, TwitchUrls } from './options.js';

const TWITCH_CAPABILITIES: ConnectorCapabilities = chatCapabilities(true);

/**
 * Twitch over EventSub WebSocket + Helix: the 24 Twitch event types of the catalogue (spec 002),
 * and chat sending.
 *
 * - `connect()` validates the token, checks that it has the scopes the chosen events need (one
 *   {@link TwitchMissingScopesError} listing all of them otherwise), resolves the broadcaster,
 *   opens the socket and creates every subscription within Twitch's 10-second window; it resolves
 *   once at least one subscription is enabled. `health.subscriptions` shows each one.
 * - Keepalive watchdog, `session_reconnect` hand-off (no resubscribe, no loss, no doubles),
 *   `message_id` dedupe, close codes 4000–4007 with core's backoff, revocations (kept revoked until
 *   {@link TwitchConnector.resubscribe}).
 *
 * @example
 * ```ts
 * const twitch = new TwitchConnector({ bus, clientId: 'abc', auth: process.env.TWITCH_TOKEN!, broadcaster: 'twitchdev' });
 * bus.on('cheer', (e) => console.log(e.user.nickname, e.data.bits));
 * await twitch.connect();
 * await twitch.sendChat('Thanks for the bits!');
 * ```
 */
export class TwitchConnector extends BaseConnector implements ChatSender<TwitchSendChatOptions> {
  readonly #options: TwitchConnectorOptions;
  readonly #urls: Required<TwitchUrls>;
  readonly #helix: HelixClient;
  readonly #specs: readonly SubscriptionSpec[];
  readonly #inbox: NotificationInbox;
  readonly #subscriptions: SubscriptionSet;
  readonly #watchdog: KeepaliveWatchdog;
  readonly #outbox: ChatOutbox<TwitchSendChatOptions>;
  #chat: ChatTarget | undefined;
  #socket: WebSocket | undefined;
  #handoff: WebSocket | undefined;
  #sessionId: string | undefined;
  #generation = 0;
  #lostReason: string | undefined;
  #lastFrameAt: number | undefined;

  constructor(options: TwitchConnectorOptions) {
    super('twitch', { ...options, id: options.id ?? `twitch:${options.broadcaster}` });
    this.#options = options;
    this.#urls = resolveUrls(options.urls);
    this.#helix = new HelixClient({
      clientId: options.clientId,
      tokens: new TokenSource(options.auth),
      helixUrl: this.#urls.helix,
      authUrl: this.#urls.auth,
    });
    this.#specs = specsFor(checkEvents(options.events ?? TWITCH_EVENT_TYPES));
    this.#inbox = new NotificationInbox(options.dedupeWindowMs ?? 600_000, options.dedupeMaxIds ?? 100_000);
    this.#subscriptions = new SubscriptionSet({
      helix: this.#helix,
      clock: this.clock,
      backoff: options.backoff instanceof Backoff ? {} : options.backoff,
      reportError: (error) => this.reportError(error),
      toVmscError: (error) => this.toVmscError(error),
    });
    this.#watchdog = new KeepaliveWatchdog(this.clock, options.keepaliveMarginMs);
    this.#outbox = this.createChatOutbox<TwitchSendChatOptions>(
      (text, sendOptions) => this.#sendNow(text, sendOptions),
      () => this.#chatRate(),
    );
  }

  /** Twitch sends chat, with threaded replies. */
  override get capabilities(): ConnectorCapabilities {
    return TWITCH_CAPABILITIES;
  }

  /** Twitch's chat limits ({@link TWITCH_CHAT_LIMITS}). */
  get chatLimits(): ChatLimits {
    return TWITCH_CHAT_LIMITS;
  }

  override toString(): string {
    return `TwitchConnector(${this.id}, ${this.status})`;
  }

  /** Every wanted subscription and its state (empty before the first `connect()`). */
  get subscriptions(): TwitchSubscriptionHealth[] {
    return this.#subscriptions.snapshots();
  }

  override get health(): TwitchConnectorHealth {
    return {
      ...super.health,
      subscriptions: this.subscriptions,
      sessionId: this.#sessionId,
      duplicatesDropped: this.#inbox.duplicatesDropped,
      staleDropped: this.#inbox.staleDropped,
    };
  }

  /** Calls `listener` whenever a subscription changes state (enabled, failed, revoked, pending). */
  onSubscriptionChange(listener: (subscription: TwitchSubscriptionHealth) => void): Unsubscribe {
    return this.#subscriptions.onChange(listener);
  }

  /**
   * Asks Twitch again for subscriptions it revoked (`authorization_revoked`, `user_removed`,
   * `version_removed`...). A revoked subscription is never re-created by itself, not even on a
   * reconnect or a new `connect()`; this is the way to want it again, e.g. once the broadcaster
   * authorized the app anew.
   *
   * @param name An EventSub type (`channel.cheer`) or a VMSC event type (`cheer`) of the `events`
   *   option; omitted: every revoked subscription.
   * @returns The state of each subscription asked for again once its create settled: `enabled`, or
   *   `failed` with the error (retried when retrying can help); `pending` when not connected (it is
   *   created on the next connect). Subscriptions that are not revoked are left alone and not returned.
   * @throws ValidationError (`TWITCH_NOT_SUBSCRIBED`) when `name` is not among the wanted subscriptions.
   *
   * @example
   * ```ts
   * twitch.onSubscriptionChange((s) => s.status === 'revoked' && console.warn(s.type, 'revoked:', s.reason));
   * // later, after the broadcaster re-authorized the app:
   * const [cheer] = await twitch.resubscribe('channel.cheer');
   * ```
   */
  resubscribe(name?: string): Promise<TwitchSubscriptionHealth[]> {
    const generation = this.#generation;
    const sessionId = this.status === 'connected' ? this.#sessionId : undefined;
    return this.#subscriptions.resubscribe(name, this.#specs, sessionId, () => this.#isCurrent(generation));
  }

  /**
   * Connects; resolves once the socket is up and at least one subscription is enabled. Rejects with
   * an `AuthError` (bad token, {@link TwitchMissingScopesError}, transports limit: see
   * `TwitchTransportsLimitError`), a `NotFoundError` (unknown broadcaster) or when `disconnect()` is called first.
   */
  connect(): Promise<void> {
    return this.startConnecting(() => void this.#start(++this.#generation));
  }

  /** Closes the sockets, stops the watchdog and retries; resolves in status `disconnected`. */
  async disconnect(): Promise<void> {
    this.#generation++;
    this.#subscriptions.sessionLost('disconnected', true);
    this.#outbox.clear(new ConnectionError('disconnect() was called before the chat message was sent', { code: 'DISCONNECTED' }));
    const sockets = this.#detach();
    this.markDisconnected(new ConnectionError('disconnect() was called before the connection was established', { code: 'DISCONNECTED' }));
    await Promise.all(sockets.map(closeSocket));
  }

  /**
   * Sends a chat message as the token's user to the broadcaster's chat (`POST /helix/chat/messages`,
   * scope `user:write:chat`), through the connector's outbox: never faster than
   * {@link TwitchConnectorOptions.chatRate}, one at a time, in order. With `replyTo` (a Twitch
   * event), it is a threaded reply to that message; an `idempotencyKey` is never sent twice.
   *
   * Rejects with core's typed errors: `ChatMessageTooLongError` (over 500, before sending),
   * {@link TwitchChatDroppedError} (a `ChatDroppedError`: Twitch accepted but dropped it, with its
   * reason: AutoMod, slow mode, duplicate...), `ChatRateLimitedError` (a 429 retried until it gives
   * up, or the outbox full), `ChatNotAllowedError` (403: scope `user:write:chat`, a ban).
   *
   * @example
   * ```ts
   * bus.on('chat', (e) => e.data.message === '!hi' && twitch.sendChat('hello!', { replyTo: e }));
   * ```
   */
  sendChat(text: string, options: TwitchSendChatOptions = {}): Promise<SendChatResult> {
    if (!this.#chat) {
      return Promise.reject(
        new ConnectionError('sendChat() needs connect() first (the broadcaster is resolved on connect)', { code: 'NOT_CONNECTED' }),
      );
    }
    return this.#outbox.send(text, options);
  }

  #sendNow(text: string, options: Omit<TwitchSendChatOptions, 'idempotencyKey'>): Promise<SendChatResult> {
    if (!this.#chat) return Promise.reject(new ConnectionError('the Twitch connector was disconnected', { code: 'NOT_CONNECTED' }));
    return sendTwitchChat(this.#helix, this.#chat, text, options);
  }

  /** The configured rate, else 100 / 30 s for the broadcaster, 20 / 30 s for anyone else. */
  #chatRate(): ChatRateLimit | undefined {
    if (this.#options.chatRate) return this.#options.chatRate;
    const elevated = this.#chat !== undefined && this.#chat.senderId === this.#chat.broadcasterId;
    return elevated ? TWITCH_CHAT_LIMITS.elevatedRate : TWITCH_CHAT_LIMITS.rate;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  #isCurrent(generation: number): boolean {
    return generation === this.#generation && this.wanted;
  }

  async #start(generation: number): Promise<void> {
    try {
      if (!this.#chat) await this.#prepare();
      if (!this.#isCurrent(generation)) return;
      this.#openFresh(generation);
    } catch (error) {
      if (!this.#isCurrent(generation)) return;
      const vmsc = this.toVmscError(error);
      // A bad token, a missing scope or an unknown channel will not fix itself; anything else may.
      if (vmsc instanceof AuthError || vmsc instanceof NotFoundError) this.#fail(vmsc);
      else this.#lose(generation, vmsc, undefined, vmsc instanceof RateLimitedError ? vmsc.retryAfterMs : undefined);
    }
  }

  /** Validates the token and its scopes, resolves the broadcaster, builds the wanted subscriptions. */
  async #prepare(): Promise<void> {
    const validated = await this.#helix.validate();
    if (validated.client_id && validated.client_id !== this.#options.clientId) {
      throw new AuthError(
        `the Twitch token was issued to another client id than "${this.#options.clientId}"; Helix would reject every call`,
        { code: 'TWITCH_CLIENT_ID_MISMATCH' },
      );
    }
    const missing = missingScopes(this.#specs, validated.scopes ?? []);
    if (missing.length > 0) throw new TwitchMissingScopesError(missing);
    const user = await this.#helix.getUser(this.#options.broadcaster);
    this.#subscriptions.init(this.#specs, user.id, validated.user_id);
    this.#chat = { broadcasterId: user.id, senderId: validated.user_id };
  }

  #openFresh(generation: number): void {
    this.#sessionId = undefined;
    this.#watchdog.keepaliveMs = (this.#options.keepaliveTimeoutSeconds ?? 10) * 1000;
    this.#socket = this.#open(freshEventsubUrl(this.#urls.eventsub, this.#options.keepaliveTimeoutSeconds), generation);
    this.#armWatchdog(generation);
  }

  #open(url: string, generation: number): WebSocket {
    const socket: WebSocket = openSocket(url, {
      message: (text) => {
        if (generation === this.#generation) this.#onFrame(socket, text, generation);
      },
      close: (code, reason) => {
        if (generation === this.#generation) this.#onClose(socket, code, reason, generation);
      },
    });
    return socket;
  }

  /** Stops the watchdog and subscription retries, forgets both sockets and returns them (to close). */
  #detach(): WebSocket[] {
    this.#watchdog.stop();
    this.#subscriptions.cancelRetry();
    const sockets = [this.#socket, this.#handoff].filter((s): s is WebSocket => s !== undefined);
    this.#socket = undefined;
    this.#handoff = undefined;
    this.#sessionId = undefined;
    return sockets;
  }

  /** Status `error`: stop everything and reject `connect()`. */
  #fail(error: VmscError): void {
    this.#generation++;
    for (const socket of this.#detach()) void closeSocket(socket);
    this.markFailed(error);
  }

  /**
   * The session is lost (or never came up): mark subscriptions, schedule a fresh reconnect with backoff,
   * or after `retryAfterMs` (a 429's retry-after) when that is longer than the backoff.
   */
  #lose(generation: number, error: VmscError, subscriptionStatus = 'websocket_disconnected', retryAfterMs?: number): void {
    if (!this.#isCurrent(generation)) return;
    for (const socket of this.#detach()) void closeSocket(socket);
    if (this.status === 'connected') this.#lostReason = error.message;
    this.#subscriptions.sessionLost(subscriptionStatus);
    // Honour a retry-after, but never retry sooner than the backoff would.
    this.markLost(error, () => void this.#start(generation), {
      delayMs: this.reconnector.backoff.nextAtLeast(retryAfterMs),
      lostAt: this.#lastFrameAt,
    });
  }

  // ---- frames ----------------------------------------------------------------------------------

  #onFrame(socket: WebSocket, text: string | null, generation: number): void {
    if (socket !== this.#socket && socket !== this.#handoff) return;
    const now = this.clock.now();
    this.#lastFrameAt = now;
    if (this.#watchdog.armed) this.#watchdog.touch(now);
    else this.#armWatchdog(generation);
    const frame = parseFrame(text);
    if (frame instanceof ProtocolError) {
      this.reportError(frame);
      return;
    }
    const type = frame?.metadata?.message_type;
    switch (type) {
      case 'notification':
        this.#onNotification(frame as unknown as RawNotificationMessage, now);
        return;
      case 'session_keepalive':
        return;
      case 'session_welcome':
        this.#onWelcome(socket, frame as unknown as RawSessionMessage, generation);
        return;
      case 'session_reconnect':
        this.#onReconnect(socket, frame as unknown as RawSessionMessage, generation);
        return;
      case 'revocation': {
        const subscription = (frame as unknown as RawRevocationMessage).payload?.subscription;
        if (subscription) this.#subscriptions.revoked(subscription);
        return;
      }
      default:
        this.publish(unknownFrameEvent(`message_type:${String(type)}`, frame, 'EventSub message type VMSC does not know', now));
    }
  }

  #onNotification(message: RawNotificationMessage, now: number): void {
    const verdict = this.#inbox.admit(message, now);
    if (verdict instanceof ProtocolError) this.reportError(verdict);
    else if (verdict !== false) {
      const includeRaw = this.#options.includeRaw === true;
      this.publish(normalizeNotification(message, now, Number.isNaN(verdict) ? { includeRaw } : { includeRaw, sentAt: verdict }), now);
    }
  }

  #onWelcome(socket: WebSocket, message: RawSessionMessage, generation: number): void {
    const session = message.payload?.session;
    if (!session?.id) {
      this.reportError(new ProtocolError('EventSub welcome without a session id'));
      return;
    }
    if (typeof session.keepalive_timeout_seconds === 'number') this.#watchdog.keepaliveMs = session.keepalive_timeout_seconds * 1000;
    this.#armWatchdog(generation);
    this.#sessionId = session.id;
    if (socket === this.#handoff) {
      // session_reconnect hand-off complete: the subscriptions moved with the session.
      const old = this.#socket;
      this.#socket = socket;
      this.#handoff = undefined;
      if (old) void closeSocket(old);
      return;
    }
    void this.#subscribe(socket, session.id, generation);
  }

  #onReconnect(socket: WebSocket, message: RawSessionMessage, generation: number): void {
    const url = message.payload?.session?.reconnect_url;
    if (socket !== this.#socket || !url) return;
    if (this.#handoff) void closeSocket(this.#handoff);
    // The URL exactly as given: no keepalive parameter, no changes.
    this.#handoff = this.#open(url, generation);
  }

  #onClose(socket: WebSocket, code: number, reason: string, generation: number): void {
    if (socket === this.#handoff) {
      this.#handoff = undefined;
      this.reportError(
        new ConnectionError(`the EventSub reconnect socket closed before its welcome: ${describeClose(code, reason).description}`),
      );
      if (!this.#socket) this.#lose(generation, new ConnectionError('EventSub session_reconnect hand-off failed'));
      return;
    }
    if (socket !== this.#socket) return;
    this.#socket = undefined;
    if (this.#handoff) return; // the old socket closed first; the new one's welcome will take over
    const info = describeClose(code, reason);
    if (code === 4001)
      this.reportError(new ProtocolError('Twitch closed the EventSub socket with 4001: the client sent a message (a bug)'));
    const error = new ConnectionError(`EventSub socket closed: ${code} ${info.description}`, { code: `TWITCH_CLOSE_${code}` });
    this.#lose(generation, error, info.subscriptionStatus);
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  async #subscribe(socket: WebSocket, sessionId: string, generation: number): Promise<void> {
    const current = () => this.#isCurrent(generation);
    const verdict = await this.#subscriptions.subscribeAll(sessionId, current);
    if (!verdict || !current() || socket !== this.#socket) return;
    if (verdict.kind === 'fail') return this.#fail(verdict.error);
    if (verdict.kind === 'retry') return this.#lose(generation, verdict.error, 'websocket_connection_unused');
    this.markConnected(`EventSub session lost (${this.#lostReason ?? 'unknown'}); Twitch does not replay missed events`);
    this.#lostReason = undefined;
    if (verdict.retryLater) this.#subscriptions.scheduleRetry(() => this.#sessionId, current);
  }

  #armWatchdog(generation: number): void {
    this.#watchdog.arm(() => {
      const seconds = this.#watchdog.keepaliveMs / 1000;
      const message = `no EventSub message for ${seconds} s (keepalive timeout) plus ${this.#watchdog.marginMs} ms: the socket is dead`;
      this.#lose(generation, new TimeoutError(message, { code: 'TWITCH_KEEPALIVE_TIMEOUT' }));
    });
  }
}
