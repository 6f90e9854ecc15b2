import type { CommandIo } from '../src/commands/io.js';

/** A CommandIo that records what a command writes. */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CommandIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    env,
    stdout: { isTTY: false, write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
