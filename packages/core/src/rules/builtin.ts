import { z } from 'zod';
import { once } from '../util/lazy-shape.js';
import type { Action, BuiltinAction } from './actions.js';
import type { ActionPreview, CompiledAction, CompileTools, RegisteredAction, RunContext, StepState } from './run-actions.js';
import { templateProblems, templateStrings } from './templates.js';

/** Adds an issue for every malformed template inside `value` (paths relative to `base`). */
function checkTemplates(value: unknown, base: PropertyKey[], ctx: z.RefinementCtx): void {
  for (const { path, text } of templateStrings(value)) {
    for (const problem of templateProblems(text)) ctx.addIssue({ code: 'custom', path: [...base, ...path], message: problem });
  }
}

/**
 * Wraps a schema so that every malformed template (`{{user.nickname`) inside the value is reported at
 * its path. Use it in the schema of an action type whose strings are rendered with `context.render`.
 */
export const templated = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((value, ctx) => {
    checkTemplates(value, [], ctx);
  });

/** A variable's name (its schema, built on first use). */
export const variableName = once(() =>
  z.string().regex(/^[A-Za-z_][\w-]*$/, 'variable names are letters, digits, "_" and "-", starting with a letter or "_"'),
);

/** What a built-in's compiler returns: the action's behaviour, its path and type added by {@link builtin}. */
export interface BuiltinStep {
  run(context: RunContext): unknown;
  /** The preview without `path` and `type`. */
  preview(state: StepState): Omit<ActionPreview, 'path' | 'type'>;
}

/** Declares a built-in action type: its schema and its compiler. */
export function builtin<T extends BuiltinAction['type']>(
  type: T,
  schema: (nested: z.ZodType<Action, Action>) => z.ZodType,
  compile: (action: Extract<BuiltinAction, { type: T }>, path: string, tools: CompileTools) => BuiltinStep,
): RegisteredAction {
  return {
    type,
    schema,
    compile(action, path, tools): CompiledAction {
      const step = compile(action as Extract<BuiltinAction, { type: T }>, path, tools);
      return { path, type, run: (context) => step.run(context), preview: (state) => ({ path, type, ...step.preview(state) }) };
    },
  };
}
