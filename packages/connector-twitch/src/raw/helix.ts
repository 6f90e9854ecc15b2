/**
 * Helix and OAuth bodies the connector reads and writes.
 *
 * @packageDocumentation
 */
import type { RawSubscription } from './eventsub.js';

/** `GET https://id.twitch.tv/oauth2/validate` → 200. */
export interface RawValidateResponse {
  client_id: string;
  login: string;
  scopes: string[] | null;
  user_id: string;
  expires_in: number;
}

/** `GET /helix/users` item. */
export interface RawHelixUser {
  id: string;
  login: string;
  display_name: string;
  profile_image_url?: string;
}

/** `POST /helix/eventsub/subscriptions` → 202. */
export interface RawCreateSubscriptionResponse {
  data: RawSubscription[];
  total: number;
  total_cost: number;
  max_total_cost: number;
}

/** Helix error body: `{ error, status, message }`. */
export interface RawHelixError {
  error?: string;
  status?: number;
  message?: string;
}

/** `POST /helix/chat/messages` → 200 (sent, or dropped with `drop_reason`). */
export interface RawSendChatResponse {
  data: Array<{ message_id: string; is_sent: boolean; drop_reason?: { code: string; message: string } | null }>;
}
