import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.js';

describe('LatencyHistogram', () => {
  it('reads percentiles at 0.05 ms under 1 s and 10 ms up to 120 s', () => {
    const histogram = new LatencyHistogram();
    for (let i = 0; i < 98; i++) histogram.record(2.01);
    histogram.record(1_234);
    histogram.record(50_001);
    expect(histogram.count).toBe(100);
    expect(histogram.percentile(0.5)).toBe(2.05);
    expect(histogram.percentile(0.99)).toBe(1_240);
    expect(histogram.percentile(1)).toBe(50_010);
    expect(histogram.max).toBe(50_001);
  });

  it('reports a percentile past 120 s as Infinity, never as a capped value', () => {
    const histogram = new LatencyHistogram();
    histogram.record(1);
    histogram.record(200_000);
    expect(histogram.percentile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(histogram.max).toBe(200_000);
  });

  it('merges the samples of another histogram', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.record(1);
    b.record(3);
    b.record(3);
    a.merge(b);
    expect(a.count).toBe(3);
    expect(a.percentile(0.5)).toBe(3.05);
    expect(a.max).toBe(3);
  });

  it('has no percentile without samples', () => {
    expect(new LatencyHistogram().percentile(0.5)).toBeNaN();
  });
});
