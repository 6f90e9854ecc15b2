import { connectorContract } from '@vmsc/testing/contract';
import { PRIMARY, setupKick } from './helpers.js';

connectorContract('kick', async () => {
  const { pusher, bus, connector, pool } = await setupKick();
  return {
    connector,
    bus,
    async sendEvent() {
      await pusher.waitForSubscription(PRIMARY);
      pusher.sendFixture('ChatMessageEvent', PRIMARY);
    },
    async dropConnection() {
      pusher.dropAll();
    },
    async close() {
      pool.closeAll();
      await pusher.close();
    },
  };
});
