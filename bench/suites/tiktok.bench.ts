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
  tiktokBusyBatch,
  tiktokChatMessage,
  type WebcastMessage,
} from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/** A gzip'd `msg` PushFrame around a `ProtoMessageFetchResult` of `messages`, as TikTok sends them. */
function frame(messages: WebcastMessage[], i: number): Uint8Array {
  const result = encodeTikTokFetchResult({
    messages,
    cursor: `c${i}`,
    internalExt: `internal_src:webcast|seq:${i}`,
    needAck: true,
    now: Date.now(),
  });
  return encodeTikTokPushFrame({
    seqId: i + 1,
    logId: 4_000 + i,
    headers: { compress_type: 'gzip' },
    payloadType: 'msg',
    payload: gzipSync(result),
  });
}

/** Realistic webcast frames: gzip'd batches of every mapped message (users with badges, images, extra fields). */
function frames(): Uint8Array[] {
  return Array.from({ length: 64 }, (_, i) =>
    frame(
      [
        ...tiktokBatchBasics(),
        ...tiktokBatchGiftStreak(),
        ...tiktokBatchExtras().slice(0, 3),
        tiktokChatMessage({ content: `message number ${i} with some text 🔥` }),
      ],
      i,
    ),
  );
}

/** A busy live's frames: 60 messages each (mostly chat, many likes, gift streaks, a few joins), content varied per frame. */
function busyFrames(): Uint8Array[] {
  return Array.from({ length: 64 }, (_, i) => frame(tiktokBusyBatch(i), i));
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

/** The four tasks of a comparison, each taking the next of `input` (round-robin over 64 frames). */
function tasks(input: Uint8Array[]) {
  let i = 0;
  let sink = 0;
  return {
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
    sink: () => sink,
  };
}

const CONNECTOR = 'VMSC connector path (decode + StreamEvents)';

const suite: Suite = async () => {
  const basic = tasks(frames());
  const comparison = await compare({
    title: 'TikTok: decode one gzipped webcast frame (14 mapped messages)',
    description:
      'The same gzipped `WebcastPushFrame`s (a batch of chat, gift streak, like, member, follow, share, viewer count, emote, envelope, subscribe messages) decoded by tiktok-live-connector 2.5 `deserializeWebSocketMessage` (baseline: async unzip, full v3 schema), by its codecs with a synchronous gunzip, by our decoder alone (gunzip + PushFrame + batch + mapped fields), and by our full per-frame path (decode + normalise every message into a StreamEvent).',
    baseline: basic.baseline,
    candidates: basic.candidates,
    targets: [
      { label: 'at least 3x faster than tiktok-live-connector per frame', task: CONNECTOR, max: 1 / 3 },
      { label: 'within 1.5x of the decoder alone', task: CONNECTOR, against: 'VMSC decoder only (gunzip + decode)', max: 1.5 },
    ],
  });
  const busy = tasks(busyFrames());
  const busyComparison = await compare({
    title: 'TikTok: decode one gzipped webcast frame of a busy live (60 messages)',
    description:
      '64 different gzipped `WebcastPushFrame`s, taken round-robin, each a batch of 60 messages as a busy live sends them (`tiktokBusyBatch` of @vmsc/testing: 36 chat messages with varied text and emoji, a few with emotes or mentions, 12 likes, 8 gifts in streaks with `repeatCount`/`repeatEnd` and a one-shot gift, 2 joins, a follow, a viewer count; 24 viewers with avatars, grade/subscriber/moderator badges and follow states), decoded by the same four paths as above.',
    baseline: busy.baseline,
    candidates: busy.candidates,
    targets: [{ label: 'at least 3x faster than tiktok-live-connector per frame, 60-message frame', task: CONNECTOR, max: 1 / 3 }],
  });
  if (basic.sink() + busy.sink() < 0) console.log('unreachable');
  return [comparison, busyComparison];
};

export default suite;
