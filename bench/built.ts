/**
 * The benches run the built packages (`dist`, what a user installs), through bench/tsconfig.json.
 * {@link assertBuilt} stops a bench whose build is missing or older than the sources, and
 * {@link BUILT_PACKAGES_ENV} gives a child process started with `node --import tsx` the same resolution.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const packagesDir = join(root, 'packages');

/** The environment that makes tsx resolve @vmsc/* to the built packages (bench/tsconfig.json). */
export const BUILT_PACKAGES_ENV: Readonly<Record<string, string>> = { TSX_TSCONFIG_PATH: join(root, 'bench', 'tsconfig.json') };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The packages whose `dist/index.js` is missing or older than a file of their `src/`, with why. */
export function staleBuilds(): string[] {
  const stale: string[] = [];
  for (const name of readdirSync(packagesDir)) {
    const src = join(packagesDir, name, 'src');
    if (!existsSync(src)) continue;
    const built = join(packagesDir, name, 'dist', 'index.js');
    if (!existsSync(built)) stale.push(`${name} (not built)`);
    else if (statSync(built).mtimeMs < newestMtime(src)) stale.push(`${name} (its build is older than its sources)`);
  }
  return stale;
}

/** Throws when a package's build is missing or stale: the benches would measure old code. */
export function assertBuilt(): void {
  const stale = staleBuilds();
  if (stale.length > 0) {
    throw new Error(`the benches run the built packages; run \`pnpm build\` first: ${stale.join(', ')}`);
  }
}

/** Throws unless `resolved` (what `import.meta.resolve('@vmsc/core')` gave) is a built package. */
export function assertResolvesBuilt(resolved: string): void {
  if (!resolved.includes('/dist/')) {
    throw new Error(
      `@vmsc/core resolved to ${resolved}: run the benches with their tsconfig (\`pnpm bench\`, or \`tsx --tsconfig bench/tsconfig.json\`), so that they measure the built packages`,
    );
  }
}
