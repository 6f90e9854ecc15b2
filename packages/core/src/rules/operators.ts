import { jsonEqual } from './json.js';

/** Every comparison operator a condition may use. */
export const operators = ['==', '!=', '>', '>=', '<', '<=', 'contains', 'startsWith', 'endsWith', 'matches', 'in', 'exists'] as const;

/** A comparison operator. */
export type Operator = (typeof operators)[number];

/** Operators that compare order: both sides numbers, or both strings. */
export const orderingOperators: readonly Operator[] = ['>', '>=', '<', '<='];

/** Operators whose expected value must be a string. */
export const stringOperators: readonly Operator[] = ['startsWith', 'endsWith', 'matches'];

/** A compiled comparison: the actual value (read by path) against the expected one. */
export type Comparison = (actual: unknown, expected: unknown) => boolean;

function fold(value: unknown, ignoreCase: boolean): unknown {
  return ignoreCase && typeof value === 'string' ? value.toLowerCase() : value;
}

function ordered(test: (a: number | string, b: number | string) => boolean): Comparison {
  return (actual, expected) =>
    (typeof actual === 'number' && typeof expected === 'number') || (typeof actual === 'string' && typeof expected === 'string')
      ? test(actual, expected)
      : false;
}

/**
 * Builds the comparison for an operator. Semantics (no type coercion anywhere):
 * - `==` / `!=`: structural equality (`"5"` is not `5`).
 * - `>` `>=` `<` `<=`: both numbers or both strings, else false.
 * - `contains`: substring of a string, or an element of an array.
 * - `startsWith` / `endsWith`: strings only.
 * - `matches`: the actual string matches the regex `pattern` (compiled once).
 * - `in`: the actual value equals one element of the expected array.
 * - `exists`: the field is present and not null (expected `true`, the default) or absent/null (`false`).
 * `ignoreCase` folds strings for every operator but the ordering ones.
 */
export function compileOperator(op: Operator, options: { ignoreCase?: boolean; pattern?: string } = {}): Comparison {
  const ignoreCase = options.ignoreCase === true;
  switch (op) {
    case '==':
      return (actual, expected) => jsonEqual(fold(actual, ignoreCase), fold(expected, ignoreCase));
    case '!=':
      return (actual, expected) => !jsonEqual(fold(actual, ignoreCase), fold(expected, ignoreCase));
    case '>':
      return ordered((a, b) => a > b);
    case '>=':
      return ordered((a, b) => a >= b);
    case '<':
      return ordered((a, b) => a < b);
    case '<=':
      return ordered((a, b) => a <= b);
    case 'contains':
      return (actual, expected) => {
        if (typeof actual === 'string')
          return typeof expected === 'string' && (fold(actual, ignoreCase) as string).includes(fold(expected, ignoreCase) as string);
        if (Array.isArray(actual)) return actual.some((item) => jsonEqual(fold(item, ignoreCase), fold(expected, ignoreCase)));
        return false;
      };
    case 'startsWith':
      return (actual, expected) =>
        typeof actual === 'string' &&
        typeof expected === 'string' &&
        (fold(actual, ignoreCase) as string).startsWith(fold(expected, ignoreCase) as string);
    case 'endsWith':
      return (actual, expected) =>
        typeof actual === 'string' &&
        typeof expected === 'string' &&
        (fold(actual, ignoreCase) as string).endsWith(fold(expected, ignoreCase) as string);
    case 'matches': {
      if (options.pattern !== undefined) {
        const regex = new RegExp(options.pattern, ignoreCase ? 'i' : '');
        return (actual) => typeof actual === 'string' && regex.test(actual);
      }
      // The pattern comes from another field (`valueFrom`): compile per call.
      return (actual, expected) => {
        if (typeof actual !== 'string' || typeof expected !== 'string') return false;
        try {
          return new RegExp(expected, ignoreCase ? 'i' : '').test(actual);
        } catch {
          return false;
        }
      };
    }
    case 'in':
      return (actual, expected) =>
        Array.isArray(expected) && expected.some((item) => jsonEqual(fold(actual, ignoreCase), fold(item, ignoreCase)));
    case 'exists':
      return (actual, expected) => (actual !== undefined && actual !== null) === (expected !== false);
  }
}
