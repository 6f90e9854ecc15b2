import { afterEach } from 'vitest';
import { EventBus, type BusNotice } from '@vmsc/core';
import { sessionsPerTest, startTwitchFake, type FakeTwitch, type FakeTwitchOptions } from '@vmsc/testing';
import { TwitchConnector, type TwitchConnectorOptions } from '../src/index.js';

/** A fake Twitch and a connector aimed at it, with a short backoff. */
export interface Rig {
  fake: FakeTwitch;
  bus: EventBus;
  connector: TwitchConnector;
  notices: BusNotice[];
}

export async function rig(options: { fake?: FakeTwitchOptions; connector?: Partial<TwitchConnectorOptions> } = {}): Promise<Rig> {
  const fake = await startTwitchFake({ pingIntervalMs: 200, ...options.fake });
  const bus = new EventBus();
  const notices: BusNotice[] = [];
  bus.onNotice((notice) => void notices.push(notice));
  const connector = new TwitchConnector({
    bus,
    clientId: fake.clientId,
    auth: 'test-token',
    broadcaster: 'cool_user',
    urls: { eventsub: fake.eventsubUrl, helix: fake.helixUrl, auth: fake.authUrl },
    backoff: { initialDelayMs: 20, maxDelayMs: 200, jitterMs: 0 },
    ...options.connector,
  });
  return { fake, bus, connector, notices };
}

/**
 * `rig()` for a test file: registers an `afterEach` that disconnects every rig made in the test and
 * closes the fakes; returns the function that makes (and tracks) a rig.
 */
export function rigPerTest(): (...args: Parameters<typeof rig>) => Promise<Rig> {
  return sessionsPerTest(afterEach, rig);
}
