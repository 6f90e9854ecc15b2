import { gunzipSync } from 'node:zlib';
import { ProtocolError } from '@vmsc/core';
import type { RawFetchResult, RawPushFrame } from '../raw/frames.js';
import { decodeFetchResult, decodePushFrame } from './frames.js';

/**
 * From WebSocket bytes to an event batch: PushFrame, gzip (detected by the `compress_type` header
 * or by the gzip magic bytes, whichever says so), then the `ProtoMessageFetchResult`.
 *
 * @packageDocumentation
 */

/** A decoded WebSocket frame and, for `msg` frames, its batch. */
export interface DecodedWebcastFrame {
  frame: RawPushFrame;
  /** The batch of a `msg` frame; undefined for every other payload type. */
  batch: RawFetchResult | undefined;
}

/** Whether bytes start with the gzip magic `1f 8b 08`. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** The largest output chunk sized from the gzip trailer (beyond it, zlib's default chunks). */
const MAX_SIZED_CHUNK = 1 << 20;

/**
 * gunzip in one output chunk when the gzip trailer's ISIZE (the uncompressed size mod 2^32) is
 * plausible: zlib then neither allocates a second chunk nor concatenates (a busy 26 KB batch takes
 * two 16 KiB chunks and a copy otherwise). A wrong ISIZE only changes the chunking, never the
 * output: zlib checks the trailer itself.
 */
function gunzip(payload: Uint8Array): Buffer {
  const n = payload.length;
  const isize = (payload[n - 4]! | (payload[n - 3]! << 8) | (payload[n - 2]! << 16) | (payload[n - 1]! << 24)) >>> 0;
  // +16: room to spare, so the stream ends before the chunk is full (a full chunk makes zlib allocate another).
  return isize > 0 && isize <= MAX_SIZED_CHUNK ? gunzipSync(payload, { chunkSize: Math.max(64, isize + 16) }) : gunzipSync(payload);
}

/**
 * Decodes one binary WebSocket message. Only `msg` frames carry a batch (what TikTokLive does; the
 * payload of `im_enter_room_resp` and others is not a batch).
 *
 * @example
 * ```ts
 * const { frame, batch } = decodeWebcastFrame(bytes);
 * for (const message of batch?.messages ?? []) console.log(message.method);
 * ```
 * @throws `ProtocolError` (from @vmsc/core) when the frame, its compression or its batch is malformed.
 */
export function decodeWebcastFrame(bytes: Uint8Array): DecodedWebcastFrame {
  let frame: RawPushFrame;
  try {
    frame = decodePushFrame(bytes);
  } catch (error) {
    throw new ProtocolError(`undecodable webcast frame (${bytes.length} bytes): ${(error as Error).message}`, {
      code: 'TIKTOK_BAD_FRAME',
      cause: error,
    });
  }
  if (frame.payloadType !== 'msg') return { frame, batch: undefined };
  let payload = frame.payload;
  // Either signal means gzip: the magic bytes (what tiktok-live-connector checks) or the
  // `compress_type: gzip` header (what TikTokLive checks). A header without gzip bytes is decoded
  // as-is, and a batch that then fails to decode is reported like any malformed batch.
  if (isGzip(payload)) {
    try {
      payload = gunzip(payload);
    } catch (error) {
      throw new ProtocolError(`corrupt gzip payload in webcast frame logId ${frame.logId}`, { code: 'TIKTOK_BAD_GZIP', cause: error });
    }
  }
  try {
    return { frame, batch: decodeFetchResult(payload) };
  } catch (error) {
    throw new ProtocolError(`undecodable webcast batch in frame logId ${frame.logId}: ${(error as Error).message}`, {
      code: 'TIKTOK_BAD_BATCH',
      cause: error,
    });
  }
}
