import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ProtocolError, type BusNotice, type StreamEvent } from '@vmsc/core';
import {
  closeAllFakes,
  encodeTikTokFetchResult,
  encodeTikTokPushFrame,
  tiktokChatMessage,
  tiktokLikeMessage,
  waitUntil,
  type WebcastMessage,
  seededRandom,
} from '@vmsc/testing';
import { SignApiError, SignApiKeyError } from '../src/index.js';
import { setup } from './helpers.js';

afterEach(async () => {
  await closeAllFakes();
});

const idsOf = (events: readonly StreamEvent[]) => events.map((event) => event.meta?.platformMessageId);

describe('TikTok faults against the fake', () => {
  it('drops at seeded random points, TikTok replaying its recent history on re-sign: a gap per drop, reconnected, every message id delivered exactly once and none of the replayed window lost', async () => {
    const random = seededRandom(0x71c70c);
    const { fake, connector, events, bus } = await setup({}, { history: 'publish' });
    const notices: BusNotice[] = [];
    bus.onNotice((notice) => void notices.push(notice));
    await connector.connect();
    await fake.waitForEnter();
    const sent: WebcastMessage[] = [];
    for (let round = 0; round < 5; round++) {
      const roundStart = sent.length;
      for (let batches = Math.floor(random() * 4); batches > 0; batches--) {
        const batch = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) =>
          i % 2 === 0 ? tiktokChatMessage({ content: `r${round}` }) : tiktokLikeMessage({ count: 1, total: 10 }),
        );
        sent.push(...batch);
        fake.sendBatch(batch);
      }
      if (random() < 0.5) {
        const before = sent.slice(roundStart).map((message) => message.msgId);
        await waitUntil(() => before.every((id) => idsOf(events).includes(id)), `round ${round}: batches before the drop`);
      }
      // The sign response of the reconnect carries TikTok's recent messages (some already seen, some lost in flight).
      fake.setHistory(sent.slice(-8));
      const enters = fake.enters.length;
      fake.dropAll();
      await waitUntil(() => fake.enters.length === enters + 1 && connector.status === 'connected', `round ${round}: re-entered`);
      await waitUntil(() => notices.filter((n) => n.kind === 'gap').length === round + 1, `round ${round}: a gap`);
      const after = [tiktokChatMessage({ content: `after ${round}` })];
      sent.push(...after);
      fake.sendBatch(after);
      await waitUntil(() => idsOf(events).includes(after[0]!.msgId), `round ${round}: chat after the reconnect`);
    }
    const ids = idsOf(events);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => sent.some((message) => message.msgId === id))).toBe(true);
    // Whatever the replayed windows covered arrived, live or from history.
    const lastWindow = sent.slice(-9, -1).map((message) => message.msgId);
    expect(lastWindow.every((id) => ids.includes(id))).toBe(true);
    expect(fake.signRequests).toHaveLength(6);
    expect(connector.stats.duplicates).toBeGreaterThan(0);
  });

  it('a truncated frame and a gzip-corrupted frame, then the same batches intact: connected throughout, a ProtocolError for each bad frame, each message exactly once', async () => {
    const { fake, connector, events, bus } = await setup();
    const errors: unknown[] = [];
    bus.onNotice((notice) => void (notice.kind === 'error' && errors.push(notice.error)));
    const statuses: string[] = [];
    await connector.connect();
    await fake.waitForEnter();
    connector.on('status', (change) => void statuses.push(change.status));
    const first = [tiktokChatMessage({ content: 'one' }), tiktokLikeMessage({ count: 1, total: 10 })];
    const second = [tiktokChatMessage({ content: 'two' })];
    const payload = (messages: WebcastMessage[]) => gzipSync(encodeTikTokFetchResult({ messages, needAck: true, internalExt: 'ext' }));
    const whole = encodeTikTokPushFrame({ logId: 9, payloadType: 'msg', headers: { compress_type: 'gzip' }, payload: payload(first) });
    fake.sendRaw(whole.slice(0, Math.floor(whole.length * 0.6)));
    const corrupted = Uint8Array.from(payload(second));
    const middle = Math.floor(corrupted.length / 2);
    corrupted[middle] = (corrupted[middle] ?? 0) ^ 0xff;
    fake.sendRaw(encodeTikTokPushFrame({ logId: 10, payloadType: 'msg', headers: { compress_type: 'gzip' }, payload: corrupted }));
    fake.sendBatch(first);
    fake.sendBatch(second);
    fake.sendBatch(first);
    await waitUntil(() => events.length === 3, 'the three messages');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idsOf(events)).toEqual([...first, ...second].map((message) => message.msgId));
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(error).toBeInstanceOf(ProtocolError);
    expect(connector.stats.duplicates).toBe(2);
    expect(statuses).toEqual([]);
    expect(connector.status).toBe('connected');
  });
});

describe('Sign API HTTP faults', () => {
  it('403: status error with a SignApiKeyError, nothing opened', async () => {
    const { fake, connector } = await setup();
    fake.failSign({ kind: 'status', status: 403, message: 'Forbidden' });
    const error = await connector.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignApiKeyError);
    expect(connector.status).toBe('error');
    expect(fake.upgrades).toHaveLength(0);
  });

  for (const status of [500, 502, 504]) {
    it(`${status}: reconnecting with a SignApiError (httpStatus ${status}), re-signed, then connected`, async () => {
      const { fake, connector } = await setup();
      fake.failSign({ kind: 'status', status }, 2);
      const errors: unknown[] = [];
      connector.on('status', (change) => void (change.error && errors.push(change.error)));
      await connector.connect();
      expect(errors[0]).toBeInstanceOf(SignApiError);
      expect((errors[0] as SignApiError).httpStatus).toBe(status);
      expect(fake.signRequests).toHaveLength(3);
      expect(connector.status).toBe('connected');
    });
  }

  it('a 429 on the re-sign after a drop: reconnecting with retryAfterMs honoured, then connected, gap reported', async () => {
    const { fake, connector, bus } = await setup();
    const gaps: BusNotice[] = [];
    bus.onNotice((notice) => void (notice.kind === 'gap' && gaps.push(notice)));
    await connector.connect();
    await fake.waitForEnter();
    fake.failSign({ kind: 'rate-limit', retryAfterSeconds: 0.2 });
    const started = Date.now();
    fake.dropAll();
    await waitUntil(() => fake.enters.length === 2 && connector.status === 'connected', 're-entered');
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(fake.signRequests).toHaveLength(3);
    expect(gaps).toHaveLength(1);
  });
});
