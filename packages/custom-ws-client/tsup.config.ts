import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

/**
 * The browser build (`@vmsc/custom-ws-client/browser`): one ES module with every dependency
 * bundled (a plain `<script type="module">` cannot resolve bare imports), `isomorphic-ws` replaced
 * by the browser's global WebSocket, and no `ws` or Node builtin in the output. Also used by the
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
  esbuildOptions(options) {
    options.alias = { 'isomorphic-ws': fileURLToPath(new URL('./src/browser-websocket.ts', import.meta.url)) };
    options.conditions = ['browser', 'import', 'default'];
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
]);
