import { afterEach } from 'vitest';
import { EventBus } from '@vmsc/core';
import { recordBus, sessionsPerTest, startStreamlabsFake, STREAMLABS_FAKE_TOKEN, type StreamlabsFakeOptions } from '@vmsc/testing';
import { StreamlabsConnector } from '../src/index.js';

/**
 * For a test file that uses {@link live}: registers an `afterEach` that disconnects every live
 * connector of the test and closes the fakes; returns `live`.
 */
export function livePerTest(): typeof live {
  return sessionsPerTest(afterEach, live);
}

/** A Streamlabs fake and a connected connector (short backoff) whose bus is recorded. */
export async function live(options: StreamlabsFakeOptions = {}) {
  const fake = await startStreamlabsFake(options);
  const bus = new EventBus();
  const connector = new StreamlabsConnector({
    bus,
    socketToken: STREAMLABS_FAKE_TOKEN,
    url: fake.url,
    backoff: { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 },
    acceptAfterMs: 50,
  });
  const { events, notices } = recordBus(bus);
  await connector.connect();
  return { fake, bus, connector, events, notices };
}
