/**
 * Starts `vmsc start` as its own process (bench/hub/hub-process.ts), optionally pinned to one core
 * with `taskset -c <core>` (util-linux): the crash soak and `pnpm bench:ceiling` run the hub through it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, BUILT_PACKAGES_ENV } from '../built.js';
import type { HubMemoryReport, HubProcessArgs } from './hub-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hubScript = fileURLToPath(new URL('./hub-process.ts', import.meta.url));
/** How much of the hub's terminal output {@link HubProcess.output} reads (the tail, for error messages and start lines). */
const OUTPUT_READ = 256 * 1024;
/** The file in the hub's directory its stdout and stderr go to. */
export const HUB_OUTPUT_FILE = 'hub-output.log';

/** Options of {@link spawnHub}. */
export interface SpawnHubOptions {
  /** Environment variables besides the parent's (the config's `...Env` names). */
  env?: Record<string, string>;
  /** Pin the process to this core (`taskset -c`); ignored where taskset is missing (see {@link canPin}). */
  core?: number;
  /** Run at this niceness (`nice -n`; negative needs the privilege, see {@link canNice}): other work on the machine yields to it. */
  nice?: number;
  /** Run node with --expose-gc, so that {@link HubProcess.memory} measures after a full GC. */
  exposeGc?: boolean;
  /** More node flags (e.g. `--cpu-prof --cpu-prof-dir=...`, which NODE_OPTIONS does not take). */
  nodeArgs?: readonly string[];
}

/** A running hub process. */
export interface HubProcess {
  child: ChildProcess;
  /** The pid of the node process itself (nice and taskset exec node, so the same pid). */
  pid: number;
  /** Whether it runs pinned to a core. */
  pinned: boolean;
  /**
   * The tail of its stdout and stderr. They go to a file in its directory ({@link HUB_OUTPUT_FILE}),
   * not to a pipe: node writes to pipes synchronously, so a reader that falls behind (this process,
   * busy feeding) would stall the hub, which prints a line per rule run.
   */
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

const niceOk = new Map<number, boolean>();
/** Whether this process may start processes at niceness `nice` (a negative one needs CAP_SYS_NICE). */
export function canNice(nice: number): boolean {
  if (!niceOk.has(nice)) niceOk.set(nice, spawnSync('nice', ['-n', String(nice), 'true']).status === 0);
  return niceOk.get(nice)!;
}

/**
 * The command that runs node with `nodeArgs` pinned to `core` (where taskset exists) at niceness
 * `nice` (where allowed): `[command, args, pinned]`.
 */
export function nodeCommand(nodeArgs: readonly string[], options: { core?: number; nice?: number } = {}): [string, string[], boolean] {
  let argv = [process.execPath, ...nodeArgs];
  const pinned = options.core !== undefined && canPin();
  if (pinned) argv = ['taskset', '-c', String(options.core), ...argv];
  if (options.nice !== undefined && options.nice !== 0 && canNice(options.nice)) argv = ['nice', '-n', String(options.nice), ...argv];
  return [argv[0]!, argv.slice(1), pinned];
}

/** The last `bytes` of a file, as text ('' when it cannot be read). */
function readTail(file: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Resolves with `child`'s exit code once it has exited (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );
}

/** Starts the hub in `args.dir` (its `vmsc.config.json`). Kill it with `child.kill` or {@link HubProcess.stop}. */
export function spawnHub(args: HubProcessArgs, options: SpawnHubOptions = {}): HubProcess {
  assertBuilt();
  const outputFile = join(args.dir, HUB_OUTPUT_FILE);
  const outputFd = openSync(outputFile, 'a');
  const nodeArgs = [
    ...(options.exposeGc ? ['--expose-gc'] : []),
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    hubScript,
    JSON.stringify(args),
  ];
  const [command, commandArgs, pinned] = nodeCommand(nodeArgs, {
    ...(options.core !== undefined ? { core: options.core } : {}),
    ...(options.nice !== undefined ? { nice: options.nice } : {}),
  });
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { ...process.env, ...BUILT_PACKAGES_ENV, ...options.env },
    stdio: ['ignore', outputFd, outputFd, 'ipc'],
  });
  closeSync(outputFd); // the child has its own copy
  const exited = exitOf(child);
  return {
    child,
    pid: child.pid!,
    pinned,
    output: () => readTail(outputFile, OUTPUT_READ),
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
