import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ProtocolError, type BusNotice, type StreamEvent } from '@vmsc/core';
import {
  checkAsyncProperty,
  checkProperty,
  closeAllFakes,
  encodeTikTokFetchResult,
  encodeTikTokPushFrame,
  expectTypedError,
  expectValidEvent,
  mutatedBytes,
  tiktokBatchBasics,
  tiktokBatchExtras,
  tiktokBatchGiftStreak,
  tiktokChatMessage,
  tiktokControlMessage,
  tiktokEnvelopeMessage,
  tiktokGiftMessage,
  tiktokLikeMessage,
  tiktokMemberMessage,
  tiktokRoomUserSeqMessage,
  tiktokSubNotifyMessage,
  tiktokStreamEndMessage,
  waitUntil,
  type WebcastMessage,
  expectSessionSurvived,
} from '@vmsc/testing';
import { decodeWebcastFrame, decodeWebcastMessage, isMappedMethod, normalizeWebcastMessage } from '../src/index.js';
import { unknownMethodEvent } from '../src/normalize/events.js';
import { setup } from './helpers.js';

afterEach(() => closeAllFakes());

/** Every scripted message kind the fake knows (all mapped methods, plus an unmapped one). */
function realMessages(): WebcastMessage[] {
  return [...tiktokBatchBasics(), ...tiktokBatchGiftStreak(), ...tiktokBatchExtras(), tiktokStreamEndMessage(3), tiktokStreamEndMessage(4)];
}

function frameOf(messages: readonly WebcastMessage[], gzip: boolean): Uint8Array {
  const batch = encodeTikTokFetchResult({ messages, needAck: true, internalExt: 'ext' });
  return encodeTikTokPushFrame({
    logId: 42,
    payloadType: 'msg',
    headers: gzip ? { compress_type: 'gzip' } : {},
    payload: gzip ? gzipSync(batch) : batch,
  });
}

type Outcome = { events: StreamEvent[]; errors: ProtocolError[]; skipped: number };

/**
 * The connector's frame path without the socket: frame → batch → each message decoded and normalized
 * (unmapped methods as `unknown`). A message that fails to decode is reported as TIKTOK_BAD_MESSAGE by
 * the connector, which wraps whatever the decoder threw; here that wrapping is checked to be possible
 * (an Error), and everything else must be a valid event or a ProtocolError.
 */
function runFrame(bytes: Uint8Array): Outcome {
  const outcome: Outcome = { events: [], errors: [], skipped: 0 };
  let batch;
  try {
    batch = decodeWebcastFrame(bytes).batch;
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    expect(['TIKTOK_BAD_FRAME', 'TIKTOK_BAD_GZIP', 'TIKTOK_BAD_BATCH']).toContain(expectTypedError(error).code);
    outcome.errors.push(error as ProtocolError);
    return outcome;
  }
  for (const message of batch?.messages ?? []) {
    const events = runMessage(message.method, message.payload, message.msgId);
    if (events.length === 0) outcome.skipped++;
    outcome.events.push(...events);
  }
  return outcome;
}

function runMessage(method: string, payload: Uint8Array, msgId = '1'): StreamEvent[] {
  const context = { receivedAt: 1_700_000_000_000, roomId: '7300000000000000000', history: false, msgId };
  if (!isMappedMethod(method))
    return [expectValidEvent(unknownMethodEvent({ method, payload, msgId, isHistory: false } as never, context))];
  let decoded;
  try {
    decoded = decodeWebcastMessage(method, payload);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return [];
  }
  return [expectValidEvent(normalizeWebcastMessage(decoded, context))];
}

describe('TikTok frames: any bytes end as events or a typed ProtocolError', () => {
  it('real frames decode to one valid event per message', () => {
    for (const gzip of [false, true]) {
      const { events, errors, skipped } = runFrame(frameOf(realMessages(), gzip));
      expect(errors).toEqual([]);
      // batchExtras carries one deliberately corrupt WebcastChatMessage (reported as TIKTOK_BAD_MESSAGE).
      expect(skipped).toBe(1);
      expect(events).toHaveLength(realMessages().length - 1);
    }
  });

  it('arbitrary bytes', () => {
    checkProperty('tiktok decodeWebcastFrame(arbitrary bytes)', fc.uint8Array({ maxLength: 512 }), (bytes) => void runFrame(bytes), {
      numRuns: 2000,
    });
  });

  it('mutated real frames (plain and gzip)', () => {
    const frames = [frameOf(realMessages(), false), frameOf(realMessages(), true)];
    checkProperty('tiktok decodeWebcastFrame(mutated real frame)', fc.oneof(...frames.map(mutatedBytes)), (bytes) => void runFrame(bytes), {
      numRuns: 2000,
    });
  });

  it('gzip-corrupted payloads inside a well-formed frame', () => {
    const gz = gzipSync(encodeTikTokFetchResult({ messages: realMessages() }));
    checkProperty(
      'tiktok decodeWebcastFrame(corrupted gzip payload)',
      mutatedBytes(gz).filter((bytes) => bytes.length > 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08),
      (payload) => {
        const frame = encodeTikTokPushFrame({ logId: 7, payloadType: 'msg', headers: { compress_type: 'gzip' }, payload });
        runFrame(frame);
      },
      { numRuns: 1000 },
    );
  });

  it('mutated message payloads of every mapped method normalize to valid events', () => {
    const messages = realMessages();
    checkProperty(
      'tiktok decodeWebcastMessage+normalize(mutated payload)',
      fc
        .integer({ min: 0, max: messages.length - 1 })
        .chain((index) => mutatedBytes(messages[index]!.payload).map((payload) => ({ method: messages[index]!.method, payload }))),
      ({ method, payload }) => void runMessage(method, payload),
      { numRuns: 2000 },
    );
  });
});

describe('TikTok messages: extreme int64 values in every numeric field', () => {
  // Protobuf int64/uint64 varints can carry values past 2^53 (or negative ones); events keep safe integers.
  const int64 = fc.oneof(
    fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
    fc.bigInt({ min: -(2n ** 63n), max: -1n }),
    fc.bigInt({ min: 0n, max: 10_000n }),
  ) as unknown as fc.Arbitrary<number>;
  const message: fc.Arbitrary<WebcastMessage> = fc.oneof(
    fc
      .record({ createTime: int64, giftId: int64, diamondCount: int64, repeatCount: int64, giftType: int64, repeatEnd: fc.boolean() })
      .map((init) => tiktokGiftMessage({ ...init, giftName: 'Rose' })),
    fc.record({ createTime: int64, count: int64, total: int64 }).map((init) => tiktokLikeMessage(init)),
    fc.record({ createTime: int64, total: int64, totalUser: int64 }).map((init) => tiktokRoomUserSeqMessage(init)),
    fc.record({ createTime: int64, action: int64, memberCount: int64 }).map((init) => tiktokMemberMessage(init)),
    fc.record({ createTime: int64, subMonth: int64 }).map((init) => tiktokSubNotifyMessage(init)),
    fc.record({ createTime: int64, action: int64 }).map((init) => tiktokControlMessage(init)),
    fc
      .record({ createTime: int64, diamondCount: int64, peopleCount: int64, businessType: int64 })
      .map((init) => tiktokEnvelopeMessage({ ...init, envelopeId: '7301' })),
  );
  it('regression: a createTime past 2^53 falls back to the receive time (was an invalid, non-integer timestamp)', () => {
    const m = tiktokRoomUserSeqMessage({ createTime: (2n ** 62n) as unknown as number, total: 1, totalUser: 1 });
    const [event] = runMessage(m.method, m.payload);
    expect(event!.timestamp).toBe(1_700_000_000_000);
  });

  it('every message normalizes to a valid event', () => {
    checkProperty('tiktok normalize(extreme int64 fields)', message, (m) => void expect(runMessage(m.method, m.payload)).toHaveLength(1), {
      numRuns: 1500,
    });
  });
});

describe('TikTok connector: corrupt frames on the socket', () => {
  it('never leaves connected, reports each bad frame as a typed error, and delivers the next good batch', async () => {
    const { fake, bus, connector, events } = await setup();
    const notices: BusNotice[] = [];
    await connector.connect();
    await fake.waitForEnter();
    bus.onNotice((notice) => void notices.push(notice));
    const frames = [frameOf(tiktokBatchBasics(), false), frameOf(tiktokBatchBasics(), true)];
    let sentinel = 0;
    await checkAsyncProperty(
      'tiktok connector(mutated frame on the socket)',
      fc.oneof(fc.uint8Array({ maxLength: 128 }), ...frames.map(mutatedBytes)),
      async (bytes) => {
        fake.sendRaw(bytes);
        const content = `sentinel ${++sentinel}`;
        fake.sendBatch([tiktokChatMessage({ content })], { needAck: false });
        await waitUntil(() => events.some((event) => event.type === 'chat' && event.data.message === content), content);
        expect(connector.status).toBe('connected');
      },
      { numRuns: 150 },
    );
    expectSessionSurvived({ events, notices });
    await connector.disconnect();
  });
});
