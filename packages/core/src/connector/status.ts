/**
 * The five states of every connector:
 * - `disconnected`: not connected and not trying (initial state, after `disconnect()`).
 * - `connecting`: the first attempt after `connect()` is under way.
 * - `connected`: receiving events.
 * - `reconnecting`: the connection was lost (or an attempt failed) and a retry is scheduled or running.
 * - `error`: stopped on an error that retrying cannot fix (bad token, channel not found...);
 *   `lastError` says which.
 */
export type ConnectorStatus = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'error';

/** All connector states, in lifecycle order. */
export const connectorStatuses: readonly ConnectorStatus[] = ['disconnected', 'connecting', 'connected', 'reconnecting', 'error'];
