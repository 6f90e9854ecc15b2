import {
  AuthError,
  Backoff,
  BaseConnector,
  ConnectionError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  TimeoutError,
  ValidationError,
  VmscError,
  type BaseConnectorOptions,
  type ChatSender,
  type ConnectorHealth,
  type SendChatResult,
  type Unsubscribe,
  parseTimestamp,
} from '@vmsc/core';
import WebSocket from 'ws';
import { TokenSource, type TwitchAuth } from './auth.js';
import { describeClose } from './close-codes.js';
import { MessageDeduplicator } from './dedupe.js';
import { TwitchChatDroppedError, TwitchMissingScopesError, TwitchSubscriptionError, TwitchTransportsLimitError } from './errors.js';
import { HelixClient, helixMessage, retryAfterOf } from './helix.js';
import { normalizeNotification, unknownFrameEvent } from './normalize/notification.js';
import type { RawFrame, RawNotificationMessage, RawRevocationMessage, RawSessionMessage } from './raw/eventsub.js';
import { SubscriptionState, type TwitchSubscriptionHealth } from './subscription-state.js';
import { checkEvents, conditionFor, missingScopes, specsFor, TWITCH_EVENT_TYPES, type TwitchEventType } from './subscriptions.js';

/** Twitch's endpoints; override them to point the connector at a local fake. */
export interface TwitchUrls {
  /** EventSub WebSocket. Default `wss://eventsub.wss.twitch.tv/ws`. */
  eventsub?: string;
  /** Helix base. Default `https://api.twitch.tv/helix`. */
  helix?: string;
  /** OAuth base (for `/validate`). Default `https://id.twitch.tv/oauth2`. */
  auth?: string;
}

/** Options of {@link TwitchConnector}. */
export interface TwitchConnectorOptions extends BaseConnectorOptions {
  /** Your application's client id (the one the token was issued to). */
  clientId: string;
  /** A user access token, or a provider that can refresh it. Kept in a `Secret`. */
  auth: TwitchAuth;
  /** The channel: a login (`twitchdev`) or a numeric user id; resolved through Helix. */
  broadcaster: string;
  /**
   * The event types to subscribe to. Default: all 24 Twitch types. An unknown name throws a
   * `TwitchUnknownEventError` (listing the valid ones) from the constructor.
   */
  events?: readonly TwitchEventType[];
  /** `keepalive_timeout_seconds` to ask for (10–600; Twitch clamps). Default: Twitch's (10). */
  keepaliveTimeoutSeconds?: number;
  /** Extra silence tolerated beyond the keepalive timeout before the socket is declared dead. Default 20 % of it. */
  keepaliveMarginMs?: number;
  /** Window for `message_id` dedupe; older messages are dropped too. Default 10 minutes. */
  dedupeWindowMs?: number;
  /**
   * The most `message_id`s remembered for dedupe (oldest forgotten first), so memory stays bounded
   * whatever the rate. Default 100,000 (about 10 MB; a whole 10-minute window up to ~160 messages/s).
   */
  dedupeMaxIds?: number;
  /** Endpoints (tests point these at the fake). */
  urls?: TwitchUrls;
  /** Keep Twitch's raw `payload.event` as each event's `raw` (debugging; costs memory). Default false. */
  includeRaw?: boolean;
}

/** Options of {@link TwitchConnector.sendChat}. */
export interface TwitchSendChatOptions {
  /** Reply to this chat message id (`data.messageId` of a `chat` event). */
  replyTo?: string;
}

/** {@link ConnectorHealth} plus the state of each EventSub subscription. */
export interface TwitchConnectorHealth extends ConnectorHealth {
  /** Every wanted subscription and where it stands: "socket connected" is not "subscribed". */
  subscriptions: TwitchSubscriptionHealth[];
  /** The current EventSub session id. */
  sessionId: string | undefined;
  /** Redelivered messages dropped by `message_id`. */
  duplicatesDropped: number;
  /** Messages dropped because they were older than the dedupe window. */
  staleDropped: number;
}

const DEFAULT_URLS: Required<TwitchUrls> = {
  eventsub: 'wss://eventsub.wss.twitch.tv/ws',
  helix: 'https://api.twitch.tv/helix',
  auth: 'https://id.twitch.tv/oauth2',
};

interface Prepared {
  tokenUserId: string;
  scopes: string[];
  broadcaster: { id: string; login: string };
}

/**
 * Twitch over EventSub WebSocket + Helix: the 24 Twitch event types of the catalogue (spec 002),
 * and chat sending.
 *
 * - `connect()` validates the token, checks that it has the scopes the chosen events need (one
 *   {@link TwitchMissingScopesError} listing all of them otherwise), resolves the broadcaster,
 *   opens the socket and creates every subscription within Twitch's 10-second window; it resolves
 *   once at least one subscription is enabled. `health.subscriptions` shows each one.
 * - Keepalive watchdog, `session_reconnect` hand-off (no resubscribe, no loss, no doubles),
 *   `message_id` dedupe, close codes 4000–4007 with core's backoff, revocations.
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
  readonly #tokens: TokenSource;
  readonly #helix: HelixClient;
  readonly #events: readonly TwitchEventType[];
  readonly #dedupe: MessageDeduplicator;
  readonly #dedupeWindowMs: number;
  readonly #subscriptionBackoff: Backoff;
  readonly #subscriptionListeners = new Set<(subscription: TwitchSubscriptionHealth) => void>();
  #prepared: Prepared | undefined;
  #states: SubscriptionState[] = [];
  #socket: WebSocket | undefined;
  #handoff: WebSocket | undefined;
  #sessionId: string | undefined;
  #keepaliveMs = 10_000;
  #watchdog: unknown;
  #subscriptionRetry: unknown;
  #running = false;
  #generation = 0;
  #waiter: { promise: Promise<void>; resolve: () => void; reject: (error: VmscError) => void } | undefined;
  #lostAt: number | undefined;
  #lostReason: string | undefined;
  #lastFrameAt: number | undefined;
  #staleIds: string[] = [];
  #duplicatesDropped = 0;
  #staleDropped = 0;

  constructor(options: TwitchConnectorOptions) {
    super('twitch', { ...options, id: options.id ?? `twitch:${options.broadcaster}` });
    this.#options = options;
    this.#urls = { ...DEFAULT_URLS, ...stripUndefined(options.urls ?? {}) };
    this.#tokens = new TokenSource(options.auth);
    this.#helix = new HelixClient({
      clientId: options.clientId,
      tokens: this.#tokens,
      helixUrl: this.#urls.helix,
      authUrl: this.#urls.auth,
    });
    this.#events = checkEvents(options.events ?? TWITCH_EVENT_TYPES);
    this.#dedupeWindowMs = options.dedupeWindowMs ?? 600_000;
    this.#dedupe = new MessageDeduplicator(this.#dedupeWindowMs, options.dedupeMaxIds ?? 100_000);
    this.#subscriptionBackoff = new Backoff(options.backoff instanceof Backoff ? {} : options.backoff);
  }

  override toString(): string {
    return `TwitchConnector(${this.id}, ${this.status})`;
  }

  /** Every wanted subscription and its state (empty before the first `connect()`). */
  get subscriptions(): TwitchSubscriptionHealth[] {
    return this.#states.map((state) => state.snapshot());
  }

  override get health(): TwitchConnectorHealth {
    return {
      ...super.health,
      subscriptions: this.subscriptions,
      sessionId: this.#sessionId,
      duplicatesDropped: this.#duplicatesDropped,
      staleDropped: this.#staleDropped,
    };
  }

  /** Calls `listener` whenever a subscription changes state (enabled, failed, revoked, pending). */
  onSubscriptionChange(listener: (subscription: TwitchSubscriptionHealth) => void): Unsubscribe {
    this.#subscriptionListeners.add(listener);
    return () => {
      this.#subscriptionListeners.delete(listener);
    };
  }

  /**
   * Asks Twitch again for subscriptions it revoked (`authorization_revoked`, `user_removed`,
   * `version_removed`...). A revoked subscription is never re-created by itself, not even on a
   * reconnect; this is the way to want it again, e.g. once the broadcaster authorized the app anew.
   *
   * @param name An EventSub type (`channel.cheer`) or a VMSC event type (`cheer`) of the `events`
   *   option; omitted: every revoked subscription.
   * @returns The state of each subscription asked for again once its create settled: `enabled`, or
   *   `failed` with the error (retried when retrying can help); `pending` when not connected (it is
   *   created on the next connect). Not revoked ones are left as they are and not returned.
   * @throws ValidationError (`TWITCH_NOT_SUBSCRIBED`) when `name` is not among the wanted subscriptions.
   *
   * @example
   * ```ts
   * twitch.onSubscriptionChange((s) => s.status === 'revoked' && console.warn(s.type, 'revoked:', s.reason));
   * // later, after the broadcaster re-authorized the app:
   * const [cheer] = await twitch.resubscribe('channel.cheer');
   * ```
   */
  async resubscribe(name?: string): Promise<TwitchSubscriptionHealth[]> {
    const matches = (spec: { type: string; events: readonly string[] }) =>
      name === undefined || spec.type === name || spec.events.includes(name);
    if (name !== undefined && !specsFor(this.#events).some(matches)) {
      const wanted = specsFor(this.#events).map((spec) => spec.type);
      throw new ValidationError(
        `cannot resubscribe to "${name}"`,
        [{ path: 'name', message: `not a wanted subscription (wanted: ${wanted.join(', ')})` }],
        {
          code: 'TWITCH_NOT_SUBSCRIBED',
        },
      );
    }
    const targets = this.#states.filter((state) => state.status === 'revoked' && matches(state.spec));
    for (const state of targets) {
      state.error = undefined;
      this.#setState(state, 'pending', 'resubscribe requested');
    }
    const sessionId = this.#sessionId;
    const generation = this.#generation;
    if (this.#running && this.status === 'connected' && sessionId !== undefined && targets.length > 0) {
      await Promise.all(targets.map((state) => this.#createOne(state, sessionId, generation)));
      if (generation === this.#generation && targets.some((state) => state.status === 'failed' && state.retryable))
        this.#scheduleSubscriptionRetry(generation);
    }
    return targets.map((state) => state.snapshot());
  }

  connect(): Promise<void> {
    if (this.#waiter) return this.#waiter.promise;
    if (this.#running && this.status === 'connected') return Promise.resolve();
    let resolve!: () => void;
    let reject!: (error: VmscError) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#waiter = { promise, resolve, reject };
    this.#running = true;
    const generation = ++this.#generation;
    this.setStatus('connecting');
    void this.#start(generation);
    return promise;
  }

  async disconnect(): Promise<void> {
    this.#running = false;
    this.#generation++;
    this.reconnector.cancel();
    this.#clearTimers();
    for (const state of this.#states) {
      if (state.status === 'enabled' && state.id) this.#staleIds.push(state.id);
      if (state.status !== 'revoked') this.#setState(state, 'pending', 'disconnected');
    }
    const sockets = [this.#socket, this.#handoff].filter((s): s is WebSocket => s !== undefined);
    this.#socket = undefined;
    this.#handoff = undefined;
    this.#sessionId = undefined;
    await Promise.all(sockets.map(closeSocket));
    const waiter = this.#waiter;
    this.#waiter = undefined;
    this.setStatus('disconnected');
    waiter?.reject(new ConnectionError('disconnect() was called before the connection was established', { code: 'DISCONNECTED' }));
  }

  /**
   * Sends a chat message as the token's user to the broadcaster's chat (`POST /helix/chat/messages`,
   * scope `user:write:chat`). Twitch may accept the request but drop the message (AutoMod, slow mode,
   * duplicate...): that rejects with {@link TwitchChatDroppedError} carrying Twitch's reason.
   *
   * @example
   * ```ts
   * bus.on('chat', (e) => e.data.message === '!hi' && twitch.sendChat('hello!', { replyTo: e.data.messageId }));
   * ```
   */
  async sendChat(text: string, options: TwitchSendChatOptions = {}): Promise<SendChatResult> {
    const prepared = this.#prepared;
    if (!prepared)
      throw new ConnectionError('sendChat() needs connect() first (the broadcaster is resolved on connect)', { code: 'NOT_CONNECTED' });
    if (text.length === 0) throw new ProtocolError('a Twitch chat message cannot be empty', { code: 'TWITCH_CHAT_INVALID' });
    const body: { broadcaster_id: string; sender_id: string; message: string; reply_parent_message_id?: string } = {
      broadcaster_id: prepared.broadcaster.id,
      sender_id: prepared.tokenUserId,
      message: text,
    };
    if (options.replyTo) body.reply_parent_message_id = options.replyTo;
    const response = await this.#helix.sendChat(body);
    const result = response.body?.data?.[0];
    if (response.status === 200 && result) {
      if (result.is_sent) return { messageId: result.message_id };
      throw new TwitchChatDroppedError(result.drop_reason?.code ?? 'unknown', result.drop_reason?.message ?? 'no reason given');
    }
    const message = helixMessage(response.body, response.status);
    if (response.status === 403) throw new AuthError(`Twitch refused to send the chat message: ${message} (scope user:write:chat needed)`);
    if (response.status === 429) throw new TwitchChatDroppedError('rate_limited', message);
    throw new ProtocolError(`Twitch POST /helix/chat/messages answered ${response.status}: ${message}`);
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async #start(generation: number): Promise<void> {
    try {
      if (!this.#prepared) await this.#prepare();
      if (generation !== this.#generation) return;
      this.#openFresh(generation);
    } catch (error) {
      if (generation !== this.#generation) return;
      const vmsc = this.toVmscError(error);
      // A bad token, a missing scope or an unknown channel will not fix itself; anything else may.
      if (vmsc instanceof AuthError || vmsc instanceof NotFoundError) this.#fail(vmsc);
      else this.#retry(generation, vmsc, undefined, vmsc instanceof RateLimitedError ? vmsc.retryAfterMs : undefined);
    }
  }

  async #prepare(): Promise<void> {
    const validated = await this.#helix.validate();
    if (validated.client_id && validated.client_id !== this.#options.clientId) {
      throw new AuthError(
        `the Twitch token was issued to another client id than "${this.#options.clientId}"; Helix would reject every call`,
        { code: 'TWITCH_CLIENT_ID_MISMATCH' },
      );
    }
    const scopes = validated.scopes ?? [];
    const specs = specsFor(this.#events);
    const missing = missingScopes(specs, scopes);
    if (missing.length > 0) throw new TwitchMissingScopesError(missing);
    const user = await this.#helix.getUser(this.#options.broadcaster);
    const prepared: Prepared = { tokenUserId: validated.user_id, scopes, broadcaster: { id: user.id, login: user.login } };
    const now = this.clock.now();
    this.#states = specs.map((spec) => new SubscriptionState(spec, conditionFor(spec, user.id, validated.user_id), now));
    this.#prepared = prepared;
  }

  #openFresh(generation: number): void {
    if (!this.#running || generation !== this.#generation) return;
    let url = this.#urls.eventsub;
    if (this.#options.keepaliveTimeoutSeconds !== undefined) {
      url += `${url.includes('?') ? '&' : '?'}keepalive_timeout_seconds=${Math.round(this.#options.keepaliveTimeoutSeconds)}`;
    }
    this.#sessionId = undefined;
    this.#keepaliveMs = (this.#options.keepaliveTimeoutSeconds ?? 10) * 1000;
    this.#socket = this.#open(url, generation);
    this.#armWatchdog(generation);
  }

  #open(url: string, generation: number): WebSocket {
    const socket = new WebSocket(url);
    socket.on('message', (data, isBinary) => {
      if (generation !== this.#generation) return;
      this.#onFrame(socket, isBinary ? null : data.toString(), generation);
    });
    socket.on('close', (code, reason) => {
      if (generation !== this.#generation) return;
      this.#onClose(socket, code, reason.toString(), generation);
    });
    socket.on('error', () => undefined);
    return socket;
  }

  /** Status `error`: stop everything and reject `connect()`. */
  #fail(error: VmscError): void {
    this.#running = false;
    this.#generation++;
    this.reconnector.cancel();
    this.#clearTimers();
    for (const socket of [this.#socket, this.#handoff]) if (socket) void closeSocket(socket);
    this.#socket = undefined;
    this.#handoff = undefined;
    this.setStatus('error', error);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.reject(error);
  }

  /**
   * The session is lost (or never came up): mark subscriptions, schedule a fresh reconnect with backoff,
   * or after `retryAfterMs` (a 429's retry-after) when that is longer than the backoff.
   */
  #retry(generation: number, error: VmscError, subscriptionStatus = 'websocket_disconnected', retryAfterMs?: number): void {
    if (!this.#running || generation !== this.#generation) return;
    this.#clearTimers();
    for (const socket of [this.#socket, this.#handoff]) if (socket) void closeSocket(socket);
    this.#socket = undefined;
    this.#handoff = undefined;
    this.#sessionId = undefined;
    if (this.status === 'connected') {
      this.#lostAt = this.#lastFrameAt ?? this.clock.now();
      this.#lostReason = error.message;
    }
    for (const state of this.#states) {
      if (state.status === 'enabled' && state.id) this.#staleIds.push(state.id);
      if (state.status === 'enabled' || state.status === 'pending') this.#setState(state, 'pending', subscriptionStatus);
    }
    this.setStatus('reconnecting', error);
    // Honour a retry-after, but never retry sooner than the backoff would.
    this.reconnector.schedule(() => this.#start(generation), this.reconnector.backoff.nextAtLeast(retryAfterMs));
  }

  // ---- frames ----------------------------------------------------------------------------------

  #onFrame(socket: WebSocket, text: string | null, generation: number): void {
    if (socket !== this.#socket && socket !== this.#handoff) return;
    const now = this.clock.now();
    this.#lastFrameAt = now;
    this.#armWatchdog(generation);
    if (text === null) {
      this.reportError(new ProtocolError('EventSub sent a binary frame; only JSON text frames are expected'));
      return;
    }
    let frame: RawFrame;
    try {
      frame = JSON.parse(text) as RawFrame;
    } catch (error) {
      this.reportError(new ProtocolError(`EventSub sent a frame that is not JSON: ${text.slice(0, 120)}`, { cause: error }));
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
      case 'revocation':
        this.#onRevocation(frame as unknown as RawRevocationMessage);
        return;
      default:
        this.publish(unknownFrameEvent(`message_type:${String(type)}`, frame, 'EventSub message type VMSC does not know', now));
    }
  }

  #onNotification(message: RawNotificationMessage, now: number): void {
    const id = message.metadata.message_id;
    const sentAt = parseTimestamp(message.metadata.message_timestamp);
    if (sentAt !== undefined && now - sentAt > this.#dedupeWindowMs) {
      this.#staleDropped++;
      this.reportError(
        new ProtocolError(
          `dropped EventSub message ${id}: sent ${Math.round((now - sentAt) / 1000)} s ago (older than the dedupe window)`,
          {
            code: 'TWITCH_STALE_MESSAGE',
          },
        ),
      );
      return;
    }
    if (typeof id === 'string' && this.#dedupe.isDuplicate(id, now)) {
      this.#duplicatesDropped++;
      return;
    }
    this.publish(normalizeNotification(message, now, { includeRaw: this.#options.includeRaw === true }));
  }

  #onWelcome(socket: WebSocket, message: RawSessionMessage, generation: number): void {
    const session = message.payload?.session;
    if (!session?.id) {
      this.reportError(new ProtocolError('EventSub welcome without a session id'));
      return;
    }
    if (typeof session.keepalive_timeout_seconds === 'number') this.#keepaliveMs = session.keepalive_timeout_seconds * 1000;
    this.#armWatchdog(generation);
    if (socket === this.#handoff) {
      // session_reconnect hand-off complete: the subscriptions moved with the session.
      const old = this.#socket;
      this.#socket = socket;
      this.#handoff = undefined;
      this.#sessionId = session.id;
      if (old) void closeSocket(old);
      return;
    }
    this.#sessionId = session.id;
    void this.#subscribeAll(socket, session.id, generation);
  }

  #onReconnect(socket: WebSocket, message: RawSessionMessage, generation: number): void {
    const url = message.payload?.session?.reconnect_url;
    if (socket !== this.#socket || !url) return;
    if (this.#handoff) void closeSocket(this.#handoff);
    // The URL exactly as given: no keepalive parameter, no changes.
    this.#handoff = this.#open(url, generation);
  }

  #onRevocation(message: RawRevocationMessage): void {
    const subscription = message.payload?.subscription;
    if (!subscription) return;
    const state =
      this.#states.find((s) => s.id !== undefined && s.id === subscription.id) ??
      this.#states.find((s) => s.spec.type === subscription.type && s.status === 'enabled');
    if (state) {
      this.#setState(state, 'revoked', subscription.status);
      state.id = undefined;
    }
    this.reportError(
      new TwitchSubscriptionError(subscription.type, `revoked by Twitch (${subscription.status})`, { code: 'TWITCH_SUBSCRIPTION_REVOKED' }),
    );
  }

  #onClose(socket: WebSocket, code: number, reason: string, generation: number): void {
    if (socket === this.#handoff) {
      this.#handoff = undefined;
      this.reportError(
        new ConnectionError(`the EventSub reconnect socket closed before its welcome: ${describeClose(code, reason).description}`),
      );
      if (!this.#socket) this.#retry(generation, new ConnectionError('EventSub session_reconnect hand-off failed'));
      return;
    }
    if (socket !== this.#socket) return;
    this.#socket = undefined;
    if (this.#handoff) return; // the old socket closed first; the new one's welcome will take over
    const info = describeClose(code, reason);
    if (code === 4001)
      this.reportError(new ProtocolError('Twitch closed the EventSub socket with 4001: the client sent a message (a bug)'));
    const error = new ConnectionError(`EventSub socket closed: ${code} ${info.description}`, { code: `TWITCH_CLOSE_${code}` });
    this.#retry(generation, error, info.subscriptionStatus);
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  async #subscribeAll(socket: WebSocket, sessionId: string, generation: number): Promise<void> {
    const stale = this.#staleIds.splice(0);
    if (stale.length > 0) await Promise.allSettled(stale.map((id) => this.#helix.deleteSubscription(id)));
    // Revoked subscriptions stay revoked until resubscribe(): Twitch said no, asking again on every reconnect would hide it.
    const wanted = this.#states.filter((state) => state.status !== 'enabled' && state.status !== 'revoked');
    let fatal: VmscError | undefined;
    await Promise.all(
      wanted.map(async (state) => {
        const error = await this.#createOne(state, sessionId, generation);
        if (error instanceof TwitchTransportsLimitError || error instanceof AuthError) fatal ??= error;
      }),
    );
    if (generation !== this.#generation || socket !== this.#socket) return;
    if (fatal) {
      this.#fail(fatal);
      return;
    }
    this.#afterSubscribe(generation);
  }

  #afterSubscribe(generation: number): void {
    const enabled = this.#states.filter((state) => state.status === 'enabled').length;
    const failed = this.#states.filter((state) => state.status === 'failed');
    if (enabled === 0) {
      if (this.#states.every((state) => state.status === 'revoked')) {
        this.#fail(
          new TwitchSubscriptionError('eventsub', 'Twitch revoked every subscription; call resubscribe() to ask again', {
            code: 'TWITCH_SUBSCRIPTION_REVOKED',
          }),
        );
      } else if (failed.length > 0 && failed.every((state) => !state.retryable)) {
        this.#fail(failed[0]!.error ?? new TwitchSubscriptionError('eventsub', 'no subscription could be created'));
      } else {
        this.#retry(
          generation,
          new ConnectionError('no EventSub subscription could be created on this session'),
          'websocket_connection_unused',
        );
      }
      return;
    }
    this.setStatus('connected');
    this.#subscriptionBackoff.reset();
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.resolve();
    if (this.#lostAt !== undefined) {
      this.reportGap(
        this.#lostAt,
        this.clock.now(),
        `EventSub session lost (${this.#lostReason ?? 'unknown'}); Twitch does not replay missed events`,
      );
      this.#lostAt = undefined;
      this.#lostReason = undefined;
    }
    if (failed.some((state) => state.retryable)) this.#scheduleSubscriptionRetry(generation);
  }

  #scheduleSubscriptionRetry(generation: number): void {
    if (this.#subscriptionRetry !== undefined) return;
    this.#subscriptionRetry = this.clock.setTimeout(() => {
      this.#subscriptionRetry = undefined;
      const socket = this.#socket;
      const sessionId = this.#sessionId;
      if (!socket || !sessionId || generation !== this.#generation) return;
      const retry = this.#states.filter((state) => state.status === 'failed' && state.retryable);
      void Promise.all(retry.map((state) => this.#createOne(state, sessionId, generation))).then(() => {
        if (generation !== this.#generation) return;
        if (this.#states.some((state) => state.status === 'failed' && state.retryable)) this.#scheduleSubscriptionRetry(generation);
        else this.#subscriptionBackoff.reset();
      });
    }, this.#subscriptionRetryDelay());
  }

  /** The subscription backoff's next delay, or the longest retry-after a rate-limited create asked for if later. */
  #subscriptionRetryDelay(): number {
    const backoff = this.#subscriptionBackoff.next();
    const asked = this.#states.map((state) => (state.status === 'failed' && state.retryable ? (state.retryAfterMs ?? 0) : 0));
    return Math.max(backoff, ...asked);
  }

  /** Creates one subscription; returns the error when it failed. */
  async #createOne(state: SubscriptionState, sessionId: string, generation: number): Promise<VmscError | undefined> {
    const { spec } = state;
    let error: VmscError;
    state.retryAfterMs = undefined;
    try {
      const response = await this.#helix.createSubscription({
        type: spec.type,
        version: spec.version,
        condition: state.condition,
        sessionId,
      });
      if (generation !== this.#generation) return undefined;
      const created = response.body?.data?.[0];
      if (response.status === 202 && created) {
        state.id = created.id;
        state.cost = created.cost;
        state.error = undefined;
        this.#setState(state, 'enabled', created.status);
        return undefined;
      }
      if (response.status === 409) {
        state.error = undefined;
        this.#setState(state, 'enabled', 'subscription already exists');
        return undefined;
      }
      const message = helixMessage(response.body, response.status);
      if (response.status === 429 && /transports? limit/i.test(message)) {
        error = new TwitchTransportsLimitError(message);
        state.retryable = false;
      } else {
        error = new TwitchSubscriptionError(spec.type, message, { httpStatus: response.status });
        state.retryable = response.status >= 500 || response.status === 429;
        state.retryAfterMs = response.status === 429 ? retryAfterOf(response) : undefined;
      }
    } catch (thrown) {
      if (generation !== this.#generation) return undefined;
      error = this.toVmscError(thrown);
      state.retryable = error instanceof ConnectionError;
    }
    state.error = error;
    this.#setState(state, 'failed', error.message);
    this.reportError(error);
    return error;
  }

  #setState(state: SubscriptionState, status: SubscriptionState['status'], reason: string | undefined): void {
    const changed = state.status !== status || state.reason !== reason;
    state.status = status;
    state.reason = reason;
    if (!changed) return;
    state.since = this.clock.now();
    const snapshot = state.snapshot();
    for (const listener of this.#subscriptionListeners) listener(snapshot);
  }

  // ---- timers ----------------------------------------------------------------------------------

  #armWatchdog(generation: number): void {
    if (this.#watchdog !== undefined) this.clock.clearTimeout(this.#watchdog);
    const margin = this.#options.keepaliveMarginMs ?? Math.round(this.#keepaliveMs * 0.2);
    this.#watchdog = this.clock.setTimeout(() => {
      this.#watchdog = undefined;
      if (generation !== this.#generation || !this.#running) return;
      const seconds = this.#keepaliveMs / 1000;
      this.#retry(
        generation,
        new TimeoutError(`no EventSub message for ${seconds} s (keepalive timeout) plus ${margin} ms: the socket is dead`, {
          code: 'TWITCH_KEEPALIVE_TIMEOUT',
        }),
      );
    }, this.#keepaliveMs + margin);
  }

  #clearTimers(): void {
    if (this.#watchdog !== undefined) this.clock.clearTimeout(this.#watchdog);
    if (this.#subscriptionRetry !== undefined) this.clock.clearTimeout(this.#subscriptionRetry);
    this.#watchdog = undefined;
    this.#subscriptionRetry = undefined;
  }
}

function closeSocket(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once('close', () => resolve());
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(1000);
    setTimeout(() => {
      socket.terminate();
      resolve();
    }, 1_000).unref?.();
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
