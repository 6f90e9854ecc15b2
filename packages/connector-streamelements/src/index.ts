export { StreamElementsConnector, STREAMELEMENTS_REALTIME_URL } from './connector.js';
export type { StreamElementsConnectorOptions, StreamElementsAuthMethod } from './connector.js';
export { normalizeActivity, unknownStreamElementsEvent, MAPPED_ACTIVITY_TYPES } from './normalize/activity.js';
export type { NormalizedActivity, NormalizeActivityOptions, StreamElementsEvent } from './normalize/activity.js';
export { normalizeTestEvent, normalizeOtherMessage } from './normalize/realtime-messages.js';
export type {
  RawActivity,
  RawActivityData,
  RawAuthenticate,
  RawAuthenticated,
  RawUnauthorized,
  RawTestEvent,
  RawTestEventItem,
  RawSessionUpdate,
} from './raw/realtime.js';
