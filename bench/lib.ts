/**
 * The bench harness: a baseline and its candidates measured in **interleaved rounds** (A B C, B C A,
 * C A B … after a warm-up), each round a time slice per task, every result consumed. Each figure is
 * the **median ratio** to a task of the same round (the baseline by default) with its **min–max
 * across rounds**; a target whose spread crosses its bound is printed as `unclear`, not as met.
 *
 * @packageDocumentation
 */
import { profileMarkdown, profileTask } from './profile.js';

/** One measured task: `fn` may return a promise (awaited, like every task of the comparison). */
export interface BenchTask {
  name: string;
  fn: () => unknown;
}

/** A goal: the ratio of `task` to `against` (default the baseline) at most `max`. */
export interface RatioTarget {
  /** How it reads, e.g. "10,000 rules within 2x of 10 rules". */
  label: string;
  /** The measured task (default: every candidate, one verdict each). */
  task?: string;
  /** The task it is compared to (default: the baseline). */
  against?: string;
  /** The largest ratio that meets the target. */
  max: number;
}

/** How a target fared: `met` (every round within), `missed` (no round within), `unclear` (the spread crosses it). */
export type Verdict = 'met' | 'missed' | 'unclear';

/** A target's figure. */
export interface TargetResult {
  label: string;
  task: string;
  against: string;
  max: number;
  median: number;
  min: number;
  max_: number;
  verdict: Verdict;
}

/** A row of a comparison: median time per operation and the median ratio to the baseline, with its spread. */
export interface ComparisonRow {
  name: string;
  opsPerSecond: number;
  /** Median time per operation across rounds, ns. */
  meanNs: number;
  /** Median of the per-round ratios to the baseline (1.00 = as fast, 2.00 = twice as slow). */
  ratio: number;
  ratioMin: number;
  ratioMax: number;
}

/** A finished comparison, ready to print. */
export interface Comparison {
  title: string;
  /** What is measured, on which inputs. */
  description: string;
  baseline: string;
  rows: ComparisonRow[];
  rounds: number;
  /** The targets, each with its verdict. */
  targets: TargetResult[];
  /** Extra figures (memory per channel...), printed under the table. */
  notes?: string[];
  /** Each task's time per operation in every round, ns (what {@link poolComparisons} merges). */
  times: Record<string, number[]>;
  /** The candidates' names and the targets, to summarize pooled rounds again. */
  spec: { candidates: string[]; targets: RatioTarget[] };
}

/** A bench suite file's default export: one or more comparisons. */
export type Suite = () => Promise<Comparison[]>;

let sink = 0;
/** Keeps every result alive, so that no task's work can be optimised away. */
function consume(value: unknown): void {
  sink = (sink + (typeof value === 'number' ? value : value === undefined ? 1 : 3)) | 0;
}

/** `global.gc` when the process runs with `--expose-gc` (as `pnpm bench` does). */
const collect = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `task` for about `ms` and returns the time per operation, ns. A full collection first (with
 * `--expose-gc`): the garbage of the task before is not collected in, and charged to, this one's slice.
 */
async function slice(task: BenchTask, ms: number): Promise<number> {
  collect?.();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(ms * 1e6));
  let ops = 0;
  let now = start;
  for (;;) {
    for (let i = 0; i < 8; i++) {
      const result = task.fn();
      consume(result instanceof Promise ? await result : result);
    }
    ops += 8;
    now = process.hrtime.bigint();
    if (now >= deadline) break;
  }
  return Number(now - start) / ops;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Measures a baseline and candidates in one run (same process, same inputs) in interleaved rounds
 * and reports each as a median ratio to the baseline with its spread, and each target's verdict.
 * Rounds: `BENCH_ROUNDS` (default 7, at least 7; bench/run.ts pools those of several processes); slice per task and round: `BENCH_SLICE_MS` (default 60).
 */
export async function compare(options: {
  title: string;
  description: string;
  baseline: BenchTask;
  candidates: BenchTask[];
  targets?: RatioTarget[];
  notes?: string[];
  /** Tasks to profile after the rounds (see {@link profileTask}): their tables are added to the notes. */
  profile?: string[];
}): Promise<Comparison> {
  const rounds = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 7));
  const sliceMs = Number(process.env.BENCH_SLICE_MS ?? 60);
  const tasks = [options.baseline, ...options.candidates];
  for (const task of tasks) await slice(task, sliceMs * 2);
  const times = new Map<string, number[]>(tasks.map((task) => [task.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[(round + i) % tasks.length]!;
      times.get(task.name)!.push(await slice(task, sliceMs));
    }
  }
  if (sink === 42) console.log('');
  const comparison = summarize(options, times, rounds);
  // Several processes run each suite (bench/run.ts): the first one profiles.
  const profiles = Number(process.env.BENCH_PROCESS_INDEX ?? 0) === 0 ? (options.profile ?? []) : [];
  for (const name of profiles) {
    const task = tasks.find((candidate) => candidate.name === name);
    if (!task) throw new Error(`profile names an unknown task "${name}"`);
    (comparison.notes ??= []).push(profileMarkdown(await profileTask(name, task.fn)));
  }
  return comparison;
}

/** One task measured by a whole run (a process, a build...): `run` resolves to the time it measured, ns. */
export interface RunTask {
  name: string;
  run: () => Promise<number>;
}

/**
 * Like {@link compare} for tasks that are whole runs (each `run` spawns a fresh process and reports
 * the time it measured): interleaved rounds (order rotating), after one warm-up run each. In each
 * round every task runs `runsPerRound` times (default 3, interleaved too) and the round keeps its
 * fastest run, the one least disturbed by the rest of the machine; then the median ratio with its
 * min–max across rounds and the targets' verdicts. Rounds: `BENCH_ROUNDS` or `minRounds`,
 * whichever is more.
 */
export async function compareRuns(options: {
  title: string;
  description: string;
  baseline: RunTask;
  candidates: RunTask[];
  targets?: RatioTarget[];
  notes?: string[];
  minRounds?: number;
  runsPerRound?: number;
}): Promise<Comparison> {
  const rounds = Math.max(options.minRounds ?? 7, Number(process.env.BENCH_ROUNDS ?? 7));
  const runsPerRound = Math.max(1, options.runsPerRound ?? 3);
  const tasks = [options.baseline, ...options.candidates];
  for (const task of tasks) await task.run();
  const times = new Map<string, number[]>(tasks.map((task) => [task.name, []]));
  for (let round = 0; round < rounds; round++) {
    const best = new Map<string, number>();
    for (let run = 0; run < runsPerRound; run++) {
      for (let i = 0; i < tasks.length; i++) {
        const task = tasks[(round + run + i) % tasks.length]!;
        const ns = await task.run();
        best.set(task.name, Math.min(best.get(task.name) ?? Infinity, ns));
      }
    }
    for (const task of tasks) times.get(task.name)!.push(best.get(task.name)!);
  }
  return summarize(options, times, rounds);
}

/** Rows and target verdicts from the per-round times of each task. */
function summarize(
  options: {
    title: string;
    description: string;
    baseline: { name: string };
    candidates: Array<{ name: string }>;
    targets?: RatioTarget[];
    notes?: string[];
  },
  times: Map<string, number[]>,
  rounds: number,
): Comparison {
  const tasks = [options.baseline, ...options.candidates];
  const ratios = (task: string, against: string) => times.get(task)!.map((ns, round) => ns / times.get(against)![round]!);
  const rows = tasks.map((task): ComparisonRow => {
    const perRound = ratios(task.name, options.baseline.name);
    const ns = median(times.get(task.name)!);
    return {
      name: task.name,
      opsPerSecond: 1e9 / ns,
      meanNs: ns,
      ratio: median(perRound),
      ratioMin: Math.min(...perRound),
      ratioMax: Math.max(...perRound),
    };
  });
  const targets = (options.targets ?? []).flatMap((target) =>
    (target.task ? [target.task] : options.candidates.map((task) => task.name)).map((task): TargetResult => {
      const against = target.against ?? options.baseline.name;
      if (!times.has(task) || !times.has(against)) throw new Error(`target "${target.label}" names an unknown task`);
      const perRound = ratios(task, against);
      const min = Math.min(...perRound);
      const max = Math.max(...perRound);
      const verdict: Verdict = max <= target.max ? 'met' : min > target.max ? 'missed' : 'unclear';
      return { label: target.label, task, against, max: target.max, median: median(perRound), min, max_: max, verdict };
    }),
  );
  return {
    title: options.title,
    description: options.description,
    baseline: options.baseline.name,
    rows,
    rounds,
    targets,
    ...(options.notes ? { notes: [...options.notes] } : {}),
    times: Object.fromEntries(times),
    spec: { candidates: options.candidates.map((task) => task.name), targets: options.targets ?? [] },
  };
}

/**
 * One comparison from the same comparison run in several processes: their rounds pooled (each
 * round's ratios stay within its process), then the medians, spreads and verdicts of all of them.
 * The notes (profiles, figures per event) are the first process's.
 */
export function poolComparisons(runs: readonly Comparison[]): Comparison {
  const first = runs[0];
  if (!first) throw new Error('poolComparisons needs at least one comparison');
  const times = new Map<string, number[]>(Object.keys(first.times).map((name) => [name, runs.flatMap((run) => run.times[name] ?? [])]));
  const rounds = runs.reduce((sum, run) => sum + run.rounds, 0);
  return summarize(
    {
      title: first.title,
      description: first.description,
      baseline: { name: first.baseline },
      candidates: first.spec.candidates.map((name) => ({ name })),
      targets: first.spec.targets,
      ...(first.notes ? { notes: first.notes } : {}),
    },
    times,
    rounds,
  );
}

const time = (ns: number) =>
  ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;

/** A target's line: `10,000 rules within 2x of 10 rules: 1.13x (1.05–1.22) ≤ 2.00x: met`. */
export function targetLine(target: TargetResult): string {
  const spread = `${target.min.toFixed(2)}–${target.max_.toFixed(2)}`;
  return `${target.label} (${target.task} / ${target.against}): ${target.median.toFixed(2)}x (${spread}) vs ≤ ${target.max.toFixed(2)}x: **${target.verdict}**`;
}

/** Formats a comparison as a Markdown section. */
export function toMarkdown(comparison: Comparison): string {
  const lines = [`### ${comparison.title}`, '', comparison.description, ''];
  lines.push(
    `${comparison.rounds} interleaved rounds; median time per operation, median ratio to the baseline and its min–max across rounds.`,
    '',
  );
  lines.push('| task | ops/s | median time | ratio to baseline | spread |', '|---|---:|---:|---:|---:|');
  for (const row of comparison.rows) {
    const label = row.name === comparison.baseline ? `${row.name} (baseline)` : row.name;
    const spread = row.name === comparison.baseline ? '' : `${row.ratioMin.toFixed(2)}–${row.ratioMax.toFixed(2)}`;
    lines.push(
      `| ${label} | ${Math.round(row.opsPerSecond).toLocaleString('en-US')} | ${time(row.meanNs)} | ${row.ratio.toFixed(2)}x | ${spread} |`,
    );
  }
  if (comparison.targets.length > 0) lines.push('', ...comparison.targets.map((target) => `- Target: ${targetLine(target)}`));
  for (const note of comparison.notes ?? []) lines.push('', note);
  lines.push('');
  return lines.join('\n');
}

/**
 * The note under a comparison with a floor task (the least any implementation of the spec can do
 * per event: parsing, the UUID v4 id, the event object…): what each part costs per event, in ns.
 */
export function floorNote(
  comparison: Comparison,
  names: { parse: string; floor: string; candidate: string; floorIs: string; per?: string },
): string {
  const row = (name: string) => {
    const found = comparison.rows.find((r) => r.name === name);
    if (!found) throw new Error(`floorNote names an unknown task "${name}"`);
    return found;
  };
  const parse = row(names.parse).meanNs;
  const floor = row(names.floor).meanNs;
  const candidate = row(names.candidate).meanNs;
  const ns = (value: number) => `${Math.round(value).toLocaleString('en-US')} ns`;
  return (
    `Per ${names.per ?? 'event'}: ${names.candidate} ${ns(candidate)} = ${names.parse} ${ns(parse)} + ${ns(floor - parse)} for ${names.floorIs} ` +
    `(the floor, ${(floor / parse).toFixed(2)}x of parsing alone) + ${ns(candidate - floor)} of VMSC's own checks and mapping.`
  );
}
