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
