/**
 * Starts `vmsc start` as its own process (bench/hub/hub-process.ts), optionally pinned to one core
 * with `taskset -c <core>` (util-linux): the crash soak and `pnpm bench:ceiling` run the hub through it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HubMemoryReport, HubProcessArgs } from './hub-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hubScript = fileURLToPath(new URL('./hub-process.ts', import.meta.url));
/** How much of the hub's terminal output is kept (the tail, for error messages): it prints per event at high rates. */
const OUTPUT_KEPT = 256 * 1024;

/** Options of {@link spawnHub}. */
export interface SpawnHubOptions {
  /** Environment variables besides the parent's (the config's `...Env` names). */
  env?: Record<string, string>;
  /** Pin the process to this core (`taskset -c`); ignored where taskset is missing (see {@link canPin}). */
  core?: number;
  /** Run node with --expose-gc, so that {@link HubProcess.memory} measures after a full GC. */
  exposeGc?: boolean;
  /** More node flags (e.g. `--cpu-prof --cpu-prof-dir=...`, which NODE_OPTIONS does not take). */
  nodeArgs?: readonly string[];
}

/** A running hub process. */
export interface HubProcess {
  child: ChildProcess;
  /** The pid of the node process itself (taskset execs node, so the same pid). */
  pid: number;
  /** Whether it runs pinned to a core. */
  pinned: boolean;
  /** The tail of its stdout and stderr. */
  output(): string;
  /** Its heap, RSS and CPU time, asked over IPC (after a full GC when started with `exposeGc`, unless `gc` is false). */
  memory(options?: { gc?: boolean; timeoutMs?: number }): Promise<HubMemoryReport>;
  /** Resolves with the exit code once it has exited. */
  exited(): Promise<number | null>;
  /** SIGTERM (a clean `vmsc start` shutdown), then the exit code. */
  stop(): Promise<number | null>;
}

let taskset: boolean | undefined;
/** Whether `taskset` (util-linux) is on this machine. */
export function canPin(): boolean {
  taskset ??= spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return taskset;
}

/** Resolves with `child`'s exit code once it has exited (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );
}

/** Starts the hub in `args.dir` (its `vmsc.config.json`). Kill it with `child.kill` or {@link HubProcess.stop}. */
export function spawnHub(args: HubProcessArgs, options: SpawnHubOptions = {}): HubProcess {
  const nodeArgs = [...(options.exposeGc ? ['--expose-gc'] : []), ...(options.nodeArgs ?? []), '--import', 'tsx', hubScript, JSON.stringify(args)];
  const pinned = options.core !== undefined && canPin();
  const [command, commandArgs] = pinned
    ? ['taskset', ['-c', String(options.core), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child = spawn(command, commandArgs as string[], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > OUTPUT_KEPT * 2) output = output.slice(-OUTPUT_KEPT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = exitOf(child);
  return {
    child,
    pid: child.pid!,
    pinned,
    output: () => output,
    memory: ({ gc = true, timeoutMs = 10_000 } = {}) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`the hub did not report its memory within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (message: HubMemoryReport) => {
          if (message?.type !== 'memory') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory', gc });
      }),
    exited: () => exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
