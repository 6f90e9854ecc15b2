/**
 * Start-up costs: the cold import of `@vmsc/core` against importing zod alone, each in a fresh
 * Node process (spawned per run, interleaved, the import timed inside the process), and the size of
 * the browser build `@vmsc/custom-ws-client/browser` (bundled, minified, gzipped).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleForBrowser } from '../../packages/custom-ws-client/test/support/browser-bundle.js';
import { compareRuns, type RunTask, type Suite } from '../lib.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A task: a fresh `node` in `cwd` that times `await import(specifier)` and prints it (ms). */
function coldImport(name: string, specifier: string, cwd: string): RunTask {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  return {
    name,
    run: () =>
      new Promise((resolve, reject) => {
        execFile(process.execPath, ['--input-type=module', '-e', script], { cwd }, (error, stdout) => {
          if (error) reject(error);
          else resolve(Number(stdout) * 1e6);
        });
      }),
  };
}

const suite: Suite = async () => {
  // What users import is the built package: build core's dist first.
  execFileSync('pnpm', ['--filter', '@vmsc/core', 'build'], { cwd: root, stdio: 'ignore' });
  const tmp = mkdtempSync(join(tmpdir(), 'vmsc-bench-browser-'));
  let gzipped: number;
  try {
    gzipped = gzipSync(readFileSync(await bundleForBrowser(tmp)), { level: 9 }).length;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // `zod` resolved from core (its own dependency), `@vmsc/core` from a package that depends on it.
  const cold = await compareRuns({
    title: 'Cold start: import @vmsc/core in a fresh process',
    description:
      'Each run is a fresh `node` process timing `await import(...)` of the built package (Node resolves the bare specifier); interleaved; each round keeps the fastest of 3 runs per task.',
    baseline: coldImport("import('zod')", 'zod', join(root, 'packages/core')),
    candidates: [
      coldImport("import('@vmsc/core')", '@vmsc/core', join(root, 'packages/custom-ws-client')),
      coldImport("import('@vmsc/core/protocol')", '@vmsc/core/protocol', join(root, 'packages/custom-ws-client')),
    ],
    targets: [{ label: 'Cold start: @vmsc/core within 1.3x of zod alone', task: "import('@vmsc/core')", max: 1.3 }],
    minRounds: 11,
    notes: [
      'Reproduce: `pnpm bench startup` (builds core first). The size alone: `pnpm vitest run packages/custom-ws-client/test/browser-build.test.ts`, which fails above the budget.',
      `Browser build \`@vmsc/custom-ws-client/browser\` (src/browser.ts bundled with the package's browser build options, minified ESM, gzip -9): **${gzipped.toLocaleString('en-US')} B** gzipped, budget 30 KB (30,720 B; checked by packages/custom-ws-client/test/browser-build.test.ts).`,
    ],
  });
  return [cold];
};

export default suite;
