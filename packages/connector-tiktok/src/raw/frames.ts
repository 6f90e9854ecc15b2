/**
 * Raw wire types of the webcast transport: the WebSocket frame and the event batch inside it
 * (community names from tiktok-live-proto v3; field numbers in docs/connectors/tiktok.md). Only the
 * fields the connector uses are kept. 64-bit ids are decimal strings.
 *
 * @packageDocumentation
 */

/** `WebcastPushFrame`: every binary WebSocket message, both directions. */
export interface RawPushFrame {
  /** 1: server sequence number. */
  seqId: string;
  /** 2: server frame id, echoed in acks. */
  logId: string;
  /** 5: headers, e.g. `compress_type: gzip`. */
  headers: Record<string, string>;
  /** 6: `"pb"`. */
  payloadEncoding: string;
  /** 7: `"msg"`, `"im_enter_room_resp"`, `"hb"`, `"ack"`... */
  payloadType: string;
  /** 8: the payload (a gzip'd {@link RawFetchResult} for `msg`). */
  payload: Uint8Array;
}

/** `BaseProtoMessage`: one event of a batch, still encoded. */
export interface RawBaseMessage {
  /** 1: the message class name, e.g. `WebcastChatMessage`. */
  method: string;
  /** 2: the encoded message. */
  payload: Uint8Array;
  /** 3: message id (dedupe key), `"0"` when absent. */
  msgId: string;
  /** 6: part of the history replayed by the sign API response. */
  isHistory: boolean;
}

/** `ProtoMessageFetchResult`: an event batch (and the sign API's response body). */
export interface RawFetchResult {
  /** 1 */
  messages: RawBaseMessage[];
  /** 2: the new cursor. */
  cursor: string;
  /** 4: server time, ms. */
  now: number;
  /** 5: opaque; the ack payload and the WebSocket `internal_ext` parameter. */
  internalExt: string;
  /** 7: extra WebSocket URL parameters. */
  routeParams: Record<string, string>;
  /** 8: heartbeat interval the server suggests, ms (0 when absent). */
  heartbeatDuration: number;
  /** 9: reply with an ack frame. */
  needAck: boolean;
  /** 10: the WebSocket base URL. */
  pushServer: string;
  /** 11: first response of a connection. */
  isFirst: boolean;
}
