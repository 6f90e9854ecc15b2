/**
 * Test support: bundles an entry with the package's own browser build options (tsup.config.ts:
 * zod/mini, jsonpath-plus without its script evaluator, the browser WebSocket), from the sources,
 * minified ESM, into `outDir`. Returns the path of the bundle.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { browserBuild } from '../../tsup.config.js';

/** The browser entry of the package. */
export const BROWSER_ENTRY = fileURLToPath(new URL('../../src/browser.ts', import.meta.url));

/** Bundles `entry` (default: the browser entry) as `<outDir>/<name>.js`; returns that path. */
export async function bundleForBrowser(outDir: string, entry = BROWSER_ENTRY, name = 'browser'): Promise<string> {
  await build({
    ...browserBuild,
    entry: { [name]: entry },
    format: ['esm'],
    outDir,
    dts: false,
    clean: false,
    silent: true,
    config: false,
  });
  return join(outDir, `${name}.js`);
}
