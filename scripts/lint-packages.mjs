// Checks every publishable package the way npm users will meet it: publint (package.json and
// exports vs the files) and @arethetypeswrong/cli (types resolve for ESM and CJS consumers).
// Profile node16: Node 16+ (ESM and CJS) and bundlers; the old node10 resolution cannot see subpath
// exports and no supported Node uses it. Run after `pnpm build`. Exits non-zero if any package fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const failures = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const cwd = join(root, 'packages', dir);
  if (!existsSync(join(cwd, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--format', 'table-flipped', '--profile', 'node16']],
  ]) {
    try {
      execFileSync(bin(tool), args, { cwd, stdio: 'pipe', encoding: 'utf8' });
      console.log(`ok   ${tool} ${pkg.name}`);
    } catch (error) {
      failures.push(`${tool} ${pkg.name}`);
      console.log(`FAIL ${tool} ${pkg.name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
if (failures.length > 0) {
  console.error(`\n${failures.length} package check(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
