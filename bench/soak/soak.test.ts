import { describe, expect, it } from 'vitest';
import { runSoak } from './run-soak.js';

// The short soak of CI (`pnpm soak` runs the long one): the whole hub on the fakes, 10 subscribers,
// 1,000 rules, a few seconds of mixed events. Figures are printed, not asserted (speed is measured in
// benchmarks); what is asserted is that nothing is lost or duplicated and nothing goes wrong.
describe('soak (short)', () => {
  it('every event of every platform reaches every subscriber exactly once, with no error and no reconnect', async () => {
    const result = await runSoak({ durationMs: 4_000, ratePerSecond: 300, subscribers: 10, rules: 1_000, heapEveryMs: 2_000 });
    console.log(
      `short soak: ${result.sent} events at ${result.achievedRate}/s to ${result.subscribers} subscribers, ` +
        `latency p50 ${result.latencyMs.p50} ms / p99 ${result.latencyMs.p99} ms, heap ${result.heap.startMiB} → ${result.heap.endMiB} MiB`,
    );
    expect(result.errors).toEqual([]);
    expect(result.statusChanges).toEqual([]);
    expect(Object.keys(result.sentBySource).sort()).toEqual(['kick', 'streamelements', 'streamlabs', 'tiktok', 'twitch', 'youtube']);
    expect(result.sent).toBeGreaterThan(600);
    expect(result.lost).toEqual(Array(10).fill(0));
    expect(result.duplicates).toEqual(Array(10).fill(0));
    expect(result.ruleRuns).toBe(result.sent);
  }, 60_000);
});
