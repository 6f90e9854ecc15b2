import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

const workspaceTsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const browserZod = fileURLToPath(new URL('./src/browser-zod.ts', import.meta.url));
const browserFastAccept = fileURLToPath(new URL('./src/browser-fast-accept.ts', import.meta.url));
const browserSafeScript = fileURLToPath(new URL('./src/browser-safe-script.ts', import.meta.url));
const jsonPathSource = join(dirname(createRequire(import.meta.url).resolve('jsonpath-plus/package.json')), 'src', 'jsonpath.js');

/**
 * What the browser build bundles instead (a plugin, not esbuild's alias, which would also rewrite
 * `zod/mini`):
 * - `zod` (exactly) → src/browser-zod.ts: core's schemas on zod/mini instead of zod classic.
 * - `jsonpath-plus` → its own ES source (`src/jsonpath.js`, shipped in the package), with its
 *   `./Safe-Script.js` → src/browser-safe-script.ts: no script evaluator (jsep) and no `vm` shim,
 *   which VMSC never uses (mappings refuse script expressions and evaluate with `eval: false`).
 * - core's per-frame fast accept (`events/fast-accept.ts`) → src/browser-fast-accept.ts: every
 *   event goes through its zod schema, which the fast accept only ever short-cuts (it answers
 *   "zod would accept this unchanged" or "ask zod"); the results are the same, a few µs slower per
 *   event, which an overlay does not notice.
 */
export const browserSubstitutes: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'vmsc-browser-substitutes',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: browserZod }));
    build.onResolve({ filter: /^jsonpath-plus$/ }, () => ({ path: jsonPathSource }));
    build.onResolve({ filter: /^\.\/fast-accept\.js$/ }, (args) =>
      args.importer.endsWith(join('core', 'src', 'events', 'validate.ts')) ? { path: browserFastAccept } : undefined,
    );
    build.onResolve({ filter: /^\.\/Safe-Script\.js$/ }, (args) =>
      args.importer === jsonPathSource ? { path: browserSafeScript } : undefined,
    );
  },
};

/**
 * The browser build (`@vmsc/custom-ws-client/browser`): one ES module with every dependency
 * bundled (a plain `<script type="module">` cannot resolve bare imports), `isomorphic-ws` replaced
 * by the browser's global WebSocket, zod classic by zod/mini and no script evaluator in
 * jsonpath-plus ({@link browserSubstitutes}; at most 30 KB gzipped, checked by
 * test/browser-build.test.ts), and no `ws` or Node builtin in the output. Also used by the
 * overlay's end-to-end test to bundle the sources.
 */
export const browserBuild: Options = {
  entry: { browser: 'src/browser.ts' },
  platform: 'browser',
  target: 'es2022',
  noExternal: [/.*/],
  treeshake: true,
  minify: true,
  sourcemap: true,
  esbuildPlugins: [browserSubstitutes],
  esbuildOptions(options) {
    options.alias = { 'isomorphic-ws': fileURLToPath(new URL('./src/browser-websocket.ts', import.meta.url)) };
    options.conditions = ['browser', 'import', 'default'];
    // @vmsc/core from its sources (the workspace paths), module by module, so that only what the
    // browser entry uses is bundled (core's dist is one file whose every schema would be kept).
    options.tsconfig = workspaceTsconfig;
  },
};

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    ...browserBuild,
    // CJS too, so `require('@vmsc/custom-ws-client/browser')` in a bundler resolves (attw checks it).
    format: ['esm', 'cjs'],
    dts: { entry: { browser: 'src/browser.ts' }, resolve: false },
  },
  {
    // The same build with the admin client (the dashboard), a separate file so /browser stays small.
    ...browserBuild,
    entry: { 'browser-admin': 'src/browser-admin.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { 'browser-admin': 'src/browser-admin.ts' }, resolve: false },
  },
]);
