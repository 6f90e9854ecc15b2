import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '@vmsc/core';
import {
  encodeTikTokFetchResult,
  encodeTikTokPushFrame,
  expectValidEvent,
  tiktokBusyBatch,
  tiktokChatMessage,
  type WebcastMessage,
} from '@vmsc/testing';
import { decodeWebcastFrame, decodeWebcastMessage, isMappedMethod, normalizeWebcastMessage } from '../src/index.js';

/**
 * gunzip sized from the gzip trailer (ISIZE): whatever the trailer says, the batch comes out whole
 * or the frame is reported as corrupt gzip, as before.
 */

function frameOf(payload: Uint8Array): Uint8Array {
  return encodeTikTokPushFrame({ seqId: 1, logId: 77, headers: { compress_type: 'gzip' }, payloadType: 'msg', payload });
}

const methodsAndIds = (messages: readonly WebcastMessage[]) => messages.map((m) => [m.method, m.msgId]);

describe('decodeWebcastFrame gunzip', () => {
  it('decodes batches small, busy, several times busy and past the sized-chunk limit alike', () => {
    const huge = [tiktokChatMessage({ content: 'x'.repeat(1_100_000) })];
    for (const messages of [
      [tiktokChatMessage({ content: 'hi' })],
      tiktokBusyBatch(1),
      [...tiktokBusyBatch(2), ...tiktokBusyBatch(3), ...tiktokBusyBatch(4)],
      huge,
    ]) {
      const { batch } = decodeWebcastFrame(frameOf(gzipSync(encodeTikTokFetchResult({ messages, cursor: 'c' }))));
      expect(batch!.messages.map((m) => [m.method, m.msgId])).toEqual(methodsAndIds(messages));
      expect(batch!.cursor).toBe('c');
    }
  });

  it('decodes two concatenated gzip members (the trailer of the last one tells only its own size)', () => {
    const whole = encodeTikTokFetchResult({ messages: tiktokBusyBatch(5), cursor: 'two members' });
    const cut = 1_000;
    const payload = Buffer.concat([gzipSync(whole.subarray(0, cut)), gzipSync(whole.subarray(cut))]);
    const { batch } = decodeWebcastFrame(frameOf(payload));
    expect(batch!.messages).toHaveLength(60);
    expect(batch!.cursor).toBe('two members');
  });

  it('reports a gzip trailer whose size is wrong (smaller, larger, absurd) as TIKTOK_BAD_GZIP', () => {
    const gz = gzipSync(encodeTikTokFetchResult({ messages: tiktokBusyBatch(6) }));
    const size = gz.readUInt32LE(gz.length - 4);
    for (const wrong of [size - 1, size + 1, 64, 0xffff_ffff]) {
      const bad = Buffer.from(gz);
      bad.writeUInt32LE(wrong, bad.length - 4);
      let thrown: unknown;
      try {
        decodeWebcastFrame(frameOf(bad));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProtocolError);
      expect((thrown as ProtocolError).code).toBe('TIKTOK_BAD_GZIP');
    }
  });

  it("turns a busy live's frame into its 60 valid events: chat, likes, a gift streak ending once, joins", () => {
    const { batch } = decodeWebcastFrame(frameOf(gzipSync(encodeTikTokFetchResult({ messages: tiktokBusyBatch(9) }))));
    const events = batch!.messages.map((m) => {
      if (!isMappedMethod(m.method)) throw new Error(`unmapped ${m.method}`);
      return expectValidEvent(normalizeWebcastMessage(decodeWebcastMessage(m.method, m.payload), { receivedAt: 1, msgId: m.msgId }));
    });
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect([count('chat'), count('like'), count('gift'), count('join'), count('follow'), count('viewer_count')]).toEqual([
      36, 12, 8, 2, 1, 1,
    ]);
    const gifts = events.flatMap((e) => (e.source === 'tiktok' && e.type === 'gift' ? [e] : []));
    const streak = gifts.filter((g) => g.data.streakId === gifts[0]!.data.streakId);
    expect(streak.map((g) => [g.data.repeatCount, g.data.repeatEnd])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, true],
    ]);
    expect(new Set(streak.map((g) => g.user.id)).size).toBe(1);
    expect(new Set(events.map((e) => e.meta?.platformMessageId)).size).toBe(60);
  });
});
