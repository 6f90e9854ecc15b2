import { z } from 'zod';
import { once } from '../util/lazy-shape.js';

/** A JSON value: what rules, variables and saved state are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON primitive. */
export type JsonPrimitive = string | number | boolean | null;

/** Zod schema of {@link JsonValue} (finite numbers only, so that values survive `JSON.stringify`), built on first use. */
export const jsonValueSchema: () => z.ZodType<JsonValue> = once(() =>
  z.lazy(() =>
    z.union([
      z.string(),
      z.number().refine(Number.isFinite, 'must be a finite number'),
      z.boolean(),
      z.null(),
      z.array(jsonValueSchema()),
      z.record(z.string(), jsonValueSchema()),
    ]),
  ),
);

/** Whether `value` is a JSON primitive. */
export function isPrimitive(value: unknown): value is JsonPrimitive {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Structural equality of JSON-like values (no type coercion: `"5"` is not `5`). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}
