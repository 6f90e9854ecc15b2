import { AuthError, SocketIoConnector, TimeoutError, redact, toSecret, type BaseConnectorOptions, type Secret } from '@vmsc/core';
import { io, type Socket } from 'socket.io-client';
import { normalizeActivity } from './normalize/activity.js';
import { normalizeOtherMessage, normalizeTestEvent } from './normalize/realtime-messages.js';
import type { RawAuthenticate, RawAuthenticated, RawUnauthorized } from './raw/realtime.js';

/** The StreamElements Realtime API endpoint. */
export const STREAMELEMENTS_REALTIME_URL = 'https://realtime.streamelements.com';

/** How the token authenticates: the dashboard JWT, an OAuth2 access token, or an overlay API key. */
export type StreamElementsAuthMethod = 'jwt' | 'oauth2' | 'apikey';

/** Options of {@link StreamElementsConnector}. */
export interface StreamElementsConnectorOptions extends BaseConnectorOptions {
  /** The token: dashboard → Account Settings → Channels → Show Secrets → JWT Token (for `jwt`). */
  token: string | Secret;
  /** What `token` is. Default `'jwt'`. */
  method?: StreamElementsAuthMethod;
  /** Realtime API URL (default {@link STREAMELEMENTS_REALTIME_URL}); point it at a fake in tests. */
  url?: string;
  /** Publish `event:test` emulator events (flagged `meta.test`). Default `true`: the dashboard's test buttons are how users check the connection. */
  includeTestEvents?: boolean;
  /** Wait this long for `authenticated`/`unauthorized` before retrying. Default 10,000 ms. */
  authTimeoutMs?: number;
  /** Give up on one connection attempt after this many ms (then retry with backoff). Default 20,000. */
  connectTimeoutMs?: number;
  /** How many activity ids are remembered to deliver each activity once. Default 1,000. */
  dedupeMemory?: number;
}

/** What each method's token is called and how to get a good one again, for the auth error messages. */
const TOKEN_HELP: Readonly<Record<StreamElementsAuthMethod, { name: string; fix: string }>> = {
  jwt: { name: 'JWT token', fix: 'copy the JWT Token again from Account Settings → Channels → Show Secrets' },
  oauth2: {
    name: 'OAuth2 access token',
    fix: 'it may have expired or been revoked: refresh it (or authorize the app again) and check it carries activities:read',
  },
  apikey: { name: 'overlay API key', fix: 'copy the overlay token again from Account Settings → Channels → Show Secrets' },
};

/** Server events handled explicitly; any other is surfaced as an `unknown` event. */
const HANDLED = new Set(['event', 'event:test', 'authenticated', 'unauthorized']);

/**
 * StreamElements Realtime API connector (spec 001): tips, follows, subscribers, cheers, raids,
 * hosts, merch, redemptions, Super Chats and community gifts from every platform linked to the
 * StreamElements account, as `streamelements` events with `meta.platform` set to the provider.
 *
 * Transport: Socket.IO with socket.io-client 4 (the endpoint accepts Engine.IO 4 clients, and 3 via
 * `allowEIO3`). Flow: connect → `authenticate {method, token}` → `authenticated` (status
 * `connected`) or `unauthorized` (status `error`, no retry). Lost connections are retried with the
 * spec-003 backoff (status `reconnecting`) and each reconnect reports a gap: StreamElements does not
 * replay missed activities.
 *
 * @example
 * ```ts
 * const bus = new EventBus();
 * const se = new StreamElementsConnector({ bus, token: process.env.SE_JWT!, method: 'jwt' });
 * bus.on('tip', (e) => console.log(e.user.nickname, e.data.amount, e.data.currency));
 * await se.connect();
 * ```
 */
export class StreamElementsConnector extends SocketIoConnector<Socket> {
  readonly #token: Secret;
  readonly #method: StreamElementsAuthMethod;
  readonly #url: string;
  readonly #includeTests: boolean;
  readonly #authTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  #channelId: string | undefined;

  constructor(options: StreamElementsConnectorOptions) {
    super('streamelements', options, {
      service: 'StreamElements',
      gapReason: 'StreamElements does not replay activities sent while the socket was disconnected',
      dedupeMemory: options.dedupeMemory ?? 1_000,
    });
    this.#token = toSecret(options.token);
    this.#method = options.method ?? 'jwt';
    this.#url = options.url ?? STREAMELEMENTS_REALTIME_URL;
    this.#includeTests = options.includeTestEvents ?? true;
    this.#authTimeoutMs = options.authTimeoutMs ?? 10_000;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
  }

  /** The StreamElements channel id, once authenticated. */
  get channelId(): string | undefined {
    return this.#channelId;
  }

  /**
   * Connects and authenticates; resolves on `authenticated`. Rejects with an {@link AuthError} on
   * `unauthorized` (status `error`, no retry). Network failures are retried with backoff (status
   * `reconnecting`) while the promise stays pending.
   */
  override connect(): Promise<void> {
    return super.connect();
  }

  override toString(): string {
    return `StreamElementsConnector(${this.id}, ${this.#method}, ${this.status})`;
  }

  protected override credentialsError(): AuthError | undefined {
    if (!this.#token.isEmpty) return undefined;
    const help = TOKEN_HELP[this.#method];
    return new AuthError(`StreamElements ${help.name} is empty: ${help.fix}`);
  }

  protected createSocket(): Socket {
    return io(this.#url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: this.#connectTimeoutMs,
    });
  }

  protected secrets(): readonly Secret[] {
    return [this.#token];
  }

  protected override onNamespaceConnect(socket: Socket): void {
    const auth: RawAuthenticate = { method: this.#method, token: this.#token.reveal() };
    socket.emit('authenticate', auth);
    this.startHandshakeTimer(this.#authTimeoutMs, () =>
      this.connectionLost(new TimeoutError(`StreamElements did not answer authenticate within ${this.#authTimeoutMs} ms`)),
    );
  }

  protected attach(socket: Socket): void {
    this.listen(socket, 'authenticated', (payload: RawAuthenticated | undefined) => {
      if (typeof payload?.channelId === 'string') this.#channelId = payload.channelId;
      this.markReady();
    });
    this.listen(socket, 'unauthorized', (payload: RawUnauthorized | undefined) => {
      const reason = redact(typeof payload?.message === 'string' ? payload.message : 'no reason given', [this.#token]);
      const help = TOKEN_HELP[this.#method];
      this.fail(new AuthError(`StreamElements rejected the ${help.name} (${reason}): ${help.fix}`));
    });
    this.listen(socket, 'event', (payload: unknown) => this.deliver(normalizeActivity(payload, { receivedAt: this.clock.now() })));
    this.listen(socket, 'event:test', (payload: unknown) => {
      if (!this.#includeTests) return;
      for (const result of normalizeTestEvent(payload, this.clock.now())) this.deliver(result);
    });
    socket.onAny((eventName: string, ...args: unknown[]) => {
      if (this.isCurrent(socket) && !HANDLED.has(eventName)) this.deliver(normalizeOtherMessage(eventName, args, this.clock.now()));
    });
  }
}
