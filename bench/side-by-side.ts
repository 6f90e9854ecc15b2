/**
 * Two runs of `pnpm bench` side by side: the previous run's target lines (as docs/benchmarks.md
 * printed them) read back, and each median ratio set beside this run's, with how far they differ.
 * The bar: two runs on the same machine agree within 10 % on every median ratio.
 *
 * @packageDocumentation
 */
import { targetLine, type TargetResult } from './lib.js';

/** A target line read back: its key (label, task and baseline) and its median ratio. */
interface ReadTarget {
  key: string;
  median: number;
  verdict: string;
}

/** How far apart two medians may be and still agree. */
export const AGREEMENT = 0.1;

const LINE = /^- (.*): (\d+(?:\.\d+)?)x \([^)]*\) vs ≤ [\d.]+x: \*\*(\w+)\*\*$/;

/** The target lines of a "## Targets" block, as {@link targetLine} printed them. */
export function readTargets(block: string): ReadTarget[] {
  return block
    .split('\n')
    .map((line) => LINE.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ key: match[1]!, median: Number(match[2]), verdict: match[3]! }));
}

/** Keys made unique by their occurrence (two comparisons may print the same label, task and baseline). */
function occurrences<T>(items: readonly T[], key: (item: T) => string): Array<[string, T]> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = key(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n === 1 ? base : `${base} #${n}`, item];
  });
}

/** The key a target's line starts with (label, task / baseline). */
function keyOf(target: TargetResult): string {
  return targetLine(target).replace(/: \d+(?:\.\d+)?x \(.*$/, '');
}

/**
 * The Markdown section: one row per target of this run, beside the same target of the run before
 * (when it had it), their difference relative to the earlier median, and whether they agree.
 */
export function sideBySide(current: readonly TargetResult[], previousBlock: string, previousDate: string): string {
  const before = new Map(occurrences(readTargets(previousBlock), (target) => target.key));
  const rows: string[] = [];
  let compared = 0;
  let agreeing = 0;
  for (const [key, target] of occurrences(current, keyOf)) {
    const earlier = before.get(key);
    if (!earlier) {
      rows.push(`| ${key} | ${target.median.toFixed(2)}x ${target.verdict} | – | – | new |`);
      continue;
    }
    const difference = (target.median - earlier.median) / earlier.median;
    const agrees = Math.abs(difference) <= AGREEMENT + 1e-9;
    compared++;
    if (agrees) agreeing++;
    const sign = difference > 0 ? '+' : '';
    rows.push(
      `| ${key} | ${target.median.toFixed(2)}x ${target.verdict} | ${earlier.median.toFixed(2)}x ${earlier.verdict} | ${sign}${(difference * 100).toFixed(1)} % | ${agrees ? 'yes' : '**no**'} |`,
    );
  }
  return [
    `## This run and the run before (${previousDate}), side by side`,
    '',
    `The median ratio of each target in both runs, and how much this run's differs from the earlier one. ${agreeing} of ${compared} medians agree within ${AGREEMENT * 100} %.`,
    '',
    '| target | this run | the run before | difference | within 10 % |',
    '|---|---:|---:|---:|:---:|',
    ...rows,
    '',
  ].join('\n');
}
