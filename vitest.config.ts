import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // Tests run against the sources, not the built dist (the build is checked by publint/attw).
      { find: /^@vmsc\/([^/]+)\/(.+)$/, replacement: `${packages}$1/src/$2/index.ts` },
      { find: /^@vmsc\/([^/]+)$/, replacement: `${packages}$1/src/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 15_000,
    pool: 'forks',
    typecheck: { enabled: false },
  },
});
