import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

/**
 * Encoders of the three frames the client sends (bytes as observed from tiktok-live-connector
 * 2.5.0): `im_enter_room`, `hb` and `ack`, each a `WebcastPushFrame` with `payloadEncoding: "pb"`.
 *
 * @packageDocumentation
 */

const textEncoder = new TextEncoder();

function pushFrame(payloadType: string, payload: Uint8Array, logId?: string): Uint8Array {
  const writer = new BinaryWriter();
  if (logId !== undefined && logId !== '0' && logId !== '') writer.tag(2, WireType.Varint).uint64(logId);
  writer.tag(6, WireType.LengthDelimited).string('pb');
  writer.tag(7, WireType.LengthDelimited).string(payloadType);
  writer.tag(8, WireType.LengthDelimited).bytes(payload);
  return writer.finish();
}

/** A random positive int64 as a decimal string (`enterUniqueId`). */
export function randomEnterUniqueId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  bytes[0]! &= 0x7f;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return (value === 0n ? 1n : value).toString();
}

/**
 * `PushFrame{pb, "im_enter_room", WebcastImEnterRoomMessage{roomId, liveId: 12, identity: "audience",
 * enterUniqueId, filterWelcomeMsg: "0"}}`, sent right after the socket opens.
 */
export function encodeEnterRoomFrame(roomId: string, enterUniqueId: string = randomEnterUniqueId()): Uint8Array {
  const writer = new BinaryWriter();
  writer.tag(1, WireType.Varint).int64(roomId);
  writer.tag(4, WireType.Varint).int64(12);
  writer.tag(5, WireType.LengthDelimited).string('audience');
  writer.tag(8, WireType.Varint).int64(enterUniqueId);
  writer.tag(9, WireType.LengthDelimited).string('0');
  return pushFrame('im_enter_room', writer.finish());
}

/** `PushFrame{pb, "hb", HeartBeatMessage{roomId, sendPacketSeqId}}`; the sequence starts at 1. */
export function encodeHeartbeatFrame(roomId: string, sequence: number): Uint8Array {
  const writer = new BinaryWriter();
  writer.tag(1, WireType.Varint).uint64(roomId);
  writer.tag(2, WireType.Varint).uint64(sequence);
  return pushFrame('hb', writer.finish());
}

/** `PushFrame{logId, pb, "ack", utf8(internalExt)}`: acknowledges a batch that asked for it. */
export function encodeAckFrame(logId: string, internalExt: string): Uint8Array {
  return pushFrame('ack', textEncoder.encode(internalExt), logId);
}
