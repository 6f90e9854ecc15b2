import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('@vmsc/testing stays an optional peer of the hub', () => {
  it('no source file of the CLI imports a value from @vmsc/testing (only load-testing.ts, by dynamic import())', () => {
    const offenders = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const staticImports = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'@vmsc\/testing(?:\/[^']*)?'/gm)];
      return staticImports.map((match) => `${file.slice(SRC.length + 1)}: ${match[0].replace(/\s+/g, ' ')}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the package declares @vmsc/testing as an optional peer, not a dependency', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    expect(pkg.dependencies['@vmsc/testing']).toBeUndefined();
    expect(pkg.peerDependencies?.['@vmsc/testing']).toBeDefined();
    expect(pkg.peerDependenciesMeta?.['@vmsc/testing']?.optional).toBe(true);
  });
});
