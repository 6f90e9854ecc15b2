// Meets the packages exactly as npm users will: `pnpm pack` every publishable package, install the
// tarballs with npm into fresh projects outside the workspace, then
//  1. type-check a consumer that imports every entry point of every package with the repo's tsc,
//     `strict` and `skipLibCheck: false`, under node16 (an ESM .mts and a CJS .cts consumer) and
//     bundler resolution (node10 is left to attw in lint-packages: fast-check's own declarations do
//     not resolve under node10, which no supported Node uses); it also asserts that types a declaration takes from a
//     dependency (ws's WebSocket, ...) did not silently become `any`;
//  2. check that every tarball ships LICENSE;
//  3. install @vmsc/cli without @vmsc/testing (the hub's install) and check that it loads (ESM and
//     CJS) and that `vmsc demo` says how to install the fakes, then run `vmsc demo --once` where
//     @vmsc/testing is installed. Prints the hub's install size.
// publint and attw do not catch a declaration importing a package whose types are not installed.
// Run after `pnpm build`; needs the npm registry for third-party dependencies (cached: --prefer-offline).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const rootVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const failures = [];
const check = (ok, label, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) failures.push(`${label}${detail ? `\n${detail.split('\n').slice(0, 40).join('\n')}` : ''}`);
};
const run = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000 });
const npmInstall = (cwd, specs) =>
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
    cwd,
    stdio: 'pipe',
    encoding: 'utf8',
  });

/** Probes that a type taken from a dependency did not silently become `any`, per package. */
const PROBES = {
  '@vmsc/core': ["import type { StreamEvent } from '@vmsc/core';", 'export const streamEventIsAny: IsAny<StreamEvent> = false;'],
  '@vmsc/testing': [
    "import type { LoopbackWsServer } from '@vmsc/testing';",
    "export const wsServerIsAny: IsAny<LoopbackWsServer['wss']> = false;",
  ],
  '@vmsc/obs': [
    "import type { ObsController } from '@vmsc/obs';",
    "export const obsStoppedIsAny: IsAny<Awaited<ReturnType<ObsController['stopRecording']>>> = false;",
  ],
  '@vmsc/nats': [
    "import type { NatsBridgeOptions } from '@vmsc/nats';",
    "export const natsConnectionIsAny: IsAny<NonNullable<NatsBridgeOptions['connection']>> = false;",
  ],
  '@vmsc/connector-heartrate': [
    "import { PulsoidConnector } from '@vmsc/connector-heartrate';",
    'export class HeartrateProbe extends PulsoidConnector {',
    '  socketIsAny(): IsAny<Exclude<typeof this.socket, undefined>> {',
    '    return false;',
    '  }',
    '}',
  ],
};
const base = { strict: true, skipLibCheck: false, esModuleInterop: true, noEmit: true, target: 'es2022', types: ['node'] };
const configs = {
  node16: { module: 'node16', moduleResolution: 'node16', files: ['consumer.mts', 'consumer.cts'] },
  bundler: { module: 'esnext', moduleResolution: 'bundler', files: ['consumer.ts'] },
};

/** Writes a consumer of every entry point of `pkgs` into `dir` (installed there) and type-checks it. */
function typecheck(dir, pkgs, label) {
  const specifiers = pkgs.flatMap((p) => p.specifiers);
  const source = [
    ...specifiers.map((spec, i) => `import * as entry${i} from '${spec}';`),
    '/** true when T is `any` (a type whose declaration did not resolve). */',
    'type IsAny<T> = 0 extends 1 & T ? true : false;',
    ...pkgs.flatMap((p) => PROBES[p.name] ?? []),
    `export const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];`,
    '',
  ].join('\n');
  for (const file of ['consumer.mts', 'consumer.cts', 'consumer.ts']) writeFileSync(join(dir, file), source);
  for (const [name, { files, ...options }] of Object.entries(configs)) {
    const config = join(dir, `tsconfig.${name}.json`);
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...base, ...options }, files }));
    const result = run(tsc, ['-p', config], dir);
    check(result.status === 0, `tsc (strict, skipLibCheck false, ${name}): ${label}`, result.stdout + result.stderr);
  }
}

const work = mkdtempSync(join(tmpdir(), 'vmsc-tarballs-'));
try {
  // --- pack ---------------------------------------------------------------------------------
  const packDir = join(work, 'tarballs');
  const packages = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const cwd = join(root, 'packages', dir);
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    if (pkg.private) continue;
    execFileSync('pnpm', ['pack', '--pack-destination', packDir], { cwd, stdio: 'pipe' });
    const tarball = join(packDir, `${pkg.name.slice(1).replace('/', '-')}-${pkg.version}.tgz`);
    const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    check(entries.includes('package/LICENSE'), `${pkg.name}: tarball contains LICENSE`);
    // JSON data files (`@vmsc/cli/vmsc.config.schema.json`) are not modules: step 3 checks they resolve.
    const subpaths = Object.keys(pkg.exports ?? { '.': null }).filter((key) => !key.endsWith('.json'));
    packages.push({ name: pkg.name, tarball, specifiers: subpaths.map((key) => pkg.name + key.slice(1)) });
  }

  // --- 1. a strict consumer of every entry point ---------------------------------------------
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'vmsc-consumer', private: true, type: 'module' }));
  // vitest: the optional peer of @vmsc/testing/contract; @types/node: the consumer's own runtime.
  npmInstall(consumer, [...packages.map((p) => p.tarball), `@types/node@${rootVersion('@types/node')}`, `vitest@${rootVersion('vitest')}`]);
  typecheck(consumer, packages, 'every package');
  const demo = run(join(consumer, 'node_modules', '.bin', 'vmsc'), ['demo', '--once', '--port', '0'], consumer);
  check(demo.status === 0, 'vmsc demo --once runs from the installed packages', demo.stdout + demo.stderr);

  // --- 3. the hub without the fakes -----------------------------------------------------------
  const hub = join(work, 'hub');
  mkdirSync(hub);
  writeFileSync(join(hub, 'package.json'), JSON.stringify({ name: 'vmsc-hub', private: true }));
  npmInstall(
    hub,
    packages.filter((p) => p.name !== '@vmsc/testing').map((p) => p.tarball),
  );
  const installed = run('npm', ['ls', '--all', '--parseable'], hub).stdout.trim().split('\n').length - 1;
  const size = run('du', ['-sh', 'node_modules'], hub).stdout.split('\t')[0];
  console.log(`info @vmsc/cli installs ${installed} packages, ${size} (without the optional @vmsc/testing)`);
  check(!readdirSync(join(hub, 'node_modules', '@vmsc')).includes('testing'), '@vmsc/cli does not pull @vmsc/testing');
  // Here no @vmsc/testing brings @types/ws along (socket.io does): each package must declare its own.
  npmInstall(hub, [`@types/node@${rootVersion('@types/node')}`]);
  typecheck(
    hub,
    packages.filter((p) => p.name !== '@vmsc/testing'),
    'every package but @vmsc/testing',
  );
  for (const [label, code] of [
    ['ESM', "import('@vmsc/cli').then((m) => { if (typeof m.runCli !== 'function') process.exit(3); })"],
    ['CJS', "if (typeof require('@vmsc/cli').runCli !== 'function') process.exit(3);"],
  ]) {
    const loaded = run('node', ['-e', code], hub);
    check(loaded.status === 0, `@vmsc/cli loads (${label}) without @vmsc/testing`, loaded.stderr);
  }
  const schema = run(
    'node',
    [
      '-e',
      "const s = require(require.resolve('@vmsc/cli/vmsc.config.schema.json')); if (s.type !== 'object' || !s.properties.connectors) process.exit(3);",
    ],
    hub,
  );
  check(schema.status === 0, '@vmsc/cli ships vmsc.config.schema.json (resolves through its exports)', schema.stderr);
  const missing = run(join(hub, 'node_modules', '.bin', 'vmsc'), ['demo', '--once', '--port', '0'], hub);
  check(
    missing.status === 2 && missing.stderr.includes('npm install @vmsc/testing'),
    'vmsc demo without @vmsc/testing says how to install it',
    `exit ${missing.status}\n${missing.stdout}${missing.stderr}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\n${failures.length} tarball check(s) failed:\n${failures.join('\n')}`);
  process.exit(1);
}
