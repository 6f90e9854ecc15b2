import { z } from 'zod';

/**
 * A schema that picks the schema for a value by looking at it (which key it has, its `type`), so that
 * a mistake is reported at the exact field (`conditions.all[0].op`) instead of as "no union member
 * matched". `pick` returns the schema, or a message when no schema fits.
 */
export function dispatchSchema<T>(
  pick: (value: Record<string, unknown>) => z.ZodType<T> | { message: string; path?: PropertyKey[] },
): z.ZodType<T, T> {
  return z.unknown().transform((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an object, received ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`,
      });
      return z.NEVER;
    }
    const schema = pick(value as Record<string, unknown>);
    // Not `instanceof`: a registered action's schema may come from another copy of zod.
    if (!('safeParse' in schema)) {
      ctx.addIssue({ code: 'custom', message: schema.message, path: schema.path ?? [] });
      return z.NEVER;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] });
      return z.NEVER;
    }
    return result.data;
  }) as unknown as z.ZodType<T, T>;
}
