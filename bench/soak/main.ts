/**
 * `pnpm soak [--minutes 10] [--rate 5000] [--subscribers 10] [--rules 1000]`: runs the soak
 * (bench/soak/run-soak.ts), prints its figures and writes them into the soak section of
 * docs/benchmarks.md (which `pnpm bench` keeps); `--dry-run` only prints them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runSoak, type HeapSample, type SoakResult } from './run-soak.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '5000' },
    subscribers: { type: 'string', default: '10' },
    rules: { type: 'string', default: '1000' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const minutes = Number(values.minutes);
const result = await runSoak({
  durationMs: minutes * 60_000,
  ratePerSecond: Number(values.rate),
  subscribers: Number(values.subscribers),
  rules: Number(values.rules),
  onProgress: (line) => console.log(line),
});

/** The first heap sample of each 30-second slot, and the last one. */
function everyThirtySeconds(samples: readonly HeapSample[]): HeapSample[] {
  const picked: HeapSample[] = [];
  let slot = -1;
  for (const sample of samples) {
    const current = Math.floor(sample.atMs / 30_000);
    if (current > slot) {
      picked.push(sample);
      slot = current;
    }
  }
  const last = samples[samples.length - 1];
  if (last && picked[picked.length - 1] !== last) picked.push(last);
  return picked;
}

/** A latency figure: past the histogram's 120 s it is only known to be larger. */
function ms(value: number): string {
  return Number.isFinite(value) ? String(value) : '> 120000';
}

function toMarkdown(r: SoakResult): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lost = r.lost.reduce((a, b) => a + b, 0);
  const duplicates = r.duplicates.reduce((a, b) => a + b, 0);
  return [
    '<!-- soak:start -->',
    '## Soak: the hub with every connector on the fakes',
    '',
    `\`pnpm soak --minutes ${minutes} --rate ${r.targetRate}\` on ${new Date().toISOString().slice(0, 10)} (${machine}). The \`vmsc\` hub (bus, rule engine with ${r.rules} rules, custom WS server) with the real Kick, Twitch, TikTok, YouTube, Streamlabs and StreamElements connectors connected to their @vmsc/testing fakes over loopback, ${r.subscribers} custom-WS subscribers, and 1 process: the hub on the main thread, the fakes, the feeder and the subscribers in a worker thread (the heap figures are the main thread's); a mixed stream of chat messages and tips, one platform after the other. Latency is from the fake's send to a subscriber's receive.`,
    '',
    '| figure | value |',
    '|---|---:|',
    `| fed for | ${(r.durationMs / 1_000).toFixed(0)} s |`,
    `| target / achieved rate | ${r.targetRate} / ${r.achievedRate} events/s |`,
    `| events sent | ${r.sent} (${Object.entries(r.sentBySource)
      .map(([source, count]) => `${source} ${count}`)
      .join(', ')}) |`,
    `| deliveries (events × subscribers) | ${r.latencyMs.samples} |`,
    `| lost / duplicated (all subscribers) | ${lost} / ${duplicates} |`,
    `| latency p50 / p99 / max | ${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p99)} / ${ms(r.latencyMs.max)} ms |`,
    `| latency p50 / p99 by platform | ${Object.entries(r.latencyBySource)
      .map(([source, l]) => `${source} ${ms(l.p50)} / ${ms(l.p99)}`)
      .join('; ')} ms |`,
    `| largest backlog (per subscriber, at a 1 s report) | ${r.maxBacklog.events} events at ${r.maxBacklog.atSeconds} s |`,
    `| heap start / end / max${r.heap.gcExposed ? ' (after GC)' : ''} | ${r.heap.startMiB} / ${r.heap.endMiB} / ${r.heap.maxMiB} MiB |`,
    `| rule runs | ${r.ruleRuns} |`,
    `| errors / status changes | ${r.errors.length} / ${r.statusChanges.length} |`,
    '',
    `Heap every 30 s (s: MiB): ${everyThirtySeconds(r.heap.samples)
      .map((s) => `${Math.round(s.atMs / 1_000)}: ${s.heapUsedMiB}`)
      .join(', ')}`,
    ...(r.errors.length ? ['', `Errors: ${r.errors.slice(0, 5).join('; ')}`] : []),
    ...(r.statusChanges.length ? ['', `Status changes: ${r.statusChanges.slice(0, 5).join('; ')}`] : []),
    '<!-- soak:end -->',
  ].join('\n');
}

const markdown = toMarkdown(result);
console.log(markdown);
if (!values['dry-run']) {
  const target = new URL('../../docs/benchmarks.md', import.meta.url);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n';
  const block = /<!-- soak:start -->[\s\S]*<!-- soak:end -->/;
  writeFileSync(target, block.test(previous) ? previous.replace(block, markdown) : `${previous.trimEnd()}\n\n${markdown}\n`);
  console.log('wrote the soak section of docs/benchmarks.md');
}
const lost = result.lost.reduce((a, b) => a + b, 0);
process.exitCode = lost === 0 && result.errors.length === 0 ? 0 : 1;
