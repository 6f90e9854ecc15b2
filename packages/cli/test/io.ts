import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A temporary hub folder: `rules.json` with `rules`, and `vmsc.config.json` (journal off) with `config`. */
export async function hubDir(config: object, rules: unknown[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vmsc-hub-'));
  await writeFile(join(dir, 'rules.json'), JSON.stringify(rules));
  await writeFile(join(dir, 'vmsc.config.json'), JSON.stringify({ rules: 'rules.json', journal: { enabled: false }, ...config }));
  return dir;
}
