/**
 * The multistreamer WebSocket API's messages (spec 004, altodd/multistreamer wiki), as they travel.
 *
 * @packageDocumentation
 */

/** One account of a `status` message. */
export interface RawAccount {
  live: boolean;
  writable: boolean;
  ready: boolean;
  name: string;
  network: { name: string; displayName?: string };
  http_url?: string;
}

/** `status`: the stream's and every account's state. Accounts absent from it are not live. */
export interface RawStatus {
  type: 'status';
  status?: { data_pulling?: boolean; data_pushing?: boolean; data_incoming?: boolean };
  accounts: Record<string, RawAccount>;
}

/** A received chat `text` or `emote`; `to` marks a private message. */
export interface RawChat {
  type: 'text' | 'emote';
  account_id: number;
  stream_id?: number;
  network: string;
  from: { id: number | string; name: string };
  to?: { id: number | string; name: string };
  text: string;
  markdown?: string;
}

/** `viewcountresult`: the viewer count of one account's stream. */
export interface RawViewCountResult {
  type: 'viewcountresult';
  viewer_count: number;
  stream_id: number;
  account_id: number;
}

/** `writerresult`: a chat writer now exists for `account_id` → `cur_stream_account_id`. */
export interface RawWriterResult {
  type: 'writerresult';
  account_id: number;
  cur_stream_account_id: number;
}

/** Requests this client sends. */
export type RawRequest =
  | { type: 'status' }
  | { type: 'viewcount' }
  | { type: 'writer'; account_id: number; cur_stream_account_id: number }
  | { type: 'text' | 'emote'; account_id: number; cur_stream_account_id: number; text: string };
