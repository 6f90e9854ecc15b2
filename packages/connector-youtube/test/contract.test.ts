import { connectorContract } from '@vmsc/testing/contract';
import { youtubeTextMessage } from '@vmsc/testing';
import { rig } from './helpers.js';

connectorContract('youtube (polling)', async () => {
  const { fake, bus, connector } = await rig();
  return {
    connector,
    bus,
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
  const { fake, bus, connector } = await rig({ mode: 'stream' }, { streamChunkBytes: 7 });
  return {
    connector,
    bus,
    sendEvent: async () => fake.push(youtubeTextMessage('contract hello ✨')),
    dropConnection: async () => {
      fake.fail({ kind: 'status', status: 503 });
      fake.dropStreams();
    },
    secrets: [fake.apiKey],
    close: () => fake.close(),
  };
});
