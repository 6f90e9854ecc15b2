import { connectorContract } from '@vmsc/testing/contract';
import { waitUntil, youtubeTextMessage } from '@vmsc/testing';
import { rig } from './helpers.js';

connectorContract('youtube (polling)', async () => {
  const { fake, bus, connector } = await rig();
  return {
    connector,
    bus,
    // The next list/stream call resumes with the last nextPageToken, so messages posted meanwhile come on the next page.
    reconnectGap: 'none',
    sendEvent: async () => fake.push(youtubeTextMessage('contract hello')),
    dropConnection: async () => {
      fake.fail({ kind: 'reset' });
      fake.fail({ kind: 'status', status: 503, reason: 'backendError', message: 'Backend Error' });
    },
    secrets: [fake.apiKey],
    close: () => fake.close(),
  };
});

connectorContract('youtube (streaming)', async () => {
  const { fake, bus, connector, events } = await rig({ mode: 'stream' }, { streamChunkBytes: 7 });
  return {
    connector,
    bus,
    // The next list/stream call resumes with the last nextPageToken, so messages posted meanwhile come on the next page.
    reconnectGap: 'none',
    sendEvent: async () => fake.push(youtubeTextMessage('contract hello ✨')),
    dropConnection: async () => {
      // connect() resolves when the stream opens; its first page (the page token to resume from)
      // comes after. A drop before it is a reported gap (faults.test.ts); here the stream is past it.
      const before = events.length;
      fake.push(youtubeTextMessage('before the drop'));
      await waitUntil(() => events.length > before, 'the stream past its first page');
      fake.fail({ kind: 'status', status: 503 });
      fake.dropStreams();
    },
    secrets: [fake.apiKey],
    close: () => fake.close(),
  };
});
