/**
 * Property-based testing helpers shared by every package's `test/properties.test.ts`.
 *
 * @packageDocumentation
 */
export { checkProperty, checkAsyncProperty, DEFAULT_PROPERTY_SEED } from './check-property.js';
export type { CheckPropertyOptions } from './check-property.js';
export { mutatedBytes, mutatedJson, mutatedJsonOf, arbitraryFrameText } from './arbitraries.js';
export type { JsonLike } from './arbitraries.js';
export { expectValidEvent, expectTypedError } from './outcome.js';
export { seededRandom } from './random.js';
export { recordBus, expectSessionSurvived, trackConnectors, sessionsPerTest } from './live-session.js';
export type { BusRecording, ConnectorTracker, Disconnectable } from './live-session.js';
