import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDashboard, gzippedSizes } from './dashboard-build.js';

describe('the dashboard page build', () => {
  it('is at most 100 KB gzipped, one self-contained ES module with its CSS and index.html', async () => {
    const dir = await buildDashboard();
    const sizes = gzippedSizes(dir);
    expect(Object.keys(sizes).sort()).toEqual(['dashboard.css', 'dashboard.js', 'index.html']);
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    console.log(`dashboard: ${JSON.stringify(sizes)} = ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    const code = readFileSync(join(dir, 'dashboard.js'), 'utf8');
    // No bare imports left (a browser cannot resolve them), no Node builtins, no ws.
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]!);
    expect(specifiers.filter((specifier) => /^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]*)?$/.test(specifier))).toEqual([]);
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    // The page never puts the token in a URL: the browser client sends it as a subprotocol.
    expect(code).toContain('vmsc.token.');
  }, 60_000);
});
