import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

const packages = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dashboard page (`dist/dashboard/`): one ES module with preact and the custom-WS browser
 * client bundled from their sources (so only what the page uses is kept), its CSS and index.html.
 * The hub serves the folder at `/dashboard/`; test/dashboard-size.test.ts keeps it under 100 KB gzipped.
 */
export const dashboardBuild: Options = {
  entry: { dashboard: `${cli}src/dashboard/page/main.tsx` },
  outDir: `${cli}dist/dashboard`,
  format: ['esm'],
  platform: 'browser',
  target: 'es2022',
  noExternal: [/.*/],
  treeshake: true,
  minify: true,
  sourcemap: false,
  dts: false,
  esbuildOptions(options) {
    options.jsx = 'automatic';
    options.jsxImportSource = 'preact';
    options.conditions = ['browser', 'import', 'default'];
    options.alias = { 'isomorphic-ws': `${packages}custom-ws-client/src/browser-websocket.ts` };
  },
  esbuildPlugins: [
    {
      // The workspace packages from their sources: module-level tree shaking keeps only what the page uses.
      name: 'vmsc-sources',
      setup(build) {
        build.onResolve({ filter: /^@vmsc\/(core|custom-ws-client)(\/[a-z-]+)?$/ }, (args) => {
          const [, name, sub] = /^@vmsc\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(args.path)!;
          const path = sub?.startsWith('browser')
            ? `${packages}${name}/src/${sub}.ts`
            : `${packages}${name}/src/${sub ? `${sub}/index.ts` : 'index.ts'}`;
          return { path };
        });
      },
    },
  ],
  async onSuccess() {
    await copyFile(`${cli}src/dashboard/page/index.html`, `${cli}dist/dashboard/index.html`);
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  dashboardBuild,
]);
