import { afterEach } from 'vitest';
import { EventBus } from '@vmsc/core';
import {
  recordBus,
  sessionsPerTest,
  startStreamElementsFake,
  STREAMELEMENTS_FAKE_JWT,
  type StreamElementsFakeOptions,
} from '@vmsc/testing';
import { StreamElementsConnector } from '../src/index.js';

/**
 * For a test file that uses {@link live}: registers an `afterEach` that disconnects every live
 * connector of the test and closes the fakes; returns `live`.
 */
export function livePerTest(): typeof live {
  return sessionsPerTest(afterEach, live);
}

/** A StreamElements fake and a connected connector (short backoff) whose bus is recorded. */
export async function live(options: StreamElementsFakeOptions = {}) {
  const fake = await startStreamElementsFake(options);
  const bus = new EventBus();
  const connector = new StreamElementsConnector({
    bus,
    token: STREAMELEMENTS_FAKE_JWT,
    method: 'jwt',
    url: fake.url,
    backoff: { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 },
  });
  const { events, notices } = recordBus(bus);
  await connector.connect();
  return { fake, bus, connector, events, notices };
}
