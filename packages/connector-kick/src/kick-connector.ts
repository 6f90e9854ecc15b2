import { BaseConnector, ConnectionError, ProtocolError, RateLimitedError, VmscError, type BaseConnectorOptions } from '@vmsc/core';
import { KickDeduper } from './normalize/dedupe.js';
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
   * How long a duplicate-only signal (`ChannelSubscriptionEvent`, `NewSubscriberUpdatedEvent`,
   * `NewActivityFeedEvent`, `LuckyUsersWhoGotGiftSubscriptionsEvent`) waits for the frame that carries
   * the full data before it is published in its place, ms. Default 2,000.
   */
  secondaryHoldMs?: number;
  /** Keep the decoded frame as `event.raw`. Default false. */
  keepRaw?: boolean;
}

interface PendingConnect {
  resolve: () => void;
  reject: (error: VmscError) => void;
}

/**
 * Kick chat and channel events over Kick's public Pusher feed (protocol 7, through pusher-js).
 * No credentials are needed; `sendChat` does not exist because the public feed cannot send (the
 * `ChatSender` capability is absent from this class's type).
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
  readonly #deduper: KickDeduper;
  #ids: KickChannelIds | undefined;
  #lease: PoolLease | undefined;
  #member: SessionMember | undefined;
  #pending: PendingConnect | undefined;
  #downSince: number | undefined;
  #downReason = '';
  #active = false;
  readonly #held = new Set<unknown>();

  constructor(options: KickConnectorOptions) {
    const label = typeof options.channel === 'string' ? options.channel : (options.channel.slug ?? String(options.channel.chatroomId));
    super('kick', { ...options, id: options.id ?? `kick:${label}` });
    this.#options = options;
    if (typeof options.channel !== 'string') this.#ids = { ...options.channel };
    this.#deduper = new KickDeduper(options.dedupeWindowMs ?? 30_000, () => this.clock.now());
  }

  /** The resolved ids, once known. */
  get channelIds(): KickChannelIds | undefined {
    return this.#ids ? { ...this.#ids } : undefined;
  }

  override toString(): string {
    return `KickConnector(${this.id})`;
  }

  connect(): Promise<void> {
    if (this.status === 'connected') return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => {
      const previous = this.#pending;
      this.#pending = {
        resolve: () => {
          previous?.resolve();
          resolve();
        },
        reject: (error) => {
          previous?.reject(error);
          reject(error);
        },
      };
    });
    if (!this.#active) {
      this.#active = true;
      this.setStatus('connecting');
      void this.#start();
    }
    return promise;
  }

  async disconnect(): Promise<void> {
    this.#active = false;
    this.reconnector.cancel();
    this.#release();
    this.#downSince = undefined;
    this.setStatus('disconnected');
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(new ConnectionError('disconnect() was called before the connection was established', { code: 'KICK_DISCONNECTED' }));
  }

  async #start(): Promise<void> {
    let ids: KickChannelIds;
    try {
      ids = await this.#resolve();
    } catch (error) {
      if (!this.#active) return;
      const vmsc = this.toVmscError(error);
      if (vmsc instanceof ConnectionError || vmsc instanceof RateLimitedError) {
        // The lookup failed transiently: retry with backoff (never sooner than a 429's Retry-After).
        this.setStatus('reconnecting', vmsc);
        const retryAfterMs = vmsc instanceof RateLimitedError ? vmsc.retryAfterMs : undefined;
        this.reconnector.schedule(() => (this.#active ? this.#start() : undefined), this.reconnector.backoff.nextAtLeast(retryAfterMs));
        return;
      }
      this.#fail(vmsc);
      return;
    }
    if (!this.#active) return;
    this.#ids = ids;
    this.#attach(ids);
  }

  async #resolve(): Promise<KickChannelIds> {
    if (this.#ids) return this.#ids;
    const slug = this.#options.channel as string;
    const ids = this.#options.resolver ? await this.#options.resolver(slug) : await lookupKickChannel(slug, this.#options.lookup);
    return { ...ids, slug: ids.slug ?? slug };
  }

  #attach(ids: KickChannelIds): void {
    const primary = `chatrooms.${ids.chatroomId}.v2`;
    const channels = [primary, `chatroom_${ids.chatroomId}`];
    if (ids.channelId !== undefined) channels.push(`channel.${ids.channelId}`, `channel_${ids.channelId}`);
    const context = { channel: ids.slug ?? String(ids.chatroomId), keepRaw: this.#options.keepRaw === true };
    const subscribed = new Set<string>();
    const member: SessionMember = {
      channels,
      ...(ids.channelId !== undefined ? { channelId: String(ids.channelId) } : {}),
      onFrame: (frame) => this.#onFrame(frame, context),
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
    if (!this.#active) return;
    if (this.#downSince !== undefined) {
      this.reportGap(
        this.#downSince,
        this.clock.now(),
        `Kick Pusher socket reconnected (${this.#downReason}); Pusher does not replay missed events`,
      );
      this.#downSince = undefined;
    }
    this.setStatus('connected');
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.resolve();
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
    if (keys && result.secondary) {
      if (this.#deduper.seen(keys)) return;
      const event = result.event;
      const handle = this.clock.setTimeout(() => {
        this.#held.delete(handle);
        if (this.#active && this.#deduper.admit(keys)) this.publish(event);
      }, this.#options.secondaryHoldMs ?? 2_000);
      this.#held.add(handle);
      return;
    }
    if (keys && !this.#deduper.admit(keys)) return;
    this.publish(result.event);
  }

  #fail(error: VmscError): void {
    this.#active = false;
    this.reconnector.cancel();
    this.#release();
    this.setStatus('error', error);
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }

  #release(): void {
    for (const handle of this.#held) this.clock.clearTimeout(handle);
    this.#held.clear();
    const lease = this.#lease;
    this.#lease = undefined;
    this.#member = undefined;
    lease?.release();
  }
}
