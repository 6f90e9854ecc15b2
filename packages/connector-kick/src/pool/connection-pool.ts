import { Reconnector, systemClock, type Backoff, type BackoffOptions, type Clock } from '@vmsc/core';
import { KICK_DEFAULT_APP_KEY, KICK_DEFAULT_CLUSTER } from '../resolve/app-key.js';
import { PusherSession, type KeepaliveOptions, type KeyRefresh, type PusherEndpoint, type SessionMember } from './pusher-session.js';

/** Options of {@link KickConnectionPool}. */
export interface KickConnectionPoolOptions {
  /** Reconnect backoff of the pool's sockets. Default: spec 003 (1, 2, 4, 8, 16 s + 0–1 s jitter). */
  backoff?: Backoff | BackoffOptions;
  /** Time source for keepalive and backoff, for tests. */
  clock?: Clock;
  /** Most Pusher channels on one socket before the pool opens another. Default 1,000 (a Kick channel uses 3–5). */
  maxSubscriptionsPerConnection?: number;
  /** Ping / watchdog timing. */
  keepalive?: KeepaliveOptions;
}

/** A member's lease on a pooled socket. */
export interface PoolLease {
  /** The socket's current app key. */
  readonly appKey: string;
  release(): void;
}

function endpointKey(endpoint: PusherEndpoint): string {
  return `${endpoint.appKey}|${endpoint.cluster}|${endpoint.wsHost ?? ''}|${endpoint.wsPort ?? ''}|${endpoint.forceTLS ?? true}`;
}

/**
 * Shares Pusher sockets between Kick connectors: connectors with the same app key and host ride one
 * socket (up to `maxSubscriptionsPerConnection` Pusher channels each), so a bot watching a thousand
 * streamers opens a handful of sockets, not a thousand. Every {@link KickConnector} uses
 * {@link KickConnectionPool.shared} unless given its own pool.
 *
 * @example
 * ```ts
 * const pool = new KickConnectionPool({ maxSubscriptionsPerConnection: 2_000 });
 * for (const channel of ['xqc', 'adinross']) new KickConnector({ bus, channel, pool }).connect();
 * ```
 */
export class KickConnectionPool {
  /** The process-wide default pool. */
  static readonly shared = new KickConnectionPool();

  readonly #options: KickConnectionPoolOptions;
  readonly #sessions = new Map<string, PusherSession[]>();

  constructor(options: KickConnectionPoolOptions = {}) {
    this.#options = options;
  }

  /** Open sockets. */
  get connectionCount(): number {
    let count = 0;
    for (const sessions of this.#sessions.values()) count += sessions.length;
    return count;
  }

  /** Pusher channels subscribed across all sockets. */
  get subscriptionCount(): number {
    let count = 0;
    for (const sessions of this.#sessions.values()) for (const session of sessions) count += session.subscriptionCount;
    return count;
  }

  /**
   * Attaches a member to a socket for `endpoint` with room for its channels (opening one if needed).
   *
   * @internal Used by {@link KickConnector}.
   */
  acquire(endpoint: Partial<PusherEndpoint>, member: SessionMember, keyRefresh?: KeyRefresh): PoolLease {
    const full: PusherEndpoint = {
      ...endpoint,
      appKey: endpoint.appKey ?? KICK_DEFAULT_APP_KEY,
      cluster: endpoint.cluster ?? KICK_DEFAULT_CLUSTER,
    };
    const key = endpointKey(full);
    const max = this.#options.maxSubscriptionsPerConnection ?? 1_000;
    const sessions = this.#sessions.get(key) ?? [];
    let session = sessions.find((candidate) => !candidate.stopped && candidate.subscriptionCount + member.channels.length <= max);
    if (!session) {
      session = new PusherSession({
        endpoint: full,
        clock: this.#options.clock ?? systemClock,
        reconnector: new Reconnector({ backoff: this.#options.backoff, clock: this.#options.clock ?? systemClock }),
        keepalive: this.#options.keepalive,
        keyRefresh,
        onEmpty: (empty) => this.#forget(key, empty),
      });
      sessions.push(session);
      this.#sessions.set(key, sessions);
    }
    const chosen = session;
    chosen.attach(member);
    return {
      get appKey() {
        return chosen.appKey;
      },
      release: () => chosen.detach(member),
    };
  }

  /** Closes every socket of the pool. */
  closeAll(): void {
    for (const sessions of [...this.#sessions.values()]) for (const session of [...sessions]) session.close();
    this.#sessions.clear();
  }

  #forget(key: string, session: PusherSession): void {
    const sessions = this.#sessions.get(key);
    if (!sessions) return;
    const index = sessions.indexOf(session);
    if (index >= 0) sessions.splice(index, 1);
    if (sessions.length === 0) this.#sessions.delete(key);
  }
}
