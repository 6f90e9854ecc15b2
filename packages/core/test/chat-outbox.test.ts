import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ChatDroppedError,
  ChatOutbox,
  ChatRateLimitedError,
  TimeoutError,
  type BusNotice,
  type ChatOutboxOptions,
  type SendChatOptions,
  type SendChatResult,
} from '@vmsc/core';

/** A platform stand-in that records when each message reached it; `answer` decides each outcome. */
function rig(overrides: Partial<ChatOutboxOptions> = {}, answer?: (text: string, n: number) => Promise<SendChatResult>) {
  const delivered: { text: string; at: number }[] = [];
  const notices: BusNotice[] = [];
  let calls = 0;
  const outbox = new ChatOutbox({
    connector: 'test:chan',
    rate: () => ({ messages: 2, windowMs: 1000 }),
    notify: (notice) => notices.push(notice),
    send: async (text: string, _options: SendChatOptions) => {
      calls++;
      if (answer) return answer(text, calls);
      delivered.push({ text, at: Date.now() });
      return { messageId: `m${calls}` };
    },
    ...overrides,
  });
  return { outbox, delivered, notices, calls: () => calls };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ChatOutbox', () => {
  it('never exceeds the rate: queues what does not fit the window, in order, and reports the wait', async () => {
    const { outbox, delivered, notices } = rig();
    const results = ['a', 'b', 'c', 'd', 'e'].map((text) => outbox.send(text));
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered.map((d) => d.text)).toEqual(['a', 'b']);
    expect(outbox.waiting).toBe(3);
    expect(notices).toEqual([{ kind: 'chat-waiting', connector: 'test:chan', waiting: 3, delayMs: 1000, reason: 'rate-limit' }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(delivered).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(delivered.map((d) => d.text)).toEqual(['a', 'b', 'c', 'd']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5].map((n) => ({ messageId: `m${n}` })));
    expect(delivered.map((d) => d.at)).toEqual([0, 0, 1000, 1000, 2000]);
    // In every window of 1000 ms, at most 2 messages.
    for (const { at } of delivered) expect(delivered.filter((d) => d.at >= at && d.at < at + 1000).length).toBeLessThanOrEqual(2);
  });

  it('a bounded queue: one message too many is dropped with a typed error and a notice', async () => {
    const { outbox, notices } = rig({ maxQueue: 1 });
    const first = outbox.send('1'); // in flight (one at a time, in order)
    const second = outbox.send('2'); // waits
    const third = outbox.send('3');
    await expect(third).rejects.toBeInstanceOf(ChatRateLimitedError);
    await expect(third).rejects.toMatchObject({ code: 'CHAT_QUEUE_FULL' });
    expect(outbox.dropped).toBe(1);
    expect(notices.find((n) => n.kind === 'chat-dropped')).toMatchObject({
      connector: 'test:chan',
      waiting: 1,
      error: { code: 'CHAT_QUEUE_FULL' },
    });
    await vi.advanceTimersByTimeAsync(0);
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
  });

  it('a platform rate-limit answer is retried after its retryAfterMs (it was not sent); other failures are not retried', async () => {
    const seen: { text: string; at: number }[] = [];
    const { outbox, notices } = rig({ rate: () => undefined }, async (text, n) => {
      seen.push({ text, at: Date.now() });
      if (n === 1) throw new ChatRateLimitedError('429', { retryAfterMs: 5000 });
      if (text === 'dropped') throw new ChatDroppedError('msg_duplicate', 'identical message');
      return { messageId: `id-${text}` };
    });
    const first = outbox.send('hello');
    await vi.advanceTimersByTimeAsync(4999);
    expect(seen).toHaveLength(1);
    expect(notices).toMatchObject([{ kind: 'chat-waiting', delayMs: 5000, reason: 'retry-after' }]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(first).resolves.toEqual({ messageId: 'id-hello' });
    expect(seen).toEqual([
      { text: 'hello', at: 0 },
      { text: 'hello', at: 5000 },
    ]);
    await expect(outbox.send('dropped')).rejects.toBeInstanceOf(ChatDroppedError);
    expect(seen).toHaveLength(3);
  });

  it('gives up after maxAttempts rate-limit answers', async () => {
    const { outbox, calls } = rig({ maxAttempts: 2 }, async () => {
      throw new ChatRateLimitedError('429', { retryAfterMs: 100 });
    });
    const result = outbox.send('x');
    const settled = result.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled).toBeInstanceOf(ChatRateLimitedError);
    expect(calls()).toBe(2);
  });

  it('never sends the same idempotency key twice: sent, in flight, or with an unknown outcome', async () => {
    let outcome: 'ok' | 'timeout' = 'ok';
    const { outbox, calls } = rig({}, async (text) => {
      if (outcome === 'timeout') throw new TimeoutError('no answer in 10 s: the message may or may not have been posted');
      return { messageId: `id-${text}` };
    });
    const a = outbox.send('reply 1', { idempotencyKey: 'rule-1:event-1' });
    const again = outbox.send('reply 1', { idempotencyKey: 'rule-1:event-1' });
    expect(again).toBe(a);
    await expect(a).resolves.toEqual({ messageId: 'id-reply 1' });
    await expect(outbox.send('reply 1', { idempotencyKey: 'rule-1:event-1' })).resolves.toEqual({ messageId: 'id-reply 1' });
    expect(calls()).toBe(1);

    outcome = 'timeout';
    await expect(outbox.send('reply 2', { idempotencyKey: 'rule-1:event-2' })).rejects.toBeInstanceOf(TimeoutError);
    outcome = 'ok';
    // The outcome is unknown: a retry with the same key gets the same error, it is not re-sent.
    await expect(outbox.send('reply 2', { idempotencyKey: 'rule-1:event-2' })).rejects.toBeInstanceOf(TimeoutError);
    expect(calls()).toBe(2);
  });

  it('a key whose send provably did not deliver may be sent again', async () => {
    let drop = true;
    const { outbox, calls } = rig({}, async () => {
      if (drop) throw new ChatDroppedError('msg_slowmode', 'slow mode');
      return { messageId: 'ok' };
    });
    await expect(outbox.send('hi', { idempotencyKey: 'k' })).rejects.toBeInstanceOf(ChatDroppedError);
    drop = false;
    await expect(outbox.send('hi', { idempotencyKey: 'k' })).resolves.toEqual({ messageId: 'ok' });
    expect(calls()).toBe(2);
  });

  it('drops messages that waited longer than maxWaitMs, and clear() drops what waits', async () => {
    const { outbox, delivered, notices } = rig({ rate: () => ({ messages: 1, windowMs: 10_000 }), maxWaitMs: 5_000 });
    const sent = outbox.send('now');
    const late = outbox.send('late').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    await sent;
    expect(await late).toMatchObject({ code: 'CHAT_QUEUE_EXPIRED' });
    expect(delivered.map((d) => d.text)).toEqual(['now']);
    await outbox.send('fresh'); // the window has room again
    const waiting = outbox.send('waits').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    outbox.clear(new TimeoutError('disconnected'));
    expect(await waiting).toBeInstanceOf(TimeoutError);
    expect(outbox.dropped).toBe(2);
    expect(notices.filter((n) => n.kind === 'chat-dropped')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(delivered.map((d) => d.text)).toEqual(['now', 'fresh']);
  });
});

describe('ChatOutbox on a timer that fires a millisecond early (as Node timers may)', () => {
  it('announces one wait per message and still never sends before the window has room', async () => {
    const early = {
      now: () => Date.now(),
      setTimeout: (callback: () => void, delayMs: number) => setTimeout(callback, Math.max(0, delayMs - 1)),
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    const { outbox, delivered, notices } = rig({ clock: early });
    const sends = ['a', 'b', 'c'].map((text) => outbox.send(text, {}));
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(sends);
    expect(delivered.map((d) => d.text)).toEqual(['a', 'b', 'c']);
    expect(delivered[2]!.at).toBeGreaterThanOrEqual(delivered[0]!.at + 1000);
    expect(notices.filter((n) => n.kind === 'chat-waiting')).toHaveLength(1);
  });
});
