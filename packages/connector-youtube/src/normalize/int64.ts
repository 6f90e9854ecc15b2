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

const MICROS = 1_000_000n;

/**
 * Micros (millionths) to an exact decimal string of major units, trailing zeros dropped:
 * `"1750000"` → `"1.75"`, `"5000000"` → `"5"`, `"1"` → `"0.000001"`.
 */
export function microsToDecimal(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / MICROS;
  const fraction = (abs % MICROS).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Sums decimal integer strings exactly (non-integers count as 0). */
export function sumInt64(values: readonly (string | undefined)[]): string {
  let total = 0n;
  for (const value of values) total += parseInt64(value) ?? 0n;
  return total.toString();
}
