import { connectorContract } from '@vmsc/testing/contract';
import { tiktokChatMessage } from '@vmsc/testing';
import { API_KEY, setup } from './helpers.js';

connectorContract('tiktok', async () => {
  const { fake, bus, connector } = await setup();
  return {
    connector,
    bus,
    // The Webcast push socket does not replay what was sent while it was down (a new room entry starts afresh).
    reconnectGap: 'reported',
    secrets: [API_KEY],
    async sendEvent() {
      await fake.waitForEnter(fake.enters.length > 0 ? fake.enters.length : 1);
      fake.sendBatch([tiktokChatMessage({ content: 'contract chat' })]);
    },
    async dropConnection() {
      await fake.waitForEnter(1);
      fake.dropAll();
    },
    close: () => fake.close(),
  };
});
