import { z } from 'zod';
import { once } from '../util/lazy-shape.js';
import type { Condition, FieldCondition } from './conditions.js';
import { dispatchSchema } from './dispatch.js';
import { jsonValueSchema } from './json.js';
import { operators, orderingOperators, stringOperators } from './operators.js';
import { parsePath } from './path.js';

/** A dotted path that {@link parsePath} accepts (its schema, built on first use). */
export const pathSchema = once(() =>
  z.string().refine((path) => parsePath(path) !== undefined, {
    message: 'malformed path: use dotted names and [n] indexes, e.g. "data.giftName" or "data.emotes[0]"',
  }),
);

const fieldConditionSchema: () => z.ZodType<FieldCondition> = once(
  () =>
    z
      .strictObject({
        path: pathSchema(),
        op: z.enum(operators),
        value: jsonValueSchema().optional(),
        valueFrom: pathSchema().optional(),
        ignoreCase: z.boolean().optional(),
      })
      .superRefine((condition, ctx) => {
        const { op, value, valueFrom } = condition;
        if (value !== undefined && valueFrom !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['valueFrom'], message: 'give either "value" or "valueFrom", not both' });
          return;
        }
        if (valueFrom !== undefined) return;
        if (op === 'exists') {
          if (value !== undefined && typeof value !== 'boolean')
            ctx.addIssue({ code: 'custom', path: ['value'], message: '"exists" takes true (the default) or false' });
          return;
        }
        if (value === undefined) {
          ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${op}" needs a "value" (or "valueFrom")` });
        } else if (orderingOperators.includes(op) && typeof value !== 'number' && typeof value !== 'string') {
          ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${op}" compares numbers or strings` });
        } else if (stringOperators.includes(op) && typeof value !== 'string') {
          ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${op}" needs a string value` });
        } else if (op === 'in' && !Array.isArray(value)) {
          ctx.addIssue({ code: 'custom', path: ['value'], message: 'operator "in" needs an array value' });
        } else if (op === 'matches' && typeof value === 'string') {
          try {
            new RegExp(value);
          } catch (error) {
            ctx.addIssue({ code: 'custom', path: ['value'], message: `invalid regular expression: ${(error as Error).message}` });
          }
        }
      }) as z.ZodType<FieldCondition>,
);

const composites = ['all', 'any', 'not'] as const;

/**
 * Zod schema of a {@link Condition}. Mistakes are reported at the exact field, e.g.
 * `conditions.all[0].op: Invalid option: expected one of "=="|...`.
 */
export const conditionSchema: z.ZodType<Condition, Condition> = dispatchSchema<Condition>((value) => {
  const present = composites.filter((key) => key in value);
  if (present.length > 1)
    return { message: `a condition has one of "all", "any", "not" (found ${present.map((key) => `"${key}"`).join(', ')})` };
  if (present[0] === 'all') return z.strictObject({ all: z.array(z.lazy(() => conditionSchema)).min(1) });
  if (present[0] === 'any') return z.strictObject({ any: z.array(z.lazy(() => conditionSchema)).min(1) });
  if (present[0] === 'not') return z.strictObject({ not: z.lazy(() => conditionSchema) });
  return fieldConditionSchema();
});
