// Writes the package.json, tsconfig.json and tsup.config.ts of a new workspace package.
// Usage: node scripts/new-package.mjs <dir-name> "<description>" [dep@range ...] [--dev dep@range ...]
import { copyFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, description, ...rest] = process.argv.slice(2);
if (!dir || !description) {
  console.error('usage: node scripts/new-package.mjs <dir> "<description>" [deps...] [--dev devDeps...]');
  process.exit(2);
}
const deps = {};
const devDeps = {};
let target = deps;
for (const arg of rest) {
  if (arg === '--dev') {
    target = devDeps;
    continue;
  }
  const at = arg.lastIndexOf('@');
  target[arg.slice(0, at)] = arg.slice(at + 1);
}
const root = join('packages', dir);
if (existsSync(join(root, 'package.json'))) {
  console.error(`${root}/package.json exists already`);
  process.exit(1);
}
mkdirSync(join(root, 'src'), { recursive: true });
mkdirSync(join(root, 'test'), { recursive: true });
const pkg = {
  name: `@vmsc/${dir}`,
  version: '0.1.0',
  description,
  license: 'MIT',
  keywords: ['vmsc', 'livestream', 'streaming', 'stream-automation', 'typescript'],
  homepage: `https://github.com/vmsc/vmsc/tree/main/packages/${dir}#readme`,
  bugs: { url: 'https://github.com/vmsc/vmsc/issues' },
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.11' },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  files: ['dist', 'README.md', 'LICENSE'],
  scripts: { build: 'tsup' },
  repository: { type: 'git', url: 'git+https://github.com/vmsc/vmsc.git', directory: root },
  publishConfig: { access: 'public' },
  dependencies: deps,
  devDependencies: devDeps,
};
writeFileSync(join(root, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
copyFileSync('LICENSE', join(root, 'LICENSE'));
writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }, null, 2) + '\n');
writeFileSync(
  join(root, 'tsup.config.ts'),
  `import { defineConfig } from 'tsup';\n\nexport default defineConfig({\n  entry: ['src/index.ts'],\n  format: ['esm', 'cjs'],\n  dts: true,\n  clean: true,\n  sourcemap: true,\n  target: 'node20',\n});\n`,
);
console.log(`created ${root}`);
