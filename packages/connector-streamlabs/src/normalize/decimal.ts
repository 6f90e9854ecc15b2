/**
 * Exact decimal handling for Streamlabs amounts, which arrive as strings (`"13.37"`; micros
 * `"5000000"` go through core's `microsToDecimal` first). The exact string is kept; the number is
 * derived from it once.
 *
 * @packageDocumentation
 */

/** A parsed amount: the exact decimal string and its numeric value. */
export interface ExactAmount {
  /** Canonical exact decimal, e.g. `"13.37"`, `"5"`, `"0.5"` (no exponent, no sign, no leading zeros). */
  text: string;
  /** The same value as a JavaScript number (exact for every amount that has at most 15 significant digits). */
  value: number;
}

/**
 * The canonical form of a plain decimal (`digits[.digits]`), or `undefined` if `text` is not one:
 * leading integer zeros and trailing fraction zeros removed. One pass, no regex (hot path).
 */
function canonical(text: string): string | undefined {
  const length = text.length;
  let dot = -1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (dot >= 0 || i === 0 || i === length - 1) return undefined;
      dot = i;
    } else if (code < 48 || code > 57) {
      return undefined;
    }
  }
  if (length === 0) return undefined;
  let start = 0;
  const intEnd = dot < 0 ? length : dot;
  while (start < intEnd - 1 && text.charCodeAt(start) === 48) start++;
  let end = length;
  if (dot >= 0) {
    while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
    if (end === dot + 1) end = dot;
  }
  return start === 0 && end === length ? text : text.slice(start, end);
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
  let exact: string | undefined;
  if (typeof input === 'number') {
    exact = Number.isFinite(input) && input >= 0 ? canonical(String(input)) : undefined;
  } else if (typeof input === 'string') {
    exact = canonical(input.trim());
  }
  return exact === undefined ? undefined : { text: exact, value: Number(exact) };
}
