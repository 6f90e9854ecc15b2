/**
 * Phoenix Channels wire types as HypeRate speaks them (`/socket/websocket`, serializer V1: one JSON
 * object per frame, `{topic, event, payload, ref}`). The V2 serializer's array form
 * `[join_ref, ref, topic, event, payload]` is only used with `vsn=2.0.0`, which HypeRate's clients
 * do not request; the decoder accepts it anyway.
 *
 * @packageDocumentation
 */

/** A Phoenix message (V1 object form). `ref` is `null` on server broadcasts. */
export interface PhoenixMessage<P = unknown> {
  topic: string;
  event: string;
  payload: P;
  ref: string | number | null;
  /** Only present in frames decoded from the V2 array form. */
  join_ref?: string | number | null;
}

/** The payload of a `phx_reply`. Failures carry `status: "error"` and usually `response.reason`. */
export interface PhoenixReplyPayload {
  status: 'ok' | 'error' | (string & {});
  response: { reason?: string; [key: string]: unknown };
}

/** The payload of HypeRate's `hr_update` broadcast on `hr:<id>`. `hr: 0` = inactive session. */
export interface HypeRateHrUpdatePayload {
  hr: number;
}

/** Phoenix's reserved events. */
export const PHX = {
  join: 'phx_join',
  leave: 'phx_leave',
  reply: 'phx_reply',
  error: 'phx_error',
  close: 'phx_close',
  heartbeat: 'heartbeat',
  /** The topic of socket-level messages (heartbeats). */
  socketTopic: 'phoenix',
} as const;
