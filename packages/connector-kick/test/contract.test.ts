import { kickEventFrames } from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import { PRIMARY, setupKick } from './helpers.js';

connectorContract('kick', async () => {
  const { pusher, bus, connector, pool } = await setupKick();
  return {
    connector,
    bus,
    // Pusher does not replay what a channel broadcast while the socket was down.
    reconnectGap: 'reported',
    async sendEvent() {
      await pusher.waitForSubscription(PRIMARY);
      // A fresh message id each time (Kick's id becomes the event id, and the bus drops repeated ids).
      const frame = JSON.parse(kickEventFrames.ChatMessageEvent) as { data: string };
      pusher.sendEvent(PRIMARY, 'App\\Events\\ChatMessageEvent', { ...(JSON.parse(frame.data) as object), id: crypto.randomUUID() });
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
