/** What a close code of the EventSub socket means (Twitch's close table, brief §1.4). */
export interface CloseCodeInfo {
  /** Twitch's description. */
  description: string;
  /** The status Twitch gives the session's subscriptions. */
  subscriptionStatus: string;
}

/**
 * EventSub close codes 4000–4007. Every one of them ends the session and disables its
 * subscriptions; the connector reconnects fresh (with core's backoff) and resubscribes. 4007
 * (invalid reconnect URL) reconnects to the base URL, which a fresh reconnect always does.
 */
export const EVENTSUB_CLOSE_CODES: Readonly<Record<number, CloseCodeInfo>> = {
  4000: { description: 'internal server error', subscriptionStatus: 'websocket_internal_error' },
  4001: { description: 'client sent inbound traffic', subscriptionStatus: 'websocket_received_inbound_traffic' },
  4002: { description: 'client failed ping-pong', subscriptionStatus: 'websocket_failed_ping_pong' },
  4003: { description: 'connection unused (no subscription created in time)', subscriptionStatus: 'websocket_connection_unused' },
  4004: { description: 'reconnect grace time expired', subscriptionStatus: 'websocket_disconnected' },
  4005: { description: 'network timeout', subscriptionStatus: 'websocket_network_timeout' },
  4006: { description: 'network error', subscriptionStatus: 'websocket_network_error' },
  4007: { description: 'invalid reconnect', subscriptionStatus: 'websocket_disconnected' },
};

/** A readable description of any close code. */
export function describeClose(code: number, reason: string): CloseCodeInfo {
  const known = EVENTSUB_CLOSE_CODES[code];
  if (known) return known;
  const description = code === 1006 ? 'connection lost (no close frame)' : `closed with code ${code}${reason ? ` (${reason})` : ''}`;
  return { description, subscriptionStatus: 'websocket_disconnected' };
}
