const MICROS = 1_000_000n;
const INTEGER = /^-?\d+$/;

/** `micros` as a `bigint`, or `undefined` when it is not an integer (a decimal integer string, an integer number, a bigint). */
function toBigInt(micros: unknown): bigint | undefined {
  if (typeof micros === 'bigint') return micros;
  if (typeof micros === 'number') return Number.isInteger(micros) ? BigInt(micros) : undefined;
  if (typeof micros !== 'string') return undefined;
  const text = micros.trim();
  return INTEGER.test(text) ? BigInt(text) : undefined;
}

/**
 * An amount in micros (millionths of the major unit, as YouTube sends `amountMicros` and Streamlabs
 * relays it) as the exact decimal string of major units, with integer maths only (no floating-point
 * rounding): no exponent, no leading zeros, trailing fraction zeros dropped, `-` for a negative value.
 *
 * Takes a `bigint`, an integer `number` or a decimal integer string (surrounding spaces allowed);
 * anything else (`"1.5"`, `"1e6"`, `NaN`, `null`) gives `undefined`. Use `Number(result)` for the
 * closest double.
 *
 * @example
 * ```ts
 * microsToDecimal(1_750_000n); // "1.75"
 * microsToDecimal('5000000'); // "5"
 * microsToDecimal(1); // "0.000001"
 * microsToDecimal('1.5'); // undefined
 * ```
 */
export function microsToDecimal(micros: bigint): string;
export function microsToDecimal(micros: unknown): string | undefined;
export function microsToDecimal(micros: unknown): string | undefined {
  const value = toBigInt(micros);
  if (value === undefined) return undefined;
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % MICROS).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / MICROS}${fraction ? `.${fraction}` : ''}`;
}
