/**
 * One bench suite in a process of its own, so that no suite runs on a JIT warmed (or a heap filled)
 * by the suites before it: `node --import tsx --expose-gc bench/suite-process.ts <suite file> <out.json>`
 * runs the suite and writes its comparisons as JSON to `out.json`. {@link runSuiteInChild} starts it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILT_PACKAGES_ENV } from './built.js';
import type { Comparison, Suite } from './lib.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const self = fileURLToPath(import.meta.url);

/**
 * Runs the suite file `path` in a fresh Node process (the built packages, `--expose-gc`) and returns
 * its comparisons; `index` tells the process which of a suite's processes it is (the first profiles).
 */
export async function runSuiteInChild(path: string, index = 0): Promise<Comparison[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vmsc-bench-'));
  const out = join(dir, 'comparisons.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', self, path, out], {
        cwd: root,
        env: { ...process.env, ...BUILT_PACKAGES_ENV, BENCH_PROCESS_INDEX: String(index) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`bench suite ${path} exited with code ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as Comparison[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === self) {
  const [path, out] = process.argv.slice(2);
  if (!path || !out) throw new Error('usage: bench/suite-process.ts <suite file> <out.json>');
  const suite = (await import(pathToFileURL(path).href)) as { default: Suite };
  writeFileSync(out, JSON.stringify(await suite.default()));
  // Baselines may leave timers behind (twurple keeps one 10-minute timer per message id it saw): don't wait for them.
  process.exit(0);
}
