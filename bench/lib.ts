import { Bench } from 'tinybench';

/** One measured task. */
export interface BenchTask {
  name: string;
  fn: () => unknown;
}

/** A row of a comparison: ops/s, mean time, and the ratio to the baseline measured in the same run. */
export interface ComparisonRow {
  name: string;
  opsPerSecond: number;
  meanNs: number;
  /** mean time / baseline mean time (1.00 = as fast as the baseline, 2.00 = twice as slow). */
  ratio: number;
}

/** A finished comparison, ready to print. */
export interface Comparison {
  title: string;
  /** What is measured, on which inputs. */
  description: string;
  baseline: string;
  rows: ComparisonRow[];
  /** The goal stated by the issue, e.g. "within 1.25x". */
  target?: string;
  /** Extra figures (memory per channel...), printed under the table. */
  notes?: string[];
}

/** A bench suite file's default export: one or more comparisons. */
export type Suite = () => Promise<Comparison[]>;

/**
 * Measures a baseline and candidates in one run (same process, same inputs, interleaved warm-up)
 * and reports each as a ratio to the baseline.
 */
export async function compare(options: {
  title: string;
  description: string;
  baseline: BenchTask;
  candidates: BenchTask[];
  target?: string;
  timeMs?: number;
  notes?: string[];
}): Promise<Comparison> {
  const bench = new Bench({ time: options.timeMs ?? Number(process.env.BENCH_TIME_MS ?? 700), warmupTime: 150 });
  for (const task of [options.baseline, ...options.candidates]) bench.add(task.name, task.fn);
  await bench.run();
  const stats = new Map(
    bench.tasks.map((task) => {
      const result = task.result as unknown as { latency?: { mean: number }; throughput?: { mean: number } } | undefined;
      const meanMs = result?.latency?.mean ?? Number.NaN;
      return [task.name, { meanNs: meanMs * 1e6, opsPerSecond: meanMs > 0 ? 1000 / meanMs : 0 }];
    }),
  );
  const base = stats.get(options.baseline.name)!;
  const rows = [options.baseline, ...options.candidates].map((task) => {
    const stat = stats.get(task.name)!;
    return { name: task.name, opsPerSecond: stat.opsPerSecond, meanNs: stat.meanNs, ratio: stat.meanNs / base.meanNs };
  });
  return {
    title: options.title,
    description: options.description,
    baseline: options.baseline.name,
    rows,
    ...(options.target ? { target: options.target } : {}),
    ...(options.notes ? { notes: options.notes } : {}),
  };
}

/** Formats a comparison as a Markdown section. */
export function toMarkdown(comparison: Comparison): string {
  const lines = [`### ${comparison.title}`, '', comparison.description, ''];
  if (comparison.target) lines.push(`Target: ${comparison.target}.`, '');
  lines.push('| task | ops/s | mean | ratio to baseline |', '|---|---:|---:|---:|');
  for (const row of comparison.rows) {
    const mean =
      row.meanNs >= 1e6
        ? `${(row.meanNs / 1e6).toFixed(2)} ms`
        : row.meanNs >= 1e3
          ? `${(row.meanNs / 1e3).toFixed(2)} µs`
          : `${row.meanNs.toFixed(0)} ns`;
    const label = row.name === comparison.baseline ? `${row.name} (baseline)` : row.name;
    lines.push(`| ${label} | ${Math.round(row.opsPerSecond).toLocaleString('en-US')} | ${mean} | ${row.ratio.toFixed(2)}x |`);
  }
  for (const note of comparison.notes ?? []) lines.push('', note);
  lines.push('');
  return lines.join('\n');
}
