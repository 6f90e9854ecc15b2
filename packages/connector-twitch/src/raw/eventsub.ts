/**
 * The EventSub WebSocket frame envelope, as Twitch sends it (websocket-reference). Every text
 * frame is `{ metadata, payload }`; only the server sends.
 *
 * @packageDocumentation
 */

/** `metadata` of every frame. */
export interface RawMetadata {
  /** At-least-once delivery: a redelivered message keeps the same id. */
  message_id: string;
  message_type: 'session_welcome' | 'session_keepalive' | 'notification' | 'session_reconnect' | 'revocation' | (string & {});
  /** RFC3339 with nanoseconds. */
  message_timestamp: string;
  /** On notification and revocation. */
  subscription_type?: string;
  subscription_version?: string;
}

/** `payload.session` of a welcome or reconnect frame. */
export interface RawSession {
  id: string;
  status: 'connected' | 'reconnecting' | (string & {});
  connected_at: string;
  keepalive_timeout_seconds: number | null;
  reconnect_url: string | null;
  recovery_url?: string | null;
}

/** A subscription as Twitch describes it (notification, revocation, Helix responses). */
export interface RawSubscription {
  id: string;
  /** `enabled`, or why it stopped: `authorization_revoked`, `user_removed`, `version_removed`, `websocket_*`... */
  status: string;
  type: string;
  version: string;
  cost: number;
  condition: Record<string, string>;
  transport: { method: string; session_id?: string; connected_at?: string; disconnected_at?: string };
  created_at: string;
}

/** `session_welcome` / `session_reconnect`. */
export interface RawSessionMessage {
  metadata: RawMetadata;
  payload: { session: RawSession };
}

/** `notification`: the event itself. */
export interface RawNotificationMessage {
  metadata: RawMetadata;
  payload: { subscription: RawSubscription; event: Record<string, unknown> };
}

/** `revocation`: no further events for that subscription. */
export interface RawRevocationMessage {
  metadata: RawMetadata;
  payload: { subscription: RawSubscription };
}

/** Any frame. */
export interface RawFrame {
  metadata: RawMetadata;
  payload: Record<string, unknown>;
}
