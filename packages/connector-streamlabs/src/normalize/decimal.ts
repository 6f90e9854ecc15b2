/**
 * Exact decimal handling for Streamlabs amounts, which arrive as strings (`"13.37"`, micros
 * `"5000000"`). The exact string is kept; the number is derived from it once.
 *
 * @packageDocumentation
 */

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** A parsed amount: the exact decimal string and its numeric value. */
export interface ExactAmount {
  /** Canonical exact decimal, e.g. `"13.37"`, `"5"`, `"0.5"` (no exponent, no sign, no leading zeros). */
  text: string;
  /** The same value as a JavaScript number (exact for every amount that has at most 15 significant digits). */
  value: number;
}

function canonical(integer: string, fraction: string): string {
  const int = integer.replace(/^0+(?=\d)/, '');
  const frac = fraction.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/**
 * Parses a decimal amount string (`"13.37"`, `" 5 "`) or a finite non-negative number exactly.
 * Returns `undefined` for anything else (negative, exponent, garbage).
 *
 * @example
 * ```ts
 * parseDecimal('13.370'); // { text: '13.37', value: 13.37 }
 * ```
 */
export function parseDecimal(input: unknown): ExactAmount | undefined {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return undefined;
    text = String(input);
    if (!DECIMAL.test(text)) return undefined;
  } else if (typeof input === 'string') {
    text = input.trim();
    if (!DECIMAL.test(text)) return undefined;
  } else {
    return undefined;
  }
  const dot = text.indexOf('.');
  const exact = dot < 0 ? canonical(text, '') : canonical(text.slice(0, dot), text.slice(dot + 1));
  return { text: exact, value: Number(exact) };
}

/**
 * Converts an amount in micros (millionths, YouTube's unit: `"5000000"` = 5) to an exact decimal,
 * with string arithmetic (no floating-point rounding).
 *
 * @example
 * ```ts
 * microsToDecimal('1990000'); // { text: '1.99', value: 1.99 }
 * ```
 */
export function microsToDecimal(input: unknown): ExactAmount | undefined {
  const parsed =
    typeof input === 'number' && Number.isInteger(input) && input >= 0 ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (!/^\d+$/.test(parsed)) return undefined;
  const padded = parsed.padStart(7, '0');
  const text = canonical(padded.slice(0, -6), padded.slice(-6));
  return { text, value: Number(text) };
}
