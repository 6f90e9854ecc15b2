/**
 * YouTube's int64/uint64 fields arrive as decimal strings. These helpers keep them exact: parsing
 * and arithmetic go through `BigInt`, never through floating point.
 *
 * @packageDocumentation
 */

const INTEGER = /^-?\d+$/;

/** The string as a `bigint`, or `undefined` when it is not a decimal integer. */
export function parseInt64(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !INTEGER.test(value)) return undefined;
  return BigInt(value);
}

/** Whether `value` is a decimal integer string. */
export function isInt64String(value: unknown): value is string {
  return typeof value === 'string' && INTEGER.test(value);
}

/** Sums decimal integer strings exactly (non-integers count as 0). */
export function sumInt64(values: readonly (string | undefined)[]): string {
  let total = 0n;
  for (const value of values) total += parseInt64(value) ?? 0n;
  return total.toString();
}
