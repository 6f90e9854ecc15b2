import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { actionTypes, type Action } from './actions.js';
import { basicActions } from './builtin-basic.js';
import { flowActions } from './builtin-flow.js';
import { pointsActions } from './builtin-points.js';
import { fromDefinition } from './custom-action.js';
import type { ActionDefinition } from './definition.js';
import { dispatchSchema } from './dispatch.js';
import { DuplicateActionTypeError, RuleActionError } from './errors.js';
import type { CompiledAction, CompileTools, RegisteredAction } from './run-actions.js';

const typeName = /^[A-Za-z][\w-]*$/;

interface Entry {
  action: RegisteredAction;
  schema?: z.ZodType;
}

const entriesOf = new WeakMap<ActionRegistry, Map<string, Entry>>();

/**
 * The action types an engine knows: the built-ins (`call`, `emit`, `delay`, `log`, `random`,
 * `counter`, `setVariable`, `runRule`, `if`) and those an application registered. Rules are validated
 * against it ({@link ActionRegistry.schema}, `validateRules(input, { actions })`) and the engine
 * dispatches every action through it. Every engine has its own (`engine.actionRegistry`).
 *
 * @example
 * ```ts
 * const registry = new ActionRegistry();
 * registry.register(playSound);
 * const result = validateRules(json, { actions: registry });
 * ```
 */
export class ActionRegistry {
  /**
   * Zod schema of one action of this registry: the schema of its `type` (checked when parsed, so a
   * type registered later is known from then on); an unknown `type` is reported at `type` with the
   * registered ones.
   */
  readonly schema: z.ZodType<Action, Action>;

  /** A registry holding the built-in action types. */
  constructor() {
    const entries = new Map<string, Entry>();
    entriesOf.set(this, entries);
    const builtins = new Map([...basicActions, ...flowActions, ...pointsActions].map((action) => [action.type, action]));
    for (const type of actionTypes) entries.set(type, { action: builtins.get(type)! });
    this.schema = dispatchSchema<Action>((value) => {
      const type = value.type;
      const entry = typeof type === 'string' ? entries.get(type) : undefined;
      if (entry) {
        entry.schema ??= entry.action.schema(this.schema);
        return entry.schema as z.ZodType<Action>;
      }
      return {
        path: ['type'],
        message: `unknown action type ${JSON.stringify(type)}; expected one of ${this.types()
          .map((t) => `"${t}"`)
          .join(', ')} (register other types with engine.registerActionType before adding rules that use them)`,
      };
    });
  }

  /**
   * Registers an action type (build it with `defineAction`). Rules added afterwards may use it;
   * a type cannot be unregistered or replaced.
   *
   * @throws {@link DuplicateActionTypeError} when the type is already registered (a built-in included).
   * @throws {@link ValidationError} when `type` is not a name (letters, digits, `_`, `-`) or `schema` is not a zod schema.
   */
  register(definition: ActionDefinition): void {
    const issues: ValidationIssue[] = [];
    if (typeof definition.type !== 'string' || !typeName.test(definition.type))
      issues.push({ path: 'type', message: 'an action type is letters, digits, "_" and "-", starting with a letter' });
    if (typeof (definition.schema as Partial<z.ZodType> | undefined)?.safeParse !== 'function')
      issues.push({ path: 'schema', message: 'expected a zod schema' });
    if (typeof definition.run !== 'function') issues.push({ path: 'run', message: 'expected a function' });
    if (issues.length > 0) throw new ValidationError('invalid action definition', issues);
    const entries = entriesOf.get(this)!;
    if (entries.has(definition.type)) throw new DuplicateActionTypeError(definition.type);
    entries.set(definition.type, { action: fromDefinition(definition) });
  }

  /** Whether an action type is registered. */
  has(type: string): boolean {
    return entriesOf.get(this)!.has(type);
  }

  /** The registered action types: the built-ins (in the order of `actionTypes`), then in registration order. */
  types(): string[] {
    return [...entriesOf.get(this)!.keys()];
  }
}

/** Compiles an action list through the registry; `base` is the path prefix (`actions`). */
export function compileActions(registry: ActionRegistry, actions: readonly Action[], base: string, ruleId: string): CompiledAction[] {
  const entries = entriesOf.get(registry)!;
  const tools: CompileTools = {
    ruleId,
    compile: (list, prefix) => list.map((action, index) => compileOne(`${prefix}[${index}]`, action)),
  };
  const compileOne = (path: string, action: Action): CompiledAction => {
    const entry = entries.get(action.type);
    // Rules are validated against the registry before they are compiled: this cannot happen through the engine.
    if (!entry) throw new RuleActionError(`no action type "${action.type}" is registered`, path, { code: 'ACTION_TYPE_NOT_REGISTERED' });
    return entry.action.compile(action, path, tools);
  };
  return tools.compile(actions, base);
}

/** The registry of the built-in action types, used by `validateRules` and `ruleSchema` when given none. */
export const builtinActionRegistry = new ActionRegistry();
