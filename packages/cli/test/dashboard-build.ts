/**
 * Test support: builds the dashboard page (`dist/dashboard/`) with the package's own build options,
 * so the tests serve what ships, built from the current sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'tsup';
import { dashboardBuild } from '../tsup.config.js';
import { dashboardDir } from '../src/dashboard/assets.js';

let built: Promise<string> | undefined;

/** Builds the page once per test file; resolves with its folder. */
export function buildDashboard(): Promise<string> {
  built ??= build({ ...dashboardBuild, silent: true, config: false }).then(() => {
    const dir = dashboardDir();
    if (!dir) throw new Error('the dashboard build left no dist/dashboard');
    return dir;
  });
  return built;
}

/** Every file of the built page with its gzipped size, bytes. */
export function gzippedSizes(dir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(dir)) sizes[name] = gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
  return sizes;
}
