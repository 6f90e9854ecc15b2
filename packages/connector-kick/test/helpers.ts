import { EventBus } from '@vmsc/core';
import { startKickPusherFake, type KickPusherFake } from '@vmsc/testing';
import { KickConnectionPool, KickConnector, type KickConnectorOptions } from '../src/index.js';

/** Ids used by most tests (xqc's real ids). */
export const IDS = { chatroomId: 668, channelId: 668, slug: 'xqc' } as const;
export const PRIMARY = 'chatrooms.668.v2';

/** A fake Pusher server plus a connector aimed at it on its own pool with a short backoff. */
export async function setupKick(overrides: Partial<KickConnectorOptions> = {}, fake?: KickPusherFake) {
  const pusher = fake ?? (await startKickPusherFake());
  const bus = new EventBus();
  const pool = new KickConnectionPool({ backoff: { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 } });
  const connector = new KickConnector({
    bus,
    channel: IDS,
    wsHost: pusher.host,
    wsPort: pusher.port,
    forceTLS: false,
    pool,
    keyRefresh: false,
    ...overrides,
  });
  return { pusher, bus, pool, connector };
}

/** A hand-driven clock for the pool's keepalive and backoff timers (pusher-js and the sockets stay real). */
export class ManualClock {
  #now = 1_800_000_000_000;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #seq = 0;

  now = (): number => this.#now;

  setTimeout = (callback: () => void, delayMs: number): unknown => {
    const id = ++this.#seq;
    this.#timers.set(id, { at: this.#now + delayMs, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  /** Pending timers. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward, firing due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.#timers.delete(next[0]);
      this.#now = Math.max(this.#now, next[1].at);
      next[1].callback();
    }
    this.#now = target;
  }
}
