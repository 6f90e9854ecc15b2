import { EventBus, type StreamEvent } from '@vmsc/core';
import { startTikTokFake, type TikTokFake, type TikTokFakeOptions } from '@vmsc/testing';
import { TikTokConnector, type TikTokConnectorCommonOptions } from '../src/index.js';

export const API_KEY = 'euler-test-key-0123456789';

export interface Setup {
  fake: TikTokFake;
  bus: EventBus;
  connector: TikTokConnector;
  events: StreamEvent[];
}

/** A fake and a connector aimed at it (every URL on loopback). */
export async function setup(
  fakeOptions: TikTokFakeOptions = {},
  connectorOptions: Partial<TikTokConnectorCommonOptions> & { uniqueId?: string; roomId?: string } = {},
): Promise<Setup> {
  const fake = await startTikTokFake({ apiKey: API_KEY, ...fakeOptions });
  const bus = new EventBus();
  const events: StreamEvent[] = [];
  bus.onAny((event) => void events.push(event));
  const target = connectorOptions.uniqueId !== undefined || connectorOptions.roomId !== undefined ? {} : { roomId: fake.roomId };
  const connector = new TikTokConnector({
    bus,
    ...target,
    signApi: { url: fake.url, apiKey: API_KEY },
    webBaseUrl: fake.url,
    webcastBaseUrl: fake.url,
    backoff: { initialDelayMs: 20, maxDelayMs: 100, jitterMs: 0 },
    ...connectorOptions,
  } as ConstructorParameters<typeof TikTokConnector>[0]);
  return { fake, bus, connector, events };
}
