export { startPulsoidFake } from './pulsoid.js';
export type { PulsoidFake, PulsoidFakeOptions, PulsoidFakeRequest } from './pulsoid.js';
export { startHypeRateFake } from './hyperate.js';
export type { HypeRateFake, HypeRateFakeOptions, PhoenixClientMessage } from './hyperate.js';
export type { UpgradeRefusal } from './gated-server.js';
export { heartrateFixtures } from './fixtures.js';
