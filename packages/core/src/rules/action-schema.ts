import { z } from 'zod';
import { isStreamEventType } from '../events/registry.js';
import { actionTypes, type Action } from './actions.js';
import { dispatchSchema } from './dispatch.js';
import { jsonValueSchema } from './json.js';
import { templateProblems, templateStrings } from './templates.js';

const variableName = z
  .string()
  .regex(/^[A-Za-z_][\w-]*$/, 'variable names are letters, digits, "_" and "-", starting with a letter or "_"');

/** Adds an issue for every malformed template inside `value` (paths relative to `base`). */
function checkTemplates(value: unknown, base: PropertyKey[], ctx: z.RefinementCtx): void {
  for (const { path, text } of templateStrings(value)) {
    for (const problem of templateProblems(text)) ctx.addIssue({ code: 'custom', path: [...base, ...path], message: problem });
  }
}

const templated = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((value, ctx) => {
    checkTemplates(value, [], ctx);
  });

const actionSchemas = {
  call: z.strictObject({
    type: z.literal('call'),
    action: z.string().min(1),
    params: templated(z.record(z.string(), jsonValueSchema)).optional(),
  }),
  emit: z.strictObject({
    type: z.literal('emit'),
    event: z.strictObject({
      type: z.string().refine(isStreamEventType, { message: 'not an event type of the catalogue' }),
      source: z.string().min(1).optional(),
      user: z.enum(['event', 'system']).optional(),
      data: templated(z.record(z.string(), jsonValueSchema)),
    }),
  }),
  delay: z.strictObject({ type: z.literal('delay'), ms: z.number().int().min(0).max(3_600_000) }),
  log: z.strictObject({ type: z.literal('log'), message: templated(z.string()), level: z.enum(['info', 'warn', 'error']).optional() }),
  random: z.strictObject({
    type: z.literal('random'),
    noRepeat: z.boolean().optional(),
    choices: z
      .array(z.strictObject({ weight: z.number().positive().finite(), actions: z.array(z.lazy(() => actionSchema)).min(1) }))
      .min(1),
  }),
  counter: z.strictObject({
    type: z.literal('counter'),
    name: variableName,
    by: z.union([z.number().finite(), templated(z.string())]).optional(),
  }),
  setVariable: z.strictObject({ type: z.literal('setVariable'), name: variableName, value: templated(jsonValueSchema) }),
} satisfies Record<Action['type'], z.ZodType>;

/** Zod schema of an {@link Action}; an unknown `type` is reported at `type` with the valid ones. */
export const actionSchema: z.ZodType<Action, Action> = dispatchSchema<Action>((value) => {
  const type = value.type;
  if (typeof type === 'string' && Object.hasOwn(actionSchemas, type)) return actionSchemas[type as Action['type']] as z.ZodType<Action>;
  return {
    path: ['type'],
    message: `unknown action type ${JSON.stringify(type)}; expected one of ${actionTypes.map((t) => `"${t}"`).join(', ')}`,
  };
});
