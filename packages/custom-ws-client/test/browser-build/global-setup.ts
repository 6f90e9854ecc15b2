/**
 * Global setup of the vitest project `browser-build` (vitest.config.ts): bundles the browser entry
 * with the package's browser build options into the directory the project's alias points at, so
 * the client behaviour tests run against the bundle instead of the sources; removes it afterwards.
 */
import { rmSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import { bundleForBrowser } from '../support/browser-bundle.js';

export default async function setup(): Promise<() => void> {
  const bundle = process.env.VMSC_BROWSER_BUNDLE;
  if (!bundle) throw new Error('VMSC_BROWSER_BUNDLE is not set (see vitest.config.ts)');
  const built = await bundleForBrowser(dirname(bundle), undefined, basename(bundle, '.js'));
  if (built !== bundle) throw new Error(`bundled to ${built}, expected ${bundle}`);
  return () => rmSync(dirname(bundle), { recursive: true, force: true });
}
