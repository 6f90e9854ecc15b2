export { StreamlabsConnector, STREAMLABS_SOCKET_URL } from './connector.js';
export type { StreamlabsConnectorOptions } from './connector.js';
export { normalizeStreamlabsEvent, NON_ALERT_TYPES, MAPPED_ALERT_TYPES } from './normalize/normalize.js';
export type { NormalizedStreamlabsAlert, StreamlabsEvent } from './normalize/normalize.js';
export { parseDecimal } from './normalize/decimal.js';
export type { ExactAmount } from './normalize/decimal.js';
export { platformOf } from './normalize/platform.js';
export type { RawStreamlabsSocketEvent, RawStreamlabsAlertItem } from './raw/socket-event.js';
