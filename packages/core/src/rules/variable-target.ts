import { z } from 'zod';
import { once } from '../util/lazy-shape.js';
import { RuleActionError } from './errors.js';
import type { JsonValue } from './json.js';
import type { Scope } from './path.js';
import type { ActionHost } from './run-actions.js';
import { compileTemplate, templateProblems } from './templates.js';

const NAME = /^[A-Za-z_][\w-]*$/;
const NAME_HINT = 'variable names are letters, digits, "_" and "-", starting with a letter or "_"';

/**
 * A variable's name, which may be a template (`"wins-{{args.0}}"`): outside the placeholders only
 * name characters; the rendered name is checked when the action runs.
 */
export const variableNameTemplate = once(() =>
  z
    .string()
    .min(1)
    .max(200)
    .superRefine((name, ctx) => {
      if (!name.includes('{{') && !name.includes('}}')) {
        if (!NAME.test(name)) ctx.addIssue({ code: 'custom', message: NAME_HINT });
        return;
      }
      for (const problem of templateProblems(name)) ctx.addIssue({ code: 'custom', message: problem });
      const literal = name.replace(/\{\{[^{}]*\}\}/g, '');
      if (!/^[\w-]*$/.test(literal)) ctx.addIssue({ code: 'custom', message: `outside "{{ }}", ${NAME_HINT}` });
    }),
);

/** Where a variable action reads and writes: the engine's variables, or the event viewer's. */
export const variableScopeSchema = once(() => z.enum(['global', 'user']));

/** A variable's scope: `global` (`vars.x`, the default) or `user` (`user.vars.x`, the event's viewer). */
export type VariableScope = z.output<ReturnType<typeof variableScopeSchema>>;

/** One variable, resolved for a run: its rendered name, and how to read and write it. */
export interface VariableSlot {
  name: string;
  /** `<name>` or `user.vars.<name>`, for descriptions. */
  label: string;
  get(): JsonValue | undefined;
  set(value: JsonValue): void;
}

/**
 * Compiles a variable reference (a possibly templated name in a scope) into a resolver. It returns a
 * {@link VariableSlot}, or a problem: the rendered name is not a name, or a `user` variable is asked
 * for an event without a real viewer (the system user, an anonymous gift, no event).
 */
export function compileVariable(
  name: string,
  scope: VariableScope | undefined,
): (state: { scope: Scope; host: ActionHost }, create: boolean) => VariableSlot | { problem: string; code: string } {
  const render = compileTemplate(name);
  return ({ scope: where, host }, create) => {
    const rendered = render(where);
    if (!NAME.test(rendered)) {
      return { problem: `variable name ${JSON.stringify(rendered)} (from "${name}"): ${NAME_HINT}`, code: 'RULE_VARIABLE_NAME_INVALID' };
    }
    if (scope !== 'user') {
      return {
        name: rendered,
        label: rendered,
        get: () => host.getVariable(rendered),
        set: (value) => host.setVariable(rendered, value),
      };
    }
    const vars = create ? host.viewerVars(where.event) : where.userVars;
    if (create && vars === undefined) {
      return {
        problem: 'a "user" variable needs an event with a real viewer (not the system user or an anonymous one)',
        code: 'RULE_NO_VIEWER',
      };
    }
    if (vars && create) where.userVars = vars;
    return {
      name: rendered,
      label: `user.vars.${rendered}`,
      get: () => (vars && Object.hasOwn(vars, rendered) ? vars[rendered] : undefined),
      set: (value) => {
        if (vars) (vars as Record<string, JsonValue>)[rendered] = value;
      },
    };
  };
}

/** The slot, or a thrown {@link RuleActionError} with the problem's code. */
export function requireSlot(resolved: VariableSlot | { problem: string; code: string }, path: string): VariableSlot {
  if ('problem' in resolved) throw new RuleActionError(resolved.problem, path, { code: resolved.code });
  return resolved;
}
