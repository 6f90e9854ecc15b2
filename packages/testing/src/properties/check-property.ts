import fc from 'fast-check';

/** Options of {@link checkProperty} and {@link checkAsyncProperty}. */
export interface CheckPropertyOptions {
  /** How many generated inputs to try (default 500; keep whole suites small). */
  numRuns?: number;
  /** Seed of the generator (default: `VMSC_PROPERTY_SEED` from the environment, else a fixed seed). */
  seed?: number;
  /** Where the summary line goes (default `console.log`, i.e. the test runner's stdout). */
  log?: (line: string) => void;
}

/** The fixed seed used when neither the options nor `VMSC_PROPERTY_SEED` give one: runs are reproducible. */
export const DEFAULT_PROPERTY_SEED = 0x5eed_2024;

const DEFAULT_RUNS = 500;

function resolveSeed(options: CheckPropertyOptions | undefined): number {
  if (options?.seed !== undefined) return options.seed;
  const fromEnv = Number(process.env['VMSC_PROPERTY_SEED']);
  return Number.isInteger(fromEnv) && process.env['VMSC_PROPERTY_SEED'] !== '' ? fromEnv : DEFAULT_PROPERTY_SEED;
}

function summary(name: string, inputs: number, failures: number): string {
  return `property ${name}: ${inputs} inputs, ${failures} failure${failures === 1 ? '' : 's'}`;
}

/**
 * Runs a fast-check property with a fixed number of runs and a reproducible seed, and prints
 * `property <name>: <n> inputs, 0 failures` so the suite's output records how many inputs were tried.
 * A failing input is re-thrown as fast-check reports it (shrunk counterexample, seed and path), after
 * printing the summary with the failure count.
 *
 * The predicate fails by throwing (e.g. an `expect(...)`) or returning `false`.
 *
 * @returns how many inputs the predicate was called with (including shrinking after a failure).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { checkProperty } from '@vmsc/testing';
 * checkProperty('decode never throws', fc.uint8Array(), (bytes) => {
 *   expect(() => decode(bytes)).not.toThrow();
 * }, { numRuns: 1000 });
 * ```
 */
export function checkProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => boolean | void,
  options?: CheckPropertyOptions,
): number {
  const log = options?.log ?? ((line: string) => console.log(line));
  let inputs = 0;
  const property = fc.property(arbitrary, (value) => {
    inputs += 1;
    return predicate(value);
  });
  try {
    fc.assert(property, { numRuns: options?.numRuns ?? DEFAULT_RUNS, seed: resolveSeed(options) });
  } catch (error) {
    log(summary(name, inputs, 1));
    throw error;
  }
  log(summary(name, inputs, 0));
  return inputs;
}

/**
 * The asynchronous form of {@link checkProperty}: the predicate may await (a socket, a bus, a timer).
 *
 * @example
 * ```ts
 * await checkAsyncProperty('handles any frame', fc.json(), async (text) => {
 *   await server.handle(text);
 * }, { numRuns: 200 });
 * ```
 */
export async function checkAsyncProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<boolean | void>,
  options?: CheckPropertyOptions,
): Promise<number> {
  const log = options?.log ?? ((line: string) => console.log(line));
  let inputs = 0;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    inputs += 1;
    return predicate(value);
  });
  try {
    await fc.assert(property, { numRuns: options?.numRuns ?? DEFAULT_RUNS, seed: resolveSeed(options) });
  } catch (error) {
    log(summary(name, inputs, 1));
    throw error;
  }
  log(summary(name, inputs, 0));
  return inputs;
}
