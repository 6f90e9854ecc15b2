import type { RawBaseMessage, RawFetchResult, RawPushFrame } from '../raw/frames.js';
import { METHOD_NAMES } from './methods.js';
import { WireReader, WireType, embeddedEnd } from './wire.js';

/**
 * Decoders of the transport layer: `WebcastPushFrame`, `ProtoMessageFetchResult` and
 * `BaseProtoMessage`. Payload bytes are subarrays of the input (no copy).
 *
 * @packageDocumentation
 */

const EMPTY = new Uint8Array(0);

function decodeHeader(reader: WireReader, end: number, into: Record<string, string>): void {
  let key = '';
  let value = '';
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === WireType.LengthDelimited) key = reader.string();
    else if (fieldNo === 2 && wireType === WireType.LengthDelimited) value = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  if (key) into[key] = value;
}

/**
 * Decodes a `WebcastPushFrame` (one binary WebSocket message).
 *
 * @throws RangeError / Error from the reader on malformed bytes.
 */
export function decodePushFrame(bytes: Uint8Array): RawPushFrame {
  const reader = new WireReader(bytes);
  const frame: RawPushFrame = { seqId: '0', logId: '0', headers: {}, payloadEncoding: '', payloadType: '', payload: EMPTY };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    switch (fieldNo) {
      case 1:
        if (wireType !== WireType.Varint) break;
        frame.seqId = reader.int64String();
        continue;
      case 2:
        if (wireType !== WireType.Varint) break;
        frame.logId = reader.int64String();
        continue;
      case 5:
        if (wireType !== WireType.LengthDelimited) break;
        decodeHeader(reader, embeddedEnd(reader), frame.headers);
        continue;
      case 6:
        if (wireType !== WireType.LengthDelimited) break;
        frame.payloadEncoding = reader.string();
        continue;
      case 7:
        if (wireType !== WireType.LengthDelimited) break;
        frame.payloadType = reader.string();
        continue;
      case 8:
        if (wireType !== WireType.LengthDelimited) break;
        frame.payload = reader.bytes();
        continue;
    }
    reader.skip(wireType, fieldNo);
  }
  return frame;
}

function decodeBaseMessage(reader: WireReader, end: number): RawBaseMessage {
  const message: RawBaseMessage = { method: '', payload: EMPTY, msgId: '0', isHistory: false };
  while (reader.pos < end) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo === 1 && wireType === WireType.LengthDelimited) message.method = reader.string(METHOD_NAMES);
    else if (fieldNo === 2 && wireType === WireType.LengthDelimited) message.payload = reader.bytes();
    else if (fieldNo === 3 && wireType === WireType.Varint) message.msgId = reader.int64String();
    else if (fieldNo === 6 && wireType === WireType.Varint) message.isHistory = reader.bool();
    else reader.skip(wireType, fieldNo);
  }
  return message;
}

/**
 * Decodes a `ProtoMessageFetchResult` (an event batch, or the sign API's response body). The
 * messages stay encoded; decode each with `decodeWebcastMessage`.
 */
export function decodeFetchResult(bytes: Uint8Array): RawFetchResult {
  const reader = new WireReader(bytes);
  const result: RawFetchResult = {
    messages: [],
    cursor: '',
    now: 0,
    internalExt: '',
    routeParams: {},
    heartbeatDuration: 0,
    needAck: false,
    pushServer: '',
    isFirst: false,
  };
  while (reader.pos < reader.len) {
    const tag = reader.tag();
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === WireType.LengthDelimited) {
      if (fieldNo === 1) {
        result.messages.push(decodeBaseMessage(reader, embeddedEnd(reader)));
        continue;
      }
      if (fieldNo === 2) {
        result.cursor = reader.string();
        continue;
      }
      if (fieldNo === 5) {
        result.internalExt = reader.string();
        continue;
      }
      if (fieldNo === 7) {
        decodeHeader(reader, embeddedEnd(reader), result.routeParams);
        continue;
      }
      if (fieldNo === 10) {
        result.pushServer = reader.string();
        continue;
      }
    } else if (wireType === WireType.Varint) {
      if (fieldNo === 4) {
        result.now = reader.int64Number();
        continue;
      }
      if (fieldNo === 8) {
        result.heartbeatDuration = reader.int64Number();
        continue;
      }
      if (fieldNo === 9) {
        result.needAck = reader.bool();
        continue;
      }
      if (fieldNo === 11) {
        result.isFirst = reader.bool();
        continue;
      }
    }
    reader.skip(wireType, fieldNo);
  }
  return result;
}
