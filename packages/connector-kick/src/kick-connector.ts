import {
  AuthError,
  BaseConnector,
  chatCapabilities,
  ChatNotAllowedError,
  ConnectionError,
  ProtocolError,
  RateLimitedError,
  READ_ONLY_CAPABILITIES,
  type BaseConnectorOptions,
  type ChatLimits,
  type ChatOutbox,
  type ChatRateLimit,
  type ConnectorCapabilities,
  type Secret,
  type SendChatOptions,
  type SendChatResult,
  type StreamEvent,
  type VmscError,
} from '@vmsc/core';
import { chatTokenSource, type ChatTokenSource, type KickChatToken } from './auth/chat-token.js';
import { KICK_CHAT_LIMITS, sendKickChat, type KickChatSenderType } from './chat.js';
import { KickFeedDedupe } from './delivery/feed-dedupe.js';
import { FrameFolder } from './delivery/fold.js';
import { TwinChannelFilter } from './delivery/twin-channels.js';
import { KickLookupBlockedError } from './errors.js';
import { normalizeKickFrame, type NormalizedFrame } from './normalize/normalize.js';
import { KickConnectionPool, type PoolLease } from './pool/connection-pool.js';
import type { KeyRefresh, PusherEndpoint, SessionMember } from './pool/pusher-session.js';
import type { DecodedFrame } from './raw/pusher.js';
import { lookupKickChannel, type KickChannelIds, type KickChannelResolver, type KickLookupOptions } from './resolve/channel.js';

/** Options of {@link KickConnector}. */
export interface KickConnectorOptions extends BaseConnectorOptions {
  /**
   * The channel: a slug (`"xqc"`, resolved with `resolver` or Kick's `/api/v2/channels/{slug}`), or
   * the ids themselves (`{ chatroomId, channelId?, slug? }`), which skips the lookup entirely.
   */
  channel: string | KickChannelIds;
  /** A custom slug → ids resolver (replaces the `/api/v2/channels` lookup). */
  resolver?: KickChannelResolver;
  /** Options of the built-in lookup (e.g. `baseUrl`). */
  lookup?: KickLookupOptions;
  /**
   * Retry a lookup that Cloudflare blocked (HTTP 401/403, or its challenge page instead of JSON):
   * up to `attempts` more lookups, `delayMs` apart (default: the connector's backoff), in status
   * `reconnecting`. Cloudflare's 403 is often transient. After the last one, the connector stops with
   * {@link KickLookupBlockedError} as without this option. Default: no retry.
   */
  blockedRetry?: KickBlockedRetry;
  /** Pusher app key. Default: Kick's current public key `32cbd69e4b950bf97679`. */
  appKey?: string;
  /** Pusher cluster. Default `us2`. */
  cluster?: string;
  /** WebSocket host override (a proxy, or a test server). */
  wsHost?: string;
  /** WebSocket port override. */
  wsPort?: number;
  /** Use `wss://` (default true). */
  forceTLS?: boolean;
  /**
   * Where to negotiate a new app key when Pusher rejects ours (close code 4001): Kick's
   * `POST /api/v1/realtime/channels/{channelId}/chat/connection` under `baseUrl` (default
   * `https://web.kick.com`). `false` stops with {@link KickAppKeyError} instead.
   */
  keyRefresh?: KeyRefresh;
  /** The socket pool to share (default {@link KickConnectionPool.shared}). */
  pool?: KickConnectionPool;
  /** How long the frames of one subscription / gift are folded into one event, ms. Default 30,000. */
  dedupeWindowMs?: number;
  /**
   * How long a subscribe / gifted_sub / host event waits for more frames of the same happening when
   * its frame lacks Kick's numeric user id or is a duplicate-only signal (`ChannelSubscriptionEvent`,
   * `NewSubscriberUpdatedEvent`, `NewActivityFeedEvent`, `LuckyUsersWhoGotGiftSubscriptionsEvent`),
   * ms. It is published as soon as the folded frames give the full data and the numeric id, else when
   * this hold ends. Default 2,000.
   */
  secondaryHoldMs?: number;
  /** Keep the decoded frame as `event.raw`. Default false. */
  keepRaw?: boolean;
  /**
   * The window shared with a {@link KickWebhookReceiver} of the same channel, so that a happening
   * both feeds report is published once. Default: none, until {@link KickConnector.feedDedupe} is
   * read (a receiver given `connector` does), which creates one.
   */
  feedDedupe?: KickFeedDedupe;
  /**
   * An OAuth access token with scope `chat:write` (Kick's OAuth 2.1 with PKCE, a user or a bot
   * account): with it the connector sends chat through Kick's official `POST /public/v1/chat`
   * (`capabilities.chat.send`). Never logged: a string is wrapped in a core `Secret` at once.
   * A `KickTokenProvider` (or a function returning the current token) keeps it fresh: after a 401
   * the connector asks it for a new token once and retries the message once (the 401 means it was
   * not posted, so it is never sent twice).
   */
  chatToken?: KickChatToken;
  /**
   * Send as `user` (default: the token's user writes in the channel's chat; needs the broadcaster's
   * user id) or as `bot` (Kick sends to the channel the token belongs to).
   */
  chatSenderType?: KickChatSenderType;
  /**
   * The channel owner's Kick user id (`broadcaster_user_id`). Default: `channel.broadcasterUserId`,
   * else the lookup's `user_id` (resolved on connect).
   */
  broadcasterUserId?: number;
  /** Base URL of Kick's official API. Default `https://api.kick.com`. */
  apiUrl?: string;
  /** The chat rate the outbox keeps to. Default {@link KICK_CHAT_LIMITS}.rate (10 / 30 s). */
  chatRate?: ChatRateLimit;
  /** Abort a chat request after this many ms. Default 10,000. */
  chatTimeoutMs?: number;
}

/** {@link KickConnectorOptions.blockedRetry}: a bounded retry of a Cloudflare-blocked channel lookup. */
export interface KickBlockedRetry {
  /** Lookups after the first blocked one. */
  attempts: number;
  /** Wait between them, ms. Default: the connector's backoff. */
  delayMs?: number;
}

/** A Kick connector with a chat token: sends, with threaded replies. */
const KICK_SEND_CAPABILITIES = chatCapabilities(true);

/** A numeric id as a number (Kick's `broadcaster_user_id` is an integer). */
function numeric(id: number | string | undefined): number | undefined {
  if (id === undefined) return undefined;
  const value = Number(id);
  return Number.isInteger(value) ? value : undefined;
}

/** How long the same frame on `chatrooms.{id}` and `chatrooms.{id}.v2` counts as one event, ms. */
const TWIN_WINDOW_MS = 5_000;

/**
 * Kick chat and channel events over Kick's public Pusher feed (protocol 7, through pusher-js).
 * No credentials are needed to read. With `chatToken` it also sends chat through Kick's official API
 * (`POST /public/v1/chat`); without one `capabilities.chat.send` is false and `sendChat` rejects.
 *
 * Connectors share Pusher sockets through a {@link KickConnectionPool}; reconnects follow Pusher's
 * close-code ranges with spec 003's backoff, and every reconnect reports a gap (Pusher has no replay).
 *
 * @example
 * ```ts
 * const bus = new EventBus();
 * const kick = new KickConnector({ bus, channel: 'xqc' });
 * bus.on('chat', (event) => console.log(event.user.nickname, event.data.message));
 * await kick.connect();
 * ```
 */
export class KickConnector extends BaseConnector {
  readonly #options: KickConnectorOptions;
  readonly #folder: FrameFolder;
  #ids: KickChannelIds | undefined;
  #lease: PoolLease | undefined;
  #member: SessionMember | undefined;
  /** A lookup or a pool lease is under way (connect() while reconnecting must not start another). */
  #running = false;
  /** Bumped on release, so that a lookup still in flight from before cannot attach. */
  #generation = 0;
  #blockedLookups = 0;
  #downSince: number | undefined;
  #downReason = '';
  readonly #chatToken: ChatTokenSource | undefined;
  readonly #outbox: ChatOutbox;
  #feedDedupe: KickFeedDedupe | undefined;

  constructor(options: KickConnectorOptions) {
    const label = typeof options.channel === 'string' ? options.channel : (options.channel.slug ?? String(options.channel.chatroomId));
    super('kick', { ...options, id: options.id ?? `kick:${label}` });
    this.#options = options;
    if (typeof options.channel !== 'string') this.#ids = { ...options.channel };
    this.#folder = new FrameFolder({
      clock: this.clock,
      windowMs: options.dedupeWindowMs ?? 30_000,
      holdMs: options.secondaryHoldMs ?? 2_000,
      publish: (event) => {
        if (this.wanted) this.#publish(event);
      },
    });
    this.#feedDedupe = options.feedDedupe;
    this.#chatToken = options.chatToken === undefined ? undefined : chatTokenSource(options.chatToken);
    this.#outbox = this.createChatOutbox(
      (text, sendOptions) => this.#sendNow(text, sendOptions),
      () => this.#options.chatRate ?? KICK_CHAT_LIMITS.rate,
    );
  }

  /** Sends chat with threaded replies when `chatToken` is set; reads only otherwise. */
  override get capabilities(): ConnectorCapabilities {
    return this.#chatToken ? KICK_SEND_CAPABILITIES : READ_ONLY_CAPABILITIES;
  }

  /** Kick's chat limits ({@link KICK_CHAT_LIMITS}, with `chatRate` when given). */
  get chatLimits(): ChatLimits {
    return this.#options.chatRate ? { ...KICK_CHAT_LIMITS, rate: this.#options.chatRate } : KICK_CHAT_LIMITS;
  }

  /**
   * Sends `text` to the channel's chat through Kick's `POST /public/v1/chat`, queued by the outbox at
   * the chat rate; with `replyTo` a Kick `chat` event, as a reply to it (`reply_to_message_id`).
   * Resolves `{ messageId }`. Rejects with core's typed errors: `ChatMessageTooLongError` (over 500,
   * before sending), `ChatNotAllowedError` (no `chatToken`, or Kick's 403 with its message),
   * `AuthError` (401: token expired or revoked), `ChatRateLimitedError` (a 429 retried until the
   * outbox gives up), `ChatDroppedError` (`is_sent: false`), `ConnectionError` / `ProtocolError`.
   *
   * @example
   * ```ts
   * bus.on('chat', (e) => e.data.message === '!hi' && kick.sendChat('hello!', { replyTo: e }));
   * ```
   */
  sendChat(text: string, options: SendChatOptions = {}): Promise<SendChatResult> {
    if (!this.#chatToken) {
      return Promise.reject(
        new ChatNotAllowedError('this KickConnector cannot send chat: pass a chatToken (scope chat:write)', 'no chat token', {
          code: 'KICK_CHAT_NO_TOKEN',
        }),
      );
    }
    return this.#outbox.send(text, options);
  }

  async #sendNow(text: string, options: Omit<SendChatOptions, 'idempotencyKey'>): Promise<SendChatResult> {
    const type = this.#options.chatSenderType ?? 'user';
    const broadcasterUserId = this.#options.broadcasterUserId ?? numeric(this.#ids?.broadcasterUserId);
    if (type === 'user' && broadcasterUserId === undefined) {
      throw new ConnectionError(
        'sendChat() needs the broadcaster user id: pass broadcasterUserId, or connect() first so the channel lookup gives it',
        { code: 'NOT_CONNECTED' },
      );
    }
    const source = this.#chatToken!;
    const send = (token: Secret) =>
      sendKickChat(
        {
          apiUrl: this.#options.apiUrl ?? 'https://api.kick.com',
          token,
          type,
          ...(broadcasterUserId === undefined ? {} : { broadcasterUserId }),
          timeoutMs: this.#options.chatTimeoutMs ?? 10_000,
        },
        text,
        options,
      );
    const token = await source.get();
    try {
      return await send(token);
    } catch (error) {
      // A 401 means Kick did not post it: one retry with a renewed token cannot send it twice.
      if (!(error instanceof AuthError) || error.code !== 'KICK_CHAT_UNAUTHORIZED') throw error;
      const renewed = await source.renew(token);
      if (renewed === undefined) throw error;
      return send(renewed);
    }
  }

  /**
   * The window this connector shares with a {@link KickWebhookReceiver} (`feedDedupe` option, or one
   * created on first read, with the connector's clock): Pusher events the webhooks already brought
   * are not published again, and the other way round.
   */
  get feedDedupe(): KickFeedDedupe {
    this.#feedDedupe ??= new KickFeedDedupe({ clock: this.clock });
    return this.#feedDedupe;
  }

  /** Publishes unless the webhook feed already brought the same happening. */
  #publish(event: StreamEvent): void {
    if (this.#feedDedupe === undefined || this.#feedDedupe.admit('pusher', event)) this.publish(event);
  }

  /** The resolved ids, once known. */
  get channelIds(): KickChannelIds | undefined {
    return this.#ids ? { ...this.#ids } : undefined;
  }

  override toString(): string {
    return `KickConnector(${this.id})`;
  }

  connect(): Promise<void> {
    return this.startConnecting(() => {
      if (this.#running) return;
      this.#running = true;
      this.#blockedLookups = 0;
      void this.#start();
    });
  }

  async disconnect(): Promise<void> {
    this.#release();
    this.#downSince = undefined;
    this.markDisconnected(
      new ConnectionError('disconnect() was called before the connection was established', { code: 'KICK_DISCONNECTED' }),
    );
  }

  async #start(): Promise<void> {
    const generation = this.#generation;
    let ids: KickChannelIds;
    try {
      ids = await this.#resolve();
    } catch (error) {
      if (this.wanted && generation === this.#generation) this.#lookupFailed(this.toVmscError(error));
      return;
    }
    if (!this.wanted || generation !== this.#generation) return;
    this.#ids = ids;
    this.#attach(ids);
  }

  /** A transient failure (network, 5xx, 429, or a blocked lookup within `blockedRetry`) is retried; anything else stops. */
  #lookupFailed(error: VmscError): void {
    const retry = () => void this.#start();
    if (error instanceof ConnectionError || error instanceof RateLimitedError) {
      // Never sooner than a 429's Retry-After.
      const retryAfterMs = error instanceof RateLimitedError ? error.retryAfterMs : undefined;
      this.markLost(error, retry, { delayMs: this.reconnector.backoff.nextAtLeast(retryAfterMs) });
      return;
    }
    if (error instanceof KickLookupBlockedError && this.#blockedLookups < (this.#options.blockedRetry?.attempts ?? 0)) {
      this.#blockedLookups++;
      const delayMs = this.#options.blockedRetry?.delayMs;
      this.markLost(error, retry, delayMs === undefined ? {} : { delayMs });
      return;
    }
    this.#fail(error);
  }

  async #resolve(): Promise<KickChannelIds> {
    if (this.#ids) return this.#ids;
    const slug = this.#options.channel as string;
    const ids = this.#options.resolver ? await this.#options.resolver(slug) : await lookupKickChannel(slug, this.#options.lookup);
    return { ...ids, slug: ids.slug ?? slug };
  }

  #attach(ids: KickChannelIds): void {
    const primary = `chatrooms.${ids.chatroomId}.v2`;
    const legacy = `chatrooms.${ids.chatroomId}`;
    // The legacy chatroom channel carries StreamHostedEvent (the host with its numeric id).
    const channels = [primary, legacy, `chatroom_${ids.chatroomId}`];
    if (ids.channelId !== undefined) channels.push(`channel.${ids.channelId}`, `channel_${ids.channelId}`);
    const context = { channel: ids.slug ?? String(ids.chatroomId), keepRaw: this.#options.keepRaw === true };
    const twins = new TwinChannelFilter([[primary, legacy]], TWIN_WINDOW_MS, () => this.clock.now());
    const subscribed = new Set<string>();
    const member: SessionMember = {
      channels,
      ...(ids.channelId !== undefined ? { channelId: String(ids.channelId) } : {}),
      onFrame: (frame) => {
        if (!twins.isEcho(frame)) this.#onFrame(frame, context);
      },
      // Connected means every channel is subscribed, so no event type is missing.
      onSubscribed: (channel) => {
        if (this.#member !== member) return;
        subscribed.add(channel);
        if (subscribed.size === channels.length) this.#onUp();
      },
      // A refused secondary channel is reported and skipped; a refused chatroom channel is fatal.
      onSubscriptionError: (channel, error) => {
        if (this.#member !== member) return;
        if (channel === primary) {
          this.#fail(error);
          return;
        }
        this.reportError(error);
        subscribed.add(channel);
        if (subscribed.size === channels.length) this.#onUp();
      },
      // The pool's session reconnects the socket: the connector only reports the state.
      onDown: (error) => {
        if (this.#member !== member) return;
        subscribed.clear();
        if (this.status === 'connected') {
          this.#downSince = this.clock.now();
          this.#downReason = error.message;
        }
        this.setStatus('reconnecting', error);
      },
      onStopped: (error) => {
        if (this.#member !== member) return;
        this.#lease = undefined;
        this.#member = undefined;
        this.#fail(error);
      },
      onError: (error) => this.reportError(error),
    };
    this.#member = member;
    const endpoint: Partial<PusherEndpoint> = {};
    if (this.#options.appKey !== undefined) endpoint.appKey = this.#options.appKey;
    if (this.#options.cluster !== undefined) endpoint.cluster = this.#options.cluster;
    if (this.#options.wsHost !== undefined) endpoint.wsHost = this.#options.wsHost;
    if (this.#options.wsPort !== undefined) endpoint.wsPort = this.#options.wsPort;
    if (this.#options.forceTLS !== undefined) endpoint.forceTLS = this.#options.forceTLS;
    const pool = this.#options.pool ?? KickConnectionPool.shared;
    this.#lease = pool.acquire(endpoint, member, this.#options.keyRefresh);
  }

  #onUp(): void {
    if (!this.wanted) return;
    // The gap is reported here, not by markConnected: the pool reconnects the socket, so markLost
    // (which schedules the connector's own reopen) is not used.
    if (this.#downSince !== undefined) {
      this.reportGap(
        this.#downSince,
        this.clock.now(),
        `Kick Pusher socket reconnected (${this.#downReason}); Pusher does not replay missed events`,
      );
      this.#downSince = undefined;
    }
    this.markConnected('Pusher does not replay missed events');
  }

  #onFrame(frame: DecodedFrame, context: { channel: string; keepRaw: boolean }): void {
    let result: NormalizedFrame;
    try {
      result = normalizeKickFrame(frame, context);
    } catch (error) {
      this.reportError(
        new ProtocolError(`Kick ${frame.name} frame could not be normalized: ${(error as Error).message}`, { cause: error }),
      );
      return;
    }
    if (result.problem !== undefined)
      this.reportError(new ProtocolError(`malformed Kick frame: ${result.problem}`, { code: 'KICK_MALFORMED_FRAME' }));
    const keys = result.dedupeKeys;
    if (keys) this.#folder.offer({ ...result, dedupeKeys: keys });
    else this.#publish(result.event);
  }

  #fail(error: VmscError): void {
    this.#release();
    this.markFailed(error);
  }

  #release(): void {
    this.#running = false;
    this.#generation++;
    this.#folder.clear();
    const lease = this.#lease;
    this.#lease = undefined;
    this.#member = undefined;
    lease?.release();
  }
}
