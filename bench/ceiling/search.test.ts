import { describe, expect, it } from 'vitest';
import { ceilingOf, nextRate, type Tried } from './search.js';

const run = (passesBelow: number, plan?: Parameters<typeof nextRate>[1]) => {
  const steps: Tried[] = [];
  for (let rate = nextRate(steps, plan); rate !== undefined; rate = nextRate(steps, plan))
    steps.push({ ratePerSecond: rate, pass: rate < passesBelow });
  return steps;
};

describe('the ceiling search', () => {
  it('doubles until a fail, then halves the gap at most three times', () => {
    const steps = run(1_300);
    expect(steps.map((s) => s.ratePerSecond)).toEqual([250, 500, 1_000, 2_000, 1_500, 1_250, 1_380]);
    expect(ceilingOf(steps)).toBe(1_250);
  });

  it('stops refining once the gap is within the precision', () => {
    const steps = run(1_300, { start: 250, precision: 0.3, maxRefinements: 5, maxRate: 64_000 });
    expect(steps.map((s) => s.ratePerSecond)).toEqual([250, 500, 1_000, 2_000, 1_500, 1_250]);
    expect(ceilingOf(steps)).toBe(1_250);
  });

  it('reports 0 when the first rate fails, and stops at the highest rate allowed', () => {
    expect(ceilingOf(run(100))).toBe(0);
    expect(run(100)).toHaveLength(1);
    const all = run(Number.POSITIVE_INFINITY, { start: 250, precision: 0.1, maxRefinements: 3, maxRate: 2_000 });
    expect(all.map((s) => s.ratePerSecond)).toEqual([250, 500, 1_000, 2_000]);
    expect(ceilingOf(all)).toBe(2_000);
  });

  it('a pass above a fail does not count (the ceiling is below the lowest fail)', () => {
    expect(
      ceilingOf([
        { ratePerSecond: 500, pass: true },
        { ratePerSecond: 1_000, pass: false },
        { ratePerSecond: 1_500, pass: true },
      ]),
    ).toBe(500);
  });
});
