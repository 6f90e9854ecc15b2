/**
 * `pnpm soak:crash [--seconds 180] [--rate 50] [--token-lifetime 330]`: runs the crash soak
 * (bench/soak/crash-soak.ts), prints its figures and writes them into the crash-soak section of
 * docs/benchmarks.md (kept by `pnpm bench` and `pnpm soak`); `--dry-run` only prints them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runCrashSoak, type CrashSoakResult } from './crash-soak.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    rate: { type: 'string', default: '50' },
    'token-lifetime': { type: 'string', default: '330' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const r = await runCrashSoak({
  durationMs: Number(values.seconds) * 1_000,
  ratePerSecond: Number(values.rate),
  tokenLifetimeSec: Number(values['token-lifetime']),
  onProgress: (line) => console.log(line),
});

function toMarkdown(result: CrashSoakResult): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lostState = result.beforeCrash.counted - result.beforeCrash.restored;
  return [
    '<!-- crash-soak:start -->',
    `## Crash soak: \`vmsc start\` killed mid-stream, its Twitch login refreshed every ${Number(values['token-lifetime']) - 300} s`,
    '',
    `\`pnpm soak:crash --seconds ${values.seconds} --rate ${values.rate} --token-lifetime ${values['token-lifetime']}\` on ${new Date().toISOString().slice(0, 10)} (${machine}). The hub as its own process (the real Twitch connector on the Twitch fake, signed in with \`vmsc auth twitch\` against the Twitch OAuth fake; a rule counting every chat message and giving a point; journal, log file, state saved every ${result.beforeCrash.saveEveryMs} ms), a custom-WS subscriber (the VMSC mirror preset) counting by sequence number. Half way the hub is killed with SIGKILL and started again; Twitch does not replay, so the feeder pauses from the kill until the new hub has subscribed.`,
    '',
    '| figure | value |',
    '|---|---:|',
    `| fed for | ${(result.durationMs / 1_000).toFixed(0)} s at ${values.rate} messages/s |`,
    `| messages sent / received by the subscriber | ${result.sent} / ${result.received} |`,
    `| lost / doubled | ${result.lost} / ${result.duplicates} |`,
    `| kill -9 → the restarted hub subscribed | ${result.restartMs} ms |`,
    `| counted before the kill / restored from the state file | ${result.beforeCrash.counted} / ${result.beforeCrash.restored} (${lostState} lost: the last save interval) |`,
    `| counter at the end / messages sent | ${result.finalCounter} / ${result.sent} |`,
    `| login refreshes / expiries in the run | ${result.refreshes} / ${result.refreshesDue} |`,
    `| journal lines / unreadable / soak events in it | ${result.journal.lines} / ${result.journal.unreadable} / ${result.journal.soakEvents} |`,
    `| log lines / unreadable / errors / warnings / token values in it | ${result.log.lines} / ${result.log.unreadable} / ${result.log.errors} / ${result.log.warnings} / ${result.log.tokenLeaks} |`,
    `| exit code of the clean stop | ${result.exitCode} |`,
    '',
    '<!-- crash-soak:end -->',
  ].join('\n');
}

const markdown = toMarkdown(r);
console.log(markdown);
if (!values['dry-run']) {
  const target = new URL('../../docs/benchmarks.md', import.meta.url);
  const previous = readFileSync(target, 'utf8');
  const section = /<!-- crash-soak:start -->[\s\S]*<!-- crash-soak:end -->/;
  writeFileSync(target, section.test(previous) ? previous.replace(section, markdown) : `${previous.trimEnd()}\n\n${markdown}\n`);
  console.log('wrote the crash-soak section of docs/benchmarks.md');
}
process.exit(0);
