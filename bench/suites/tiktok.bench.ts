import { gunzipSync, gzipSync } from 'node:zlib';
// tiktok-live-connector (AGPL-3.0) is a root devDependency, used here only as the baseline.
import { WebcastPushFrame as TlcPushFrame, deserializeMessage, deserializeWebSocketMessage } from 'tiktok-live-connector';
import { decodeWebcastFrame, decodeWebcastMessage, isMappedMethod, normalizeWebcastMessage } from '@vmsc/connector-tiktok';
import type { StreamEvent } from '@vmsc/core';
import {
  encodeTikTokFetchResult,
  encodeTikTokPushFrame,
  tiktokBatchBasics,
  tiktokBatchExtras,
  tiktokBatchGiftStreak,
  tiktokChatMessage,
} from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/** Realistic webcast frames: gzip'd batches of every mapped message (users with badges, images, extra fields). */
function frames(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < 64; i++) {
    const messages = [
      ...tiktokBatchBasics(),
      ...tiktokBatchGiftStreak(),
      ...tiktokBatchExtras().slice(0, 3),
      tiktokChatMessage({ content: `message number ${i} with some text 🔥` }),
    ];
    const result = encodeTikTokFetchResult({
      messages,
      cursor: `c${i}`,
      internalExt: `internal_src:webcast|seq:${i}`,
      needAck: true,
      now: Date.now(),
    });
    out.push(
      encodeTikTokPushFrame({
        seqId: i + 1,
        logId: 4_000 + i,
        headers: { compress_type: 'gzip' },
        payloadType: 'msg',
        payload: gzipSync(result),
      }),
    );
  }
  return out;
}

/** Our decoder only: PushFrame, gunzip, batch, every mapped message (no events). */
function oursDecodeOnly(bytes: Uint8Array): number {
  const { batch } = decodeWebcastFrame(bytes);
  let n = 0;
  for (const message of batch!.messages)
    if (isMappedMethod(message.method)) n += decodeWebcastMessage(message.method, message.payload).method.length;
  return n;
}

/** What the connector does per frame: decode, then normalise every message into a StreamEvent. */
function oursToEvents(bytes: Uint8Array, receivedAt: number): StreamEvent[] {
  const { batch } = decodeWebcastFrame(bytes);
  const events: StreamEvent[] = [];
  for (const message of batch!.messages) {
    if (!isMappedMethod(message.method)) continue;
    events.push(
      normalizeWebcastMessage(decodeWebcastMessage(message.method, message.payload), {
        receivedAt,
        msgId: message.msgId,
        roomId: '7301962345897160001',
      }),
    );
  }
  return events;
}

/** tiktok-live-connector's codecs with a synchronous gunzip (its own function awaits zlib.unzip). */
function tlcSync(bytes: Uint8Array): unknown {
  const frame = TlcPushFrame.decode(bytes);
  return deserializeMessage('ProtoMessageFetchResult', Buffer.from(gunzipSync(frame.payload)));
}

const suite: Suite = async () => {
  const input = frames();
  let i = 0;
  let sink = 0;
  const comparison = await compare({
    title: 'TikTok: decode one gzipped webcast frame (14 mapped messages)',
    description:
      'The same gzipped `WebcastPushFrame`s (a batch of chat, gift streak, like, member, follow, share, viewer count, emote, envelope, subscribe messages) decoded by tiktok-live-connector 2.5 `deserializeWebSocketMessage` (baseline: async unzip, full v3 schema), by its codecs with a synchronous gunzip, by our decoder alone (gunzip + PushFrame + batch + mapped fields), and by our full per-frame path (decode + normalise every message into a StreamEvent).',
    baseline: {
      name: 'tiktok-live-connector deserializeWebSocketMessage',
      fn: async () => {
        const decoded = await deserializeWebSocketMessage(input[i++ & 63]!);
        sink += decoded.protoMessageFetchResult?.messages.length ?? 0;
      },
    },
    candidates: [
      { name: 'tiktok-live-connector codecs + gunzipSync', fn: () => void (sink += tlcSync(input[i++ & 63]!) ? 1 : 0) },
      { name: 'VMSC decoder only (gunzip + decode)', fn: () => void (sink += oursDecodeOnly(input[i++ & 63]!)) },
      { name: 'VMSC connector path (decode + StreamEvents)', fn: () => void (sink += oursToEvents(input[i++ & 63]!, 1).length) },
    ],
    targets: [
      { label: 'at least 3x faster than tiktok-live-connector per frame', task: 'VMSC connector path (decode + StreamEvents)', max: 1 / 3 },
      {
        label: 'within 1.5x of the decoder alone',
        task: 'VMSC connector path (decode + StreamEvents)',
        against: 'VMSC decoder only (gunzip + decode)',
        max: 1.5,
      },
    ],
  });
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
