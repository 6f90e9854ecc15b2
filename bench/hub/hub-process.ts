// `vmsc start` as its own process, for the benches that kill it, pin it to a core or weigh it (the
// crash soak, `pnpm bench:ceiling`): startCommand with the config in `dir` and the connector
// overrides and login endpoints given, aimed at the fakes. Argument: one JSON object (see
// `HubProcessArgs`). Run from the repository root with `node --import tsx` and TSX_TSCONFIG_PATH set
// to bench/tsconfig.json (spawn-hub.ts does), so that @vmsc/cli is the built package. With an IPC channel, a `memory` message is answered with the process's
// memory and CPU time (after a full GC when node runs with --expose-gc, unless it says `gc: false`).
import { startCommand, type BuildHubOptions } from '@vmsc/cli';

/** What the hub process is started with (JSON on its command line). */
export interface HubProcessArgs {
  /** The directory holding `vmsc.config.json` (its rules, state, journal and log go there too). */
  dir: string;
  overrides?: BuildHubOptions['overrides'];
  logins?: BuildHubOptions['logins'];
}

/** The answer to a `memory` message. */
export interface HubMemoryReport {
  type: 'memory';
  heapUsed: number;
  rss: number;
  /** CPU time used so far (user + system), µs, read before the GC. */
  cpuMicros: number;
}

const args = JSON.parse(process.argv[2]!) as HubProcessArgs;
const abort = new AbortController();
process.once('SIGTERM', () => abort.abort());
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: { type?: string; gc?: boolean }) => {
  if (message?.type !== 'memory') return;
  const cpu = process.cpuUsage(); // before the GC below, which is the probe's work, not the hub's
  if (message.gc !== false) gc?.();
  const memory = process.memoryUsage();
  const report: HubMemoryReport = { type: 'memory', heapUsed: memory.heapUsed, rss: memory.rss, cpuMicros: cpu.user + cpu.system };
  process.send?.(report);
});
const code = await startCommand(
  {
    config: 'vmsc.config.json',
    signal: abort.signal,
    ...(args.overrides ? { overrides: args.overrides } : {}),
    ...(args.logins ? { logins: args.logins } : {}),
  },
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: args.dir },
);
process.exit(code);
