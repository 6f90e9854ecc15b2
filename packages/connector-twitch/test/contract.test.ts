import { connectorContract } from '@vmsc/testing/contract';
import { rig } from './helpers.js';

connectorContract('twitch', async () => {
  const { fake, bus, connector } = await rig();
  return {
    connector,
    bus,
    // A lost EventSub WebSocket session is a new session with new subscriptions: Twitch does not replay missed notifications.
    reconnectGap: 'reported',
    sendEvent: async () => {
      await fake.waitForSubscriptions(1);
      fake.notify('channel.chat.message');
    },
    dropConnection: async () => {
      await fake.waitForSubscriptions(1);
      fake.dropSession();
    },
    secrets: ['test-token'],
    close: () => fake.close(),
  };
});
