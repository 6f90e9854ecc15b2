import { VmscError } from '@vmsc/core';
import { describe, expect, it } from 'vitest';
import { DemoDependencyMissingError, loadTesting } from '../src/demo/load-testing.js';

describe('loadTesting (vmsc demo loads the fakes lazily)', () => {
  it('loads @vmsc/testing when it is installed', async () => {
    const testing = await loadTesting();
    expect(typeof testing.startAllFakes).toBe('function');
  });

  it('a missing package is a DemoDependencyMissingError that says how to install it', async () => {
    const error = await loadTesting('@vmsc/not-installed-package').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DemoDependencyMissingError);
    expect(error).toBeInstanceOf(VmscError);
    expect((error as DemoDependencyMissingError).code).toBe('DEMO_DEPENDENCY_MISSING');
    expect((error as Error).message).toContain('npm install @vmsc/testing');
  });
});
