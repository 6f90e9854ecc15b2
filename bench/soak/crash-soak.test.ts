import { describe, expect, it } from 'vitest';
import { runCrashSoak } from './crash-soak.js';

// The short crash soak of CI (`pnpm soak:crash` runs the long one): `vmsc start` as its own process
// on the Twitch fake with a saved login that expires every 10 s, killed with SIGKILL half way and
// started again. What is asserted is what the hub promises: nothing lost or doubled, the state
// restored (less at most the last save interval), one refresh per expiry, a readable journal and
// log, no token in the log.
describe('crash soak (short)', () => {
  it('kill -9 mid-stream: nothing lost, the state restored, one refresh per expiry, journal and log readable', async () => {
    const r = await runCrashSoak({ durationMs: 16_000, ratePerSecond: 40, tokenLifetimeSec: 310 });
    console.log(`short crash soak: ${JSON.stringify(r)}`);
    expect(r.sent).toBeGreaterThan(300);
    expect(r.lost).toBe(0);
    expect(r.duplicates).toBe(0);
    // The state file restored what was counted before the kill, less at most one save interval (40/s × 1 s).
    expect(r.beforeCrash.restored).toBeLessThanOrEqual(r.beforeCrash.counted);
    expect(r.beforeCrash.counted - r.beforeCrash.restored).toBeLessThanOrEqual(40);
    expect(r.finalCounter).toBe(r.beforeCrash.restored + (r.sent - r.beforeCrash.counted));
    // One refresh per expiry (a refresh due at the very moment the run ends may or may not be counted).
    expect(Math.abs(r.refreshes - r.refreshesDue)).toBeLessThanOrEqual(1);
    expect(r.refreshesDue).toBeGreaterThanOrEqual(1);
    expect(r.journal.unreadable).toBe(0);
    expect(r.journal.soakEvents).toBeGreaterThanOrEqual(r.received - 40);
    expect(r.log.unreadable).toBe(0);
    expect(r.log.tokenLeaks).toBe(0);
    expect(r.exitCode).toBe(0);
  }, 120_000);
});
