// Checks every publishable package the way npm users will meet it: publint (package.json and
// exports vs the files), @arethetypeswrong/cli with its default profile (types resolve under node10,
// node16 from ESM and CJS, and bundler; node10 sees subpaths through `typesVersions`), and the
// package's metadata: homepage, bugs and keywords set, LICENSE listed in `files` and identical to the
// root LICENSE, no README link that leaves the package (it would be dead on the npm page).
// Run after `pnpm build`. Exits non-zero if any package fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const failures = [];
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');

/** What is wrong with the package's metadata, LICENSE and README links (empty when nothing). */
function metadataProblems(cwd, pkg) {
  const problems = [];
  for (const field of ['homepage', 'bugs', 'keywords', 'license', 'repository'])
    if (pkg[field] === undefined || pkg[field].length === 0) problems.push(`package.json has no "${field}"`);
  if (!pkg.files?.includes('LICENSE')) problems.push('"files" does not list LICENSE');
  const license = join(cwd, 'LICENSE');
  if (!existsSync(license) || readFileSync(license, 'utf8') !== rootLicense) problems.push('LICENSE differs from the root LICENSE');
  const readme = existsSync(join(cwd, 'README.md')) ? readFileSync(join(cwd, 'README.md'), 'utf8') : '';
  for (const [, target] of readme.matchAll(/\]\(([^)\s]+)/g))
    if (target.startsWith('..') || target.startsWith('/')) problems.push(`README.md links outside the package: ${target}`);
  return problems;
}
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const cwd = join(root, 'packages', dir);
  if (!existsSync(join(cwd, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const problems = metadataProblems(cwd, pkg);
  if (problems.length === 0) console.log(`ok   metadata ${pkg.name}`);
  else {
    failures.push(`metadata ${pkg.name}`);
    console.log(`FAIL metadata ${pkg.name}\n  ${problems.join('\n  ')}`);
  }
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--format', 'table-flipped']],
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
