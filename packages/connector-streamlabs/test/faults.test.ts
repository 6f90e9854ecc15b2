import { streamlabsFixtures } from '@vmsc/testing';
import { socketIoFaultSuite } from '@vmsc/testing/contract';
import { livePerTest } from './helpers.js';

const donation = streamlabsFixtures['event-donation'];

socketIoFaultSuite('Streamlabs (socket.io 2)', {
  live: livePerTest(),
  payload: (id) => ({ ...donation, message: [{ ...donation.message[0], _id: id }] }),
  // Every reconnect is one more accepted connection.
  sessions: (fake) => fake.connections.filter((connection) => connection.accepted).length,
  seeds: { drops: 0x51ab5, burst: 0xd15c },
});
