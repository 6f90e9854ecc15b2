import { describe, expect, it } from 'vitest';
import { poolComparisons, type Comparison } from './lib.js';

/** A comparison as one process reports it: the per-round times of a baseline and a candidate. */
function run(base: number[], candidate: number[]): Comparison {
  return {
    title: 'a suite',
    description: 'what it measures',
    baseline: 'JSON.parse',
    rows: [],
    rounds: base.length,
    targets: [],
    notes: ['from this process'],
    times: { 'JSON.parse': base, normalize: candidate },
    spec: { candidates: ['normalize'], targets: [{ label: 'within 1.5x of JSON.parse', task: 'normalize', max: 1.5 }] },
  };
}

describe('the rounds of several processes, pooled', () => {
  it('takes the median and the spread of every round of every process, each ratio within its round', () => {
    // Process 1 ran on a slow JIT (everything 2x): its ratios are the same, and pooling must not mix rounds.
    const pooled = poolComparisons([run([100, 100, 100], [120, 130, 140]), run([200, 200, 200], [240, 400, 260])]);
    expect(pooled.rounds).toBe(6);
    const target = pooled.targets[0]!;
    expect(target.median).toBeCloseTo(1.3); // ratios 1.2 1.3 1.4 1.2 2.0 1.3: the median of 1.2 1.2 1.3 1.3 1.4 2.0
    expect(target.min).toBeCloseTo(1.2);
    expect(target.max_).toBeCloseTo(2.0);
    expect(target.verdict).toBe('unclear');
    expect(pooled.rows.map((row) => row.name)).toEqual(['JSON.parse', 'normalize']);
    expect(pooled.notes).toEqual(['from this process']);
  });

  it('says met only when every round of every process is within the target', () => {
    const pooled = poolComparisons([run([100, 100], [110, 120]), run([100, 100], [130, 140])]);
    expect(pooled.targets[0]!.verdict).toBe('met');
    expect(poolComparisons([run([100], [110]), run([100], [160])]).targets[0]!.verdict).toBe('unclear');
    expect(poolComparisons([run([100], [160]), run([100], [170])]).targets[0]!.verdict).toBe('missed');
  });

  it('refuses an empty list', () => {
    expect(() => poolComparisons([])).toThrow(/at least one/);
  });
});
