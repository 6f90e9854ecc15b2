import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

/**
 * The fake's own protobuf encoders (webcast field numbers from tiktok-live-proto v3, see
 * docs/connectors/tiktok.md) and the decoders of the three client frames it checks.
 *
 * @packageDocumentation
 */

const LD = WireType.LengthDelimited;
const VI = WireType.Varint;

type Build = (writer: BinaryWriter) => void;

/** Encodes a message with `build`. */
export function encode(build: Build): Uint8Array {
  const writer = new BinaryWriter();
  build(writer);
  return writer.finish();
}

/** Writes an embedded message field. */
export function embed(writer: BinaryWriter, fieldNo: number, build: Build): void {
  writer.tag(fieldNo, LD).bytes(encode(build));
}

/** Writes a string field unless empty. */
export function str(writer: BinaryWriter, fieldNo: number, value: string | undefined): void {
  if (value) writer.tag(fieldNo, LD).string(value);
}

/** Writes a varint field unless zero/undefined. */
export function int(writer: BinaryWriter, fieldNo: number, value: number | string | bigint | undefined): void {
  if (value !== undefined && value !== 0 && value !== '0' && value !== '' && value !== 0n) writer.tag(fieldNo, VI).int64(value);
}

/** Writes a bool field when true. */
export function bool(writer: BinaryWriter, fieldNo: number, value: boolean | undefined): void {
  if (value) writer.tag(fieldNo, VI).bool(true);
}

/** An `ImageModel` with one URL. */
export function image(writer: BinaryWriter, fieldNo: number, url: string | undefined): void {
  if (url) embed(writer, fieldNo, (w) => w.tag(1, LD).string(url));
}

/** A map<string,string> / repeated {1 key, 2 value} field. */
export function stringMap(writer: BinaryWriter, fieldNo: number, map: Record<string, string>): void {
  for (const [key, value] of Object.entries(map)) embed(writer, fieldNo, (w) => w.tag(1, LD).string(key).tag(2, LD).string(value));
}

/** A `WebcastPushFrame`. */
export interface PushFrameInit {
  seqId?: string | number;
  logId?: string | number;
  headers?: Record<string, string>;
  payloadEncoding?: string;
  payloadType: string;
  payload?: Uint8Array;
}

/** Encodes a `WebcastPushFrame`. */
export function encodePushFrame(frame: PushFrameInit): Uint8Array {
  return encode((w) => {
    int(w, 1, frame.seqId);
    int(w, 2, frame.logId);
    stringMap(w, 5, frame.headers ?? {});
    str(w, 6, frame.payloadEncoding ?? 'pb');
    str(w, 7, frame.payloadType);
    if (frame.payload && frame.payload.length > 0) w.tag(8, LD).bytes(frame.payload);
  });
}

/** One encoded message of a batch (`BaseProtoMessage`). */
export interface WebcastMessage {
  method: string;
  payload: Uint8Array;
  msgId?: string;
  isHistory?: boolean;
}

/** A `ProtoMessageFetchResult`. */
export interface FetchResultInit {
  messages?: readonly WebcastMessage[];
  cursor?: string;
  fetchInterval?: number;
  now?: number;
  internalExt?: string;
  fetchType?: number;
  routeParams?: Record<string, string>;
  heartbeatDuration?: number;
  needAck?: boolean;
  pushServer?: string;
  isFirst?: boolean;
}

/** Encodes a `ProtoMessageFetchResult`. */
export function encodeFetchResult(result: FetchResultInit): Uint8Array {
  return encode((w) => {
    for (const message of result.messages ?? []) {
      embed(w, 1, (m) => {
        str(m, 1, message.method);
        if (message.payload.length > 0) m.tag(2, LD).bytes(message.payload);
        int(m, 3, message.msgId);
        bool(m, 6, message.isHistory);
      });
    }
    str(w, 2, result.cursor);
    int(w, 3, result.fetchInterval);
    int(w, 4, result.now);
    str(w, 5, result.internalExt);
    int(w, 6, result.fetchType);
    stringMap(w, 7, result.routeParams ?? {});
    int(w, 8, result.heartbeatDuration);
    bool(w, 9, result.needAck);
    str(w, 10, result.pushServer);
    bool(w, 11, result.isFirst);
  });
}

/** A client frame as the fake saw it. */
export interface ClientFrame {
  logId: string;
  payloadEncoding: string;
  payloadType: string;
  payload: Uint8Array;
}

function readFields(bytes: Uint8Array, onField: (fieldNo: number, wireType: WireType, reader: BinaryReader) => boolean): void {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (!onField(fieldNo, wireType, reader)) reader.skip(wireType, fieldNo);
  }
}

/** Decodes a client `WebcastPushFrame`. */
export function decodeClientFrame(bytes: Uint8Array): ClientFrame {
  const frame: ClientFrame = { logId: '0', payloadEncoding: '', payloadType: '', payload: new Uint8Array(0) };
  readFields(bytes, (fieldNo, wireType, reader) => {
    if (fieldNo === 2 && wireType === VI) frame.logId = reader.uint64().toString();
    else if (fieldNo === 6 && wireType === LD) frame.payloadEncoding = reader.string();
    else if (fieldNo === 7 && wireType === LD) frame.payloadType = reader.string();
    else if (fieldNo === 8 && wireType === LD) frame.payload = reader.bytes();
    else return false;
    return true;
  });
  return frame;
}

/** `HeartBeatMessage{1 roomId, 2 sendPacketSeqId}`. */
export function decodeHeartbeat(bytes: Uint8Array): { roomId: string; sequence: number } {
  const hb = { roomId: '0', sequence: 0 };
  readFields(bytes, (fieldNo, wireType, reader) => {
    if (fieldNo === 1 && wireType === VI) hb.roomId = reader.uint64().toString();
    else if (fieldNo === 2 && wireType === VI) hb.sequence = Number(reader.uint64());
    else return false;
    return true;
  });
  return hb;
}

/** `WebcastImEnterRoomMessage{1 roomId, 4 liveId, 5 identity, 8 enterUniqueId}`. */
export function decodeEnterRoom(bytes: Uint8Array): { roomId: string; liveId: number; identity: string; enterUniqueId: string } {
  const enter = { roomId: '0', liveId: 0, identity: '', enterUniqueId: '0' };
  readFields(bytes, (fieldNo, wireType, reader) => {
    if (fieldNo === 1 && wireType === VI) enter.roomId = reader.int64().toString();
    else if (fieldNo === 4 && wireType === VI) enter.liveId = Number(reader.int64());
    else if (fieldNo === 5 && wireType === LD) enter.identity = reader.string();
    else if (fieldNo === 8 && wireType === VI) enter.enterUniqueId = reader.int64().toString();
    else return false;
    return true;
  });
  return enter;
}
