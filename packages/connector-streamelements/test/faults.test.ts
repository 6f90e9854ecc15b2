import { streamelementsActivityFixtures } from '@vmsc/testing';
import { socketIoFaultSuite } from '@vmsc/testing/contract';
import { livePerTest } from './helpers.js';

const tip = streamelementsActivityFixtures['event-tip'];

socketIoFaultSuite('StreamElements (socket.io 4)', {
  live: livePerTest(),
  payload: (id) => ({ ...tip, _id: id, activityId: id }),
  // Every reconnect authenticates once more.
  sessions: (fake) => fake.connections.filter((connection) => connection.authenticated).length,
  seeds: { drops: 0x5e1e, burst: 0x6b1c },
});
