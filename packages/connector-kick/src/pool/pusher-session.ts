import Pusher from 'pusher-js';
import { ConnectionError, ProtocolError, Reconnector, VmscError, type Clock } from '@vmsc/core';
import { closeAction, describeCloseCode } from '../close-codes.js';
import { KickAppKeyError, KickConnectionRefusedError } from '../errors.js';
import { decodePusherFrame } from '../normalize/decode.js';
import type { DecodedFrame, PusherFrame } from '../raw/pusher.js';
import { negotiateKickAppKey, type KickPusherCredentials } from '../resolve/app-key.js';

/** Where and how a pool's sockets connect. */
export interface PusherEndpoint {
  /** Pusher app key. Default: Kick's current public key. */
  appKey: string;
  cluster: string;
  /** Host override (tests, proxies). Default: Pusher's `ws-{cluster}.pusher.com`. */
  wsHost?: string;
  /** Port override for `ws://` and `wss://`. */
  wsPort?: number;
  /** `wss://` (default true). */
  forceTLS?: boolean;
}

/** Keepalive settings of a session. */
export interface KeepaliveOptions {
  /** Send `pusher:ping` after this much silence; capped by the server's `activity_timeout`. Default 30,000. */
  pingIntervalMs?: number;
  /** A socket silent this long after a ping is dead: reconnect at once. Default 15,000. */
  pongTimeoutMs?: number;
}

/** Where a rotated key (close code 4001) is re-negotiated; `false` disables it. */
export type KeyRefresh = false | { baseUrl?: string };

/** A member of a session: one connector's set of Pusher channels and its callbacks. */
export interface SessionMember {
  /** Pusher channel names to subscribe. */
  readonly channels: readonly string[];
  /** A Kick channel id, for key negotiation. */
  readonly channelId?: string;
  onFrame(frame: DecodedFrame): void;
  /** The socket is up (again) and `channel` was subscribed. */
  onSubscribed(channel: string): void;
  onSubscriptionError(channel: string, error: VmscError): void;
  /** The socket was lost; a reconnect is scheduled. */
  onDown(error: VmscError): void;
  /** The session stopped for good (4000–4099, rejected key). */
  onStopped(error: VmscError): void;
  /** A non-fatal `pusher:error`. */
  onError(error: VmscError): void;
}

type SessionState = 'idle' | 'connecting' | 'connected' | 'waiting' | 'stopped';

interface ManagerLike {
  state: string;
  activityTimeout?: number;
  bind(event: string, callback: (data?: unknown) => void): void;
  disconnect(): void;
  connect(): void;
  send_event(name: string, data: unknown, channel?: string): boolean;
  emit(event: string, data?: unknown): unknown;
}

function errorCode(error: unknown): number | undefined {
  const outer = error as { data?: { code?: unknown }; error?: { data?: { code?: unknown } } } | undefined;
  const code = outer?.data?.code ?? outer?.error?.data?.code;
  return typeof code === 'number' ? code : undefined;
}

function errorMessage(error: unknown): string | undefined {
  const outer = error as { data?: { message?: unknown }; error?: { data?: { message?: unknown } } } | undefined;
  const message = outer?.data?.message ?? outer?.error?.data?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/**
 * One Pusher socket shared by many connectors. It wraps one pusher-js client but owns every
 * reconnect decision: pusher-js's own retries (fixed 1 s) are cancelled, and the session applies
 * Pusher's close-code ranges with core's {@link Reconnector} (spec 003 backoff) instead. It also
 * runs its own keepalive: a `pusher:ping` after `pingIntervalMs` of silence and a watchdog that
 * reconnects a socket that stays silent `pongTimeoutMs` longer.
 */
export class PusherSession {
  readonly #endpoint: PusherEndpoint;
  readonly #clock: Clock;
  readonly #reconnector: Reconnector;
  readonly #keepalive: Required<KeepaliveOptions>;
  readonly #keyRefresh: KeyRefresh;
  readonly #members = new Set<SessionMember>();
  readonly #byChannel = new Map<string, Set<SessionMember>>();
  readonly #onEmpty: (session: PusherSession) => void;
  #pusher: Pusher | undefined;
  #state: SessionState = 'idle';
  #ownTransition = false;
  #lastFrameAt = 0;
  #keepaliveTimer: unknown;
  #pingSentAt: number | undefined;
  #lastError: VmscError | undefined;

  constructor(options: {
    endpoint: PusherEndpoint;
    clock: Clock;
    reconnector: Reconnector;
    keepalive?: KeepaliveOptions;
    keyRefresh?: KeyRefresh;
    onEmpty: (session: PusherSession) => void;
  }) {
    this.#endpoint = { ...options.endpoint };
    this.#clock = options.clock;
    this.#reconnector = options.reconnector;
    this.#keepalive = {
      pingIntervalMs: options.keepalive?.pingIntervalMs ?? 30_000,
      pongTimeoutMs: options.keepalive?.pongTimeoutMs ?? 15_000,
    };
    this.#keyRefresh = options.keyRefresh ?? {};
    this.#onEmpty = options.onEmpty;
  }

  /** The app key in use (it changes after a successful 4001 key refresh). */
  get appKey(): string {
    return this.#endpoint.appKey;
  }

  /** Whether the socket is connected. */
  get connected(): boolean {
    return this.#state === 'connected';
  }

  /** Whether the session stopped for good. */
  get stopped(): boolean {
    return this.#state === 'stopped';
  }

  /** Pusher channels currently subscribed (or to be subscribed) on this socket. */
  get subscriptionCount(): number {
    return this.#byChannel.size;
  }

  /** Members attached. */
  get memberCount(): number {
    return this.#members.size;
  }

  /** Adds a member: subscribes its channels, connecting the socket if needed. */
  attach(member: SessionMember): void {
    if (this.#state === 'stopped') {
      member.onStopped(this.#lastError ?? new ConnectionError('Kick Pusher session stopped'));
      return;
    }
    this.#members.add(member);
    for (const channel of member.channels) {
      let set = this.#byChannel.get(channel);
      if (!set) {
        set = new Set();
        this.#byChannel.set(channel, set);
        this.#pusher?.subscribe(channel);
      } else if (this.#state === 'connected' && this.#pusher?.channel(channel)?.subscribed) {
        queueMicrotask(() => member.onSubscribed(channel));
      }
      set.add(member);
    }
    if (this.#state === 'idle') this.#open();
  }

  /** Removes a member and unsubscribes channels nobody else needs; closes the socket when empty. */
  detach(member: SessionMember): void {
    if (!this.#members.delete(member)) return;
    for (const channel of member.channels) {
      const set = this.#byChannel.get(channel);
      if (!set) continue;
      set.delete(member);
      if (set.size === 0) {
        this.#byChannel.delete(channel);
        this.#pusher?.unsubscribe(channel);
      }
    }
    if (this.#members.size === 0) this.close();
  }

  /** Closes the socket and stops retrying. */
  close(): void {
    this.#reconnector.cancel();
    this.#stopKeepalive();
    this.#state = 'stopped';
    this.#destroyPusher();
    this.#onEmpty(this);
  }

  #manager(): ManagerLike | undefined {
    return this.#pusher?.connection as unknown as ManagerLike | undefined;
  }

  #open(): void {
    this.#state = 'connecting';
    this.#ownTransition = true;
    try {
      if (!this.#pusher) this.#createPusher();
      else this.#pusher.connect();
    } finally {
      this.#ownTransition = false;
    }
  }

  #createPusher(): void {
    const endpoint = this.#endpoint;
    const options: ConstructorParameters<typeof Pusher>[1] = {
      cluster: endpoint.cluster,
      forceTLS: endpoint.forceTLS ?? true,
      enabledTransports: ['ws', 'wss'],
      disableStats: true,
    };
    if (endpoint.wsHost !== undefined) options.wsHost = endpoint.wsHost;
    if (endpoint.wsPort !== undefined) {
      options.wsPort = endpoint.wsPort;
      options.wssPort = endpoint.wsPort;
    }
    const pusher = new Pusher(endpoint.appKey, options);
    this.#pusher = pusher;
    const manager = pusher.connection as unknown as ManagerLike;
    this.#guardMessages(pusher, manager);
    manager.bind('state_change', (change) => this.#onStateChange(pusher, (change as { current: string }).current));
    manager.bind('error', (error) => this.#onPusherError(pusher, error));
    manager.bind('connecting_in', () => this.#onAutonomousRetry(pusher));
    manager.bind('message', (message) => this.#onMessage(pusher, message as PusherFrame));
    for (const channel of this.#byChannel.keys()) pusher.subscribe(channel);
  }

  /**
   * pusher-js hands every JSON frame to its own `message` listener, which reads `event.indexOf`:
   * a frame without a string `event` (`[]`, `{}`, `{"event":1}`) would throw out of the socket's
   * message handler and crash the process. Such frames are reported as a ProtocolError instead.
   */
  #guardMessages(pusher: Pusher, manager: ManagerLike): void {
    const emit = manager.emit.bind(manager);
    manager.emit = (event: string, data?: unknown) => {
      if (event === 'message' && typeof (data as { event?: unknown } | undefined)?.event !== 'string') {
        if (pusher === this.#pusher) {
          const error = new ProtocolError('Kick sent a Pusher frame without an event name', { code: 'KICK_MALFORMED_FRAME' });
          for (const member of this.#members) member.onError(error);
        }
        return manager;
      }
      return emit(event, data);
    };
  }

  #destroyPusher(): void {
    const pusher = this.#pusher;
    this.#pusher = undefined;
    if (!pusher) return;
    pusher.disconnect();
    const instances = (Pusher as unknown as { instances?: Pusher[] }).instances;
    const index = instances?.indexOf(pusher) ?? -1;
    if (index >= 0) instances!.splice(index, 1);
  }

  /** pusher-js scheduled a reconnect by itself: cancel it (right after it is armed) and decide ourselves. */
  #onAutonomousRetry(pusher: Pusher): void {
    queueMicrotask(() => {
      if (pusher === this.#pusher && (this.#state === 'connected' || this.#state === 'connecting')) {
        this.#lost(undefined, 'connection closed');
      } else {
        (pusher.connection as unknown as ManagerLike).disconnect();
      }
    });
  }

  #onStateChange(pusher: Pusher, current: string): void {
    if (pusher !== this.#pusher) {
      if (current === 'connecting') queueMicrotask(() => (pusher.connection as unknown as ManagerLike).disconnect());
      return;
    }
    if (current === 'connected') {
      if (this.#state !== 'connecting') {
        queueMicrotask(() => (pusher.connection as unknown as ManagerLike).disconnect());
        return;
      }
      this.#state = 'connected';
      this.#reconnector.succeeded();
      this.#lastFrameAt = this.#clock.now();
      this.#armKeepalive();
      return;
    }
    if (this.#ownTransition) return;
    if (current === 'connecting') {
      // pusher-js retrying on its own (its 0 ms retry or pong timeout): stop it once connect() returns.
      queueMicrotask(() => (pusher.connection as unknown as ManagerLike).disconnect());
      if (this.#state === 'connected') this.#lost(undefined, 'connection lost', true);
      return;
    }
    if (current === 'unavailable' || current === 'failed' || current === 'disconnected') {
      if (this.#state === 'connecting' || this.#state === 'connected') {
        this.#lost(undefined, current === 'unavailable' ? 'Pusher unreachable' : `pusher-js ${current}`);
      }
    }
  }

  #onPusherError(pusher: Pusher, error: unknown): void {
    if (pusher !== this.#pusher) return;
    const code = errorCode(error);
    const message = errorMessage(error);
    if (code === undefined || code >= 4300) {
      if (code !== undefined || message !== undefined) {
        const vmsc = new ConnectionError(`Pusher error${code === undefined ? '' : ` ${code}`}: ${message ?? 'unknown'}`, {
          code: 'KICK_PUSHER_ERROR',
        });
        for (const member of this.#members) member.onError(vmsc);
      }
      return;
    }
    if (this.#state === 'connecting' || this.#state === 'connected') this.#lost(code, message);
  }

  #onMessage(pusher: Pusher, message: PusherFrame): void {
    if (pusher !== this.#pusher) return;
    this.#lastFrameAt = this.#clock.now();
    const event = message.event;
    if (event.startsWith('pusher')) {
      if (event === 'pusher_internal:subscription_succeeded' && message.channel) {
        for (const member of this.#byChannel.get(message.channel) ?? []) member.onSubscribed(message.channel);
      } else if (event === 'pusher:subscription_error' && message.channel) {
        const error = new ConnectionError(`Kick refused the subscription to ${message.channel}`, { code: 'KICK_SUBSCRIPTION_FAILED' });
        for (const member of this.#byChannel.get(message.channel) ?? []) member.onSubscriptionError(message.channel, error);
      }
      return;
    }
    if (!message.channel) {
      // Kick only sends its events on a channel: a channel-less one cannot be routed to any connector.
      const error = new ProtocolError(`Kick sent a ${event} frame without a channel; it cannot be routed and was not delivered`, {
        code: 'KICK_UNROUTABLE_FRAME',
      });
      for (const member of this.#members) member.onError(error);
      return;
    }
    const members = this.#byChannel.get(message.channel);
    if (!members) return;
    const frame = decodePusherFrame(message);
    for (const member of members) member.onFrame(frame);
  }

  /** The socket is gone (or must go): tear it down and decide by close code. */
  #lost(code: number | undefined, message: string | undefined, pusherAlreadyRetrying = false): void {
    if (this.#state !== 'connecting' && this.#state !== 'connected') return;
    const wasConnected = this.#state === 'connected';
    this.#state = 'waiting';
    this.#stopKeepalive();
    if (!pusherAlreadyRetrying) {
      this.#ownTransition = true;
      try {
        this.#manager()?.disconnect();
      } finally {
        this.#ownTransition = false;
      }
    }
    const reason = `${code === undefined ? '' : `${code} `}${message ?? describeCloseCode(code)}`;
    const action = closeAction(code);
    if (code === 4001) {
      void this.#refreshKey(reason);
      return;
    }
    if (action === 'stop') {
      this.#stop(new KickConnectionRefusedError(code!, `Pusher refused the connection (${reason}); not reconnecting unchanged`));
      return;
    }
    const error = new ConnectionError(`Kick Pusher connection lost (${reason})`, { code: 'KICK_CONNECTION_LOST' });
    this.#lastError = error;
    for (const member of this.#members) member.onDown(error);
    // 4200–4299: reconnect at once, but only after a connection that worked (no tight loop on a refusing server).
    const delay = action === 'now' && wasConnected ? 0 : undefined;
    this.#reconnector.schedule(() => this.#open(), delay);
  }

  async #refreshKey(reason: string): Promise<void> {
    const rejected = this.#endpoint.appKey;
    const channelId = [...this.#members].find((member) => member.channelId !== undefined)?.channelId;
    if (this.#keyRefresh === false || channelId === undefined) {
      this.#stop(
        new KickAppKeyError(
          `Pusher rejected Kick app key ${rejected} (${reason}). ${this.#keyRefresh === false ? 'Key refresh is disabled' : 'No channel id is known to negotiate a new key'}: pass the current key as appKey.`,
        ),
      );
      return;
    }
    let credentials: KickPusherCredentials;
    try {
      credentials = await negotiateKickAppKey(channelId, this.#keyRefresh);
    } catch (error) {
      this.#stop(
        new KickAppKeyError(
          `Pusher rejected Kick app key ${rejected} (${reason}) and negotiating a new one failed: ${(error as Error).message}`,
          { cause: error },
        ),
      );
      return;
    }
    if (this.#state !== 'waiting') return;
    if (credentials.appKey === rejected) {
      this.#stop(new KickAppKeyError(`Pusher rejected Kick app key ${rejected} (${reason}) and Kick's negotiation returned the same key`));
      return;
    }
    const error = new ConnectionError(`Kick rotated its Pusher app key (${rejected} → ${credentials.appKey}); reconnecting`, {
      code: 'KICK_APP_KEY_ROTATED',
    });
    for (const member of this.#members) member.onDown(error);
    this.#destroyPusher();
    this.#endpoint.appKey = credentials.appKey;
    this.#endpoint.cluster = credentials.cluster;
    this.#open();
  }

  #stop(error: VmscError): void {
    this.#lastError = error;
    this.#reconnector.cancel();
    this.#stopKeepalive();
    this.#state = 'stopped';
    this.#destroyPusher();
    const members = [...this.#members];
    this.#members.clear();
    this.#byChannel.clear();
    this.#onEmpty(this);
    for (const member of members) member.onStopped(error);
  }

  #pingInterval(): number {
    const serverTimeout = this.#manager()?.activityTimeout;
    return typeof serverTimeout === 'number' && serverTimeout > 0
      ? Math.min(this.#keepalive.pingIntervalMs, serverTimeout)
      : this.#keepalive.pingIntervalMs;
  }

  #armKeepalive(delay = this.#pingInterval()): void {
    this.#stopKeepalive();
    this.#keepaliveTimer = this.#clock.setTimeout(() => this.#keepaliveTick(), delay);
  }

  #stopKeepalive(): void {
    if (this.#keepaliveTimer !== undefined) this.#clock.clearTimeout(this.#keepaliveTimer);
    this.#keepaliveTimer = undefined;
    this.#pingSentAt = undefined;
  }

  #keepaliveTick(): void {
    this.#keepaliveTimer = undefined;
    if (this.#state !== 'connected') return;
    const now = this.#clock.now();
    if (this.#pingSentAt !== undefined) {
      if (this.#lastFrameAt >= this.#pingSentAt) {
        this.#pingSentAt = undefined;
        this.#armKeepalive();
      } else {
        this.#lost(4201, `no frame within ${this.#keepalive.pongTimeoutMs} ms of a ping (watchdog)`);
      }
      return;
    }
    const interval = this.#pingInterval();
    const idle = now - this.#lastFrameAt;
    if (idle < interval) {
      this.#armKeepalive(interval - idle);
      return;
    }
    this.#manager()?.send_event('pusher:ping', {});
    this.#pingSentAt = now;
    this.#keepaliveTimer = this.#clock.setTimeout(() => this.#keepaliveTick(), this.#keepalive.pongTimeoutMs);
  }
}
