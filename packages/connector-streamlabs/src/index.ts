export { StreamlabsConnector, STREAMLABS_SOCKET_URL } from './connector.js';
export type { StreamlabsConnectorOptions } from './connector.js';
export { normalizeStreamlabsEvent } from './normalize/normalize.js';
export type { NormalizedStreamlabsAlert, StreamlabsEvent } from './normalize/normalize.js';
export type { RawStreamlabsSocketEvent, RawStreamlabsAlertItem } from './raw/socket-event.js';
