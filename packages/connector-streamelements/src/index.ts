export { StreamElementsConnector, STREAMELEMENTS_REALTIME_URL } from './connector.js';
export type { StreamElementsConnectorOptions, StreamElementsAuthMethod } from './connector.js';
export { normalizeActivity } from './normalize/activity.js';
export type { NormalizedActivity, NormalizeActivityOptions, StreamElementsEvent } from './normalize/activity.js';
export type { RawActivity, RawActivityData } from './raw/realtime.js';
