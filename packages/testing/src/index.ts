// Shared helpers
export { closeAllFakes, registerCleanup, openFakeCount } from './cleanup.js';
export { startHttpServer, startWsServer, LOOPBACK_HOST } from './loopback.js';
export type { LoopbackHttpServer, LoopbackWsServer, WsServerOptions } from './loopback.js';
export { waitForEvent, collectEvents, waitUntil } from './wait.js';
export type { WaitOptions, EventCollector } from './wait.js';
export { playScript } from './script.js';
export type { ScriptStep } from './script.js';
export {
  sampleEvents,
  tiktokSamples,
  twitchSamples,
  youtubeSamples,
  kickSamples,
  streamlabsSamples,
  streamelementsSamples,
  heartrateSamples,
} from './samples/index.js';

// Platform fakes (one module per platform, added by each connector)
