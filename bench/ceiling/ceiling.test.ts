import { describe, expect, it } from 'vitest';
import { runCeiling } from './run-ceiling.js';

// The short ceiling bench of CI (`pnpm bench:ceiling` runs the real search): two small steps and a
// small heap probe. What is asserted is the harness itself, not the hub's speed: every subscriber
// got every event of each window exactly once, the latency histogram holds a sample per event per
// subscriber, the hub's CPU and memory were read, and the heap probe weighed the hub and the worker at every channel count.
describe('hub ceiling bench (short)', () => {
  it('two steps and the heap probe: every event exactly once at every subscriber, every figure read', async () => {
    const result = await runCeiling({
      durationMs: 1_000,
      warmupMs: 300,
      subscribers: 10,
      rates: [50, 100],
      channelCounts: [0, 40],
      heapSettleMs: 200,
      drainMs: 5_000,
    });
    console.log(`short ceiling bench: ${JSON.stringify(result)}`);
    expect(result.steps.map((step) => step.ratePerSecond)).toEqual([50, 100]);
    expect(result.attempts).toHaveLength(2);
    for (const step of result.steps) {
      expect(step.sent).toBe(step.ratePerSecond);
      expect(step.exactlyOnce).toBe(true);
      expect(step.lost).toBe(0);
      expect(step.doubled).toBe(0);
      expect(step.latency.samples).toBe(step.sent * 10);
      expect(step.latency.p50).toBeGreaterThan(0);
      expect(step.latency.p99).toBeGreaterThanOrEqual(step.latency.p50);
      expect(step.latency.max).toBeGreaterThan(0);
      expect(step.hub.cpuPercent).toBeGreaterThan(0);
      expect(step.hub.heapMiB).toBeGreaterThan(0);
      expect(step.hub.rssMiB).toBeGreaterThan(step.hub.heapMiB);
    }
    expect(result.steps[1]!.next).toBeGreaterThan(result.steps[0]!.next);
    // The hub (vmsc start) and the worker (vmsc worker, on a local nats-server), each at 0 and 40 channels.
    expect(result.heap.map((reading) => `${reading.role} ${reading.channels}`)).toEqual(['hub 0', 'hub 40', 'worker 0', 'worker 40']);
    for (const reading of result.heap) {
      expect(reading.heapUsed).toBeGreaterThan(0);
      expect(Number.isFinite(reading.heapUsed)).toBe(true);
    }
  }, 60_000);
});
