import { EventBus, type StreamEvent } from '@vmsc/core';
import { startYouTubeFake, type YouTubeFake, type YouTubeFakeOptions } from '@vmsc/testing';
import { YouTubeConnector, type YouTubeConnectorOptions } from '../src/index.js';

export interface Rig {
  fake: YouTubeFake;
  bus: EventBus;
  connector: YouTubeConnector;
  events: StreamEvent[];
}

/** A fake plus a connector aimed at it (API key, video id, short backoff) and the events it publishes. */
export async function rig(connectorOptions: Partial<YouTubeConnectorOptions> = {}, fakeOptions: YouTubeFakeOptions = {}): Promise<Rig> {
  const fake = await startYouTubeFake({ pollingIntervalMillis: 20, ...fakeOptions });
  const bus = new EventBus();
  const events: StreamEvent[] = [];
  bus.onAny((event) => void events.push(event));
  const connector = new YouTubeConnector({
    bus,
    auth: { apiKey: fake.apiKey },
    target: { videoId: fake.videoId },
    apiBaseUrl: fake.url,
    backoff: { initialDelayMs: 20, maxDelayMs: 100, jitterMs: 0 },
    ...connectorOptions,
  });
  return { fake, bus, connector, events };
}

/** Requests to the chat endpoints only. */
export const chatRequests = (fake: YouTubeFake) => fake.requests.filter((request) => request.path.startsWith('liveChat/messages'));
