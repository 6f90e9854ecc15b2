/**
 * Test support for the browser build in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): bundles `src/browser.ts` with the package's own browser build options, and
 * launches a throw-away Chromium profile. Used by this package's browser test and by the overlay
 * example's end-to-end test.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'tsup';
import { browserBuild } from '../../tsup.config.js';

/** Where the tests expect Debian's Chromium (`.ci/run` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Bundles the browser entry from the sources into `outDir`; returns the path of `browser.js`. */
export async function bundleBrowserClient(outDir: string): Promise<string> {
  await build({
    ...browserBuild,
    entry: { browser: fileURLToPath(new URL('../../src/browser.ts', import.meta.url)) },
    format: ['esm'],
    outDir,
    dts: false,
    clean: false,
    silent: true,
    config: false,
  });
  return join(outDir, 'browser.js');
}

/** Launches headless Chromium with a fresh profile in `profileDir`. */
export function launchChromium(profileDir: string, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(viewport ? { viewport } : {}),
  });
}
