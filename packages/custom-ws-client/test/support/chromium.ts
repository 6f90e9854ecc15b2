/**
 * Test support for the browser build in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): bundles `src/browser.ts` with the package's own browser build options, and
 * launches a throw-away Chromium profile. Used by this package's browser test and by the overlay
 * example's end-to-end test.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { bundleForBrowser } from './browser-bundle.js';

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
export function bundleBrowserClient(outDir: string): Promise<string> {
  return bundleForBrowser(outDir);
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
