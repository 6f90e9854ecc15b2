import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeAllFakes } from '@vmsc/testing';
import { setup } from './helpers.js';

/** Lets real I/O run (setImmediate is not faked) while fake time stands still, until `cond` holds. */
async function settle(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (cond()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never: ${what}`);
}

afterEach(async () => {
  vi.useRealTimers();
  await closeAllFakes();
});

describe('TikTokConnector heartbeats (fake timers)', () => {
  it('sends hb every 10 s after entering the room, with sequence 1, 2, 3 and the room id', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fake, connector } = await setup({}, { stallTimeoutMs: 0 });
    const connected = connector.connect();
    await settle(() => fake.enters.length === 1, 'enter');
    await connected;
    await vi.advanceTimersByTimeAsync(9_999);
    await settle(() => true, 'io');
    expect(fake.heartbeats).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await settle(() => fake.heartbeats.length === 1, 'first hb');
    await vi.advanceTimersByTimeAsync(20_000);
    await settle(() => fake.heartbeats.length === 3, 'three hb');
    expect(fake.heartbeats).toEqual([
      { roomId: fake.roomId, sequence: 1 },
      { roomId: fake.roomId, sequence: 2 },
      { roomId: fake.roomId, sequence: 3 },
    ]);
    expect(connector.stats.heartbeatsSent).toBe(3);
    await connector.disconnect();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fake.heartbeats).toHaveLength(3);
  });

  it('a silent socket (no frame for stallTimeoutMs) is dropped and re-signed; heartbeats restart at 1', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake, connector } = await setup({ enterResponse: false }, { stallTimeoutMs: 25_000 });
    const connected = connector.connect();
    await settle(() => fake.enters.length === 1, 'enter');
    await connected;
    await vi.advanceTimersByTimeAsync(20_000);
    await settle(() => fake.heartbeats.length === 2, 'two hb');
    expect(connector.status).toBe('connected');
    await vi.advanceTimersByTimeAsync(10_000);
    await settle(() => connector.status === 'reconnecting', 'stall detected');
    expect(connector.lastError?.code).toBe('TIKTOK_STALLED');
    await vi.advanceTimersByTimeAsync(100);
    await settle(() => fake.enters.length === 2, 'second enter');
    expect(fake.signRequests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    await settle(() => fake.heartbeats.length === 3, 'hb on the new socket');
    expect(fake.heartbeats[2]!.sequence).toBe(1);
    await connector.disconnect();
  });
});
