import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

const alias = [
  // Tests run against the sources, not the built dist (the build is checked by publint/attw).
  { find: /^@vmsc\/([^/]+)\/(.+)$/, replacement: `${packages}$1/src/$2/index.ts` },
  { find: /^@vmsc\/([^/]+)$/, replacement: `${packages}$1/src/index.ts` },
];

const shared = {
  testTimeout: 15_000,
  hookTimeout: 15_000,
  pool: 'forks' as const,
  typecheck: { enabled: false },
};

/**
 * Where the project `browser-build` bundles `@vmsc/custom-ws-client/browser` (its global setup
 * builds it there; the alias below sends the client tests' `../src/index.js` to it).
 */
const browserBundle = join(tmpdir(), `vmsc-browser-build-${process.pid}`, 'browser.js');
process.env.VMSC_BROWSER_BUNDLE = browserBundle;

export default defineConfig({
  resolve: { alias },
  test: {
    ...shared,
    projects: [
      {
        resolve: { alias },
        test: {
          ...shared,
          name: 'sources',
          include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        // The client behaviour tests again, against the browser bundle (zod/mini, jsonpath-plus
        // without its script evaluator): same frames, same events, same errors.
        resolve: { alias: [{ find: /^\.\.\/src\/index\.js$/, replacement: browserBundle }, ...alias] },
        test: {
          ...shared,
          name: 'browser-build',
          include: ['packages/custom-ws-client/test/{vmsc-mirror,custom-ws-client,multistreamer,mapping,properties,contract}.test.ts'],
          globalSetup: ['packages/custom-ws-client/test/browser-build/global-setup.ts'],
          setupFiles: ['packages/custom-ws-client/test/browser-build/setup.ts'],
        },
      },
    ],
  },
});
