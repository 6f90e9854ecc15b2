/**
 * `examples/demo.ts` stays as the bus-only example (no connectors, no hub: a bus, typed handlers and
 * rules fed with sample events); this runs it as a user would and checks what it prints.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('examples/demo.ts runs to the end: the gift streak rule fires once and every platform is fed', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  expect(stdout).toContain('"Thank gift streaks" fired 1 time(s)');
  expect(stdout).toMatch(/events from 7 platforms/);
}, 40_000);
