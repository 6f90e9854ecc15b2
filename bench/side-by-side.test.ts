import { describe, expect, it } from 'vitest';
import { targetLine, type TargetResult } from './lib.js';
import { readTargets, sideBySide } from './side-by-side.js';

const target = (median: number, label = 'within 1.5x of JSON.parse'): TargetResult => ({
  label,
  task: 'normalize',
  against: 'JSON.parse',
  max: 1.5,
  median,
  min: median - 0.05,
  max_: median + 0.05,
  verdict: median + 0.05 <= 1.5 ? 'met' : median - 0.05 > 1.5 ? 'missed' : 'unclear',
});

describe('two bench runs side by side', () => {
  it('reads back the target lines it printed', () => {
    const block = [target(1.2), target(1.62)].map((t) => `- ${targetLine(t)}`).join('\n');
    expect(readTargets(block)).toEqual([
      { key: 'within 1.5x of JSON.parse (normalize / JSON.parse)', median: 1.2, verdict: 'met' },
      { key: 'within 1.5x of JSON.parse (normalize / JSON.parse)', median: 1.62, verdict: 'missed' },
    ]);
  });

  it('pairs targets by label and occurrence, and says which medians moved more than 10 %', () => {
    const before = [target(1.2), target(1.6), target(1.0, 'gone')].map((t) => `- ${targetLine(t)}`).join('\n');
    const section = sideBySide([target(1.35), target(1.62), target(2, 'new one')], before, '2026-12-03');
    expect(section).toContain('1 of 2 medians agree within 10 %');
    expect(section).toMatch(/\| 1\.35x met \| 1\.20x met \| \+12\.5 % \| \*\*no\*\* \|/);
    expect(section).toMatch(/#2 \| 1\.62x missed \| 1\.60x missed \| \+1\.3 % \| yes \|/);
    expect(section).toMatch(/new one .*\| – \| – \| new \|/);
  });
});
