/** Starts and drives the subscribers process (bench/ceiling/subscribers-process.ts) from the bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILT_PACKAGES_ENV } from '../built.js';
import { exitOf, nodeCommand } from '../hub/spawn-hub.js';
import type { ReportMessage, SubscribersArgs } from './subscriber-ipc.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = fileURLToPath(new URL('./subscribers-process.ts', import.meta.url));

/** The running subscribers. */
export interface Subscribers {
  child: ChildProcess;
  /** Record the events numbered `from` to `to - 1` (each subscriber forgets the window before). */
  measure(from: number, to: number): void;
  report(timeoutMs?: number): Promise<ReportMessage>;
  /** Disconnects every subscriber and waits for the process to exit. */
  stop(): Promise<void>;
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type'], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`the subscribers sent no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: T) => {
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}

/** Starts the subscribers (pinned to `core` where taskset exists, at niceness `nice` where allowed) and resolves once every one is subscribed. */
export async function startSubscribers(args: SubscribersArgs, options: { core?: number; nice?: number } = {}): Promise<Subscribers> {
  const [command, commandArgs] = nodeCommand(['--import', 'tsx', script, JSON.stringify(args)], options);
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { ...process.env, ...BUILT_PACKAGES_ENV },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = exitOf(child);
  try {
    await nextMessage(child, 'ready', 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    measure: (from, to) => child.send({ type: 'measure', from, to }),
    report: (timeoutMs = 10_000) => {
      const answer = nextMessage<ReportMessage>(child, 'report', timeoutMs);
      child.send({ type: 'report' });
      return answer;
    },
    stop: async () => {
      if (child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
