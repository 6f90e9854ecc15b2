import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built dashboard page is: `dist/dashboard/` of `@vmsc/cli` (next to the bundled code in
 * the package, `../../dist/dashboard/` from the sources in a checkout after `pnpm run build`).
 *
 * @packageDocumentation
 */

/** The URL path the hub serves the dashboard at. */
export const DASHBOARD_PATH = '/dashboard/';

function moduleDir(): string {
  // ESM has import.meta.url; the CJS build has __dirname (tsup leaves import.meta empty there).
  const url = typeof import.meta !== 'undefined' ? (import.meta as { url?: string }).url : undefined;
  if (url) return dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/** The folder of the built dashboard, or `undefined` when it was not built. */
export function dashboardDir(): string | undefined {
  const here = moduleDir();
  const candidates = [join(here, 'dashboard'), join(here, '..', '..', 'dist', 'dashboard'), join(here, '..', 'dist', 'dashboard')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'dashboard.js')));
}

/** Whether `host` (a bind address) is this machine only: the dashboard is served there by default. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
