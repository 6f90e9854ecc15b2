/**
 * Heart rate connectors for VMSC: {@link PulsoidConnector} (Pulsoid's real-time WebSocket) and
 * {@link HypeRateConnector} (HypeRate's Phoenix Channels socket). Both publish `bpm_update` events
 * with source `heartrate`.
 *
 * @packageDocumentation
 */
export { PulsoidConnector, PULSOID_WS_URL } from './pulsoid-connector.js';
export type { PulsoidConnectorOptions } from './pulsoid-connector.js';
export { HypeRateConnector, HYPERATE_WS_URL } from './hyperate-connector.js';
export type { HypeRateConnectorOptions } from './hyperate-connector.js';
export type { SocketConnectorOptions } from './socket-connector.js';
export { PulsoidAuthError, HypeRateAuthError, HypeRateJoinError, PhoenixReplyError } from './errors.js';
// Decoding captured frames offline (replays, benchmarks); the Phoenix codec and the error classifier are internals.
export { normalizePulsoidFrame, normalizePulsoidMessage } from './normalize/pulsoid.js';
export type { PulsoidFrameResult } from './normalize/pulsoid.js';
export { normalizeHypeRateFrame, normalizeHypeRateMessage } from './normalize/hyperate.js';
export type { HypeRateFrameResult } from './normalize/hyperate.js';
export type { HeartRateEvent, HeartRateProvider } from './normalize/events.js';
export { PULSOID_ERROR_CODES } from './raw/pulsoid.js';
export type { PulsoidHeartRateMessage, PulsoidErrorBody, PulsoidResponseMode } from './raw/pulsoid.js';
export type { PhoenixMessage, PhoenixReplyPayload, HypeRateHrUpdatePayload } from './raw/phoenix.js';
