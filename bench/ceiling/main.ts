/**
 * `pnpm bench:ceiling`: the hub's ceiling (issue 20): the highest chat rate `vmsc start` sustains on
 * one core with 1,000 rules and 10 custom-WS subscribers at p99 under 100 ms, and its heap per
 * 1,000 Kick channels. Prints a table row per step and writes its section of docs/benchmarks.md.
 *
 * Flags: `--seconds N` (or `BENCH_CEILING_SECONDS`): each step's window (default 60);
 * `--rates 500,1000`: run these rates instead of the search (the docs are not written then);
 * `--log-level warn` (or `BENCH_CEILING_LOG_LEVEL`): the hubs' log file level (default `info`, as
 * `vmsc start`'s default: a line per rule run); `--nice N` (or `BENCH_CEILING_NICE`): the
 * niceness of the hub, the subscribers and this process where allowed (default -10: other work on a
 * shared machine yields to the bench).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { canNice, canPin } from '../hub/spawn-hub.js';
import { ceilingSection, STEP_HEADER, stepRow } from './report.js';
import { runCeiling } from './run-ceiling.js';
import { LOAD_CORE } from './step.js';
import type { LogLevel } from './hub-dir.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string' }, rates: { type: 'string' }, 'log-level': { type: 'string' }, nice: { type: 'string' } },
});
const seconds = Number(values.seconds ?? process.env.BENCH_CEILING_SECONDS ?? 60);
if (!Number.isFinite(seconds) || seconds <= 0)
  throw new Error(`--seconds / BENCH_CEILING_SECONDS must be a positive number, not ${seconds}`);
const rates = values.rates?.split(',').map(Number);
if (rates?.some((rate) => !Number.isFinite(rate) || rate <= 0)) throw new Error(`--rates must be positive numbers, not ${values.rates}`);

const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const logLevel = (values['log-level'] ?? process.env.BENCH_CEILING_LOG_LEVEL) as LogLevel | undefined;
if (logLevel !== undefined && !logLevels.includes(logLevel))
  throw new Error(`--log-level must be one of ${logLevels.join(', ')}, not ${logLevel}`);

// This process (the fake and the feeder) on the load core, as the subscribers; the hub gets the other.
const pinned = canPin() && spawnSync('taskset', ['-pc', String(LOAD_CORE), String(process.pid)]).status === 0;
if (!pinned) console.log('taskset is not available: the hub and the load share the cores');
// The bench's processes at a higher priority (where allowed), so that other work on a shared machine yields to them.
const asked = Number(values.nice ?? process.env.BENCH_CEILING_NICE ?? -10);
if (!Number.isInteger(asked) || asked < -20 || asked > 19) throw new Error(`--nice must be an integer from -20 to 19, not ${asked}`);
const nice =
  asked !== 0 && canNice(asked) && spawnSync('renice', ['-n', String(asked), '-p', String(process.pid)]).status === 0 ? asked : 0;
if (nice !== asked) console.log(`cannot run at nice ${asked}: the bench runs at the default priority`);

const loadBefore = loadavg()[0]!;
console.log(STEP_HEADER);
let lastRate = 0;
const result = await runCeiling({
  durationMs: seconds * 1_000,
  ...(rates ? { rates } : {}),
  ...(logLevel ? { logLevel } : {}),
  nice,
  retryFailed: true,
  onStep: (step) => {
    console.log(stepRow(step, step.ratePerSecond === lastRate));
    lastRate = step.ratePerSecond;
  },
  onProgress: (line) => console.error(line),
});
const loadAfter = loadavg()[0]!;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
const busy = Math.max(loadBefore, loadAfter) > 2.5;
const note = `Load average ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end${busy ? ' (the machine was busy with other work: figures may be low and noisy)' : ''}.`;
const section = ceilingSection(result, { machine, date: new Date().toISOString().slice(0, 10), pinned, note });
console.log(`\n${section}`);
if (!rates) {
  const target = new URL('../../docs/benchmarks.md', import.meta.url);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n';
  const markers = /<!-- ceiling:start -->[\s\S]*<!-- ceiling:end -->/;
  writeFileSync(target, markers.test(previous) ? previous.replace(markers, section) : `${previous.trimEnd()}\n\n${section}\n`);
  console.log('wrote docs/benchmarks.md');
}
process.exit(0);
