import { VmscError } from '@vmsc/core';

/** The part of `@vmsc/testing` that `vmsc demo` uses. */
export type DemoTesting = Pick<typeof import('@vmsc/testing'), 'startAllFakes'>;

/**
 * `vmsc demo` ran without `@vmsc/testing` installed. The hub does not depend on the fakes (they
 * are test code: `vmsc start` never loads them); the demo needs them as an optional peer.
 */
export class DemoDependencyMissingError extends VmscError {
  constructor(options?: { cause?: unknown }) {
    super(
      'DEMO_DEPENDENCY_MISSING',
      'vmsc demo needs @vmsc/testing (the platform fakes), which is not installed: npm install @vmsc/testing',
      options,
    );
  }
}

/** Whether `error` says that the module `name` itself (not one of its imports) could not be found. */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String(message).includes(`'${name}'`);
}

/**
 * Loads `@vmsc/testing` on demand, only for `vmsc demo`, by a dynamic `import()` (so the hub's
 * bundle has no static edge to it). `specifier` is for tests only. Throws
 * {@link DemoDependencyMissingError} when the package is not installed.
 */
export async function loadTesting(specifier = '@vmsc/testing'): Promise<DemoTesting> {
  try {
    return (await import(specifier)) as DemoTesting;
  } catch (error) {
    if (isMissing(error, specifier)) throw new DemoDependencyMissingError({ cause: error });
    throw error;
  }
}
