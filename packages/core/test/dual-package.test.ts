import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const script = new URL('./dual-package/cross-copy.mjs', import.meta.url);

describe('dual-package hazard: an ESM and a CJS copy of @vmsc/core in one process', () => {
  it('errors, secrets, backoffs, the bus, a connector and the rule engine work across the two copies', async () => {
    for (const file of ['index.js', 'index.cjs']) {
      if (!existsSync(new URL(file, dist))) {
        throw new Error(`packages/core/dist/${file} is missing: run \`pnpm build\` (or \`pnpm --filter @vmsc/core build\`) first`);
      }
    }
    const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(script), dist.href]);
    const results = JSON.parse(stdout) as Record<string, boolean>;
    expect(Object.keys(results).length).toBeGreaterThan(40);
    expect(Object.entries(results).filter(([, ok]) => !ok)).toEqual([]);
  });
});
