import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'protocol/index': 'src/protocol/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // eventemitter3 (MIT) is CommonJS: importing it from ESM goes through Node's CJS loader, a few ms
  // of every cold start. Bundled, it is plain code in the chunk; the package keeps it as a dependency
  // for the types (the .d.ts files import it).
  noExternal: ['eventemitter3'],
});
