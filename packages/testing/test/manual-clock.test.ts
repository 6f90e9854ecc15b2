import { describe, expect, it } from 'vitest';
import { ManualClock } from '@vmsc/testing';

describe('ManualClock', () => {
  it('runs due timers in time order as time advances, timers they set included; cleared ones never', async () => {
    const clock = new ManualClock(1_000);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => {
      seen.push(`a@${clock.now()}`);
      clock.setTimeout(() => seen.push(`c@${clock.now()}`), 150);
    }, 100);
    const cleared = clock.setTimeout(() => seen.push('never'), 50);
    clock.clearTimeout(cleared);
    await clock.advance(240);
    expect(seen).toEqual(['a@1100', 'b@1200']);
    expect(clock.now()).toBe(1_240);
    await clock.advance(10);
    expect(seen).toEqual(['a@1100', 'b@1200', 'c@1250']);
    expect(clock.pending).toBe(0);
  });
});
