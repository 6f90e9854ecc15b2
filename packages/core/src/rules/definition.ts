import type { z } from 'zod';
import type { StreamEvent } from '../events/stream-event.js';
import type { JsonValue } from './json.js';

/**
 * The registry of action types: what an action's JSON may be (`schema`), what it does (`run`) and
 * what `explain` says it would do (`preview`).
 *
 * @packageDocumentation
 */

/** What an action's `run` receives besides the action itself. */
export interface ActionContext {
  /** The event the rule runs for (absent for `engine.trigger()` without one). */
  readonly event: StreamEvent | undefined;
  /** The rule the action belongs to (for a `runRule` sub-action: the called rule). */
  readonly rule: { readonly id: string; readonly name: string };
  readonly runId: string;
  /** Where the action sits in its rule: `actions[2]`, `actions[1].then[0]`. */
  readonly path: string;
  /**
   * Renders the templates (`{{user.nickname}}`) inside a value against the run: strings are rendered,
   * a string that is exactly one `{{path}}` keeps the value's type, arrays and objects are walked.
   */
  render(value: unknown): unknown;
  /** A variable or counter (`undefined` when unset). */
  getVariable(name: string): JsonValue | undefined;
  /** Sets a variable (rules read it as `vars.<name>`). */
  setVariable(name: string, value: JsonValue): void;
  /** Writes to the engine's logger. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** The value to return from `run` when the action decides not to act; the run goes on. */
  skip(reason: string): ActionSkip;
}

/** What an action's `preview` (for `explain`) receives: the run's view, without side effects. */
export type ActionPreviewContext = Pick<ActionContext, 'event' | 'rule' | 'path' | 'render' | 'getVariable'>;

declare const skipBrand: unique symbol;

/** Returned by `run` (made by `context.skip(reason)`): the action was skipped; its record says why. */
export interface ActionSkip {
  readonly [skipBrand]: true;
  readonly reason: string;
}

const skips = new WeakSet<object>();

/** Makes an {@link ActionSkip}. */
export function skipAction(reason: string): ActionSkip {
  const skip = { reason } as ActionSkip;
  skips.add(skip);
  return skip;
}

/** Whether `value` was made by {@link skipAction}. */
export function isActionSkip(value: unknown): value is ActionSkip {
  return typeof value === 'object' && value !== null && skips.has(value);
}

/** What `preview` returns: a sentence, and why the action would fail if it would. */
export interface ActionPreviewInfo {
  description: string;
  problem?: string;
}

/**
 * An action type: register it with `engine.registerActionType(definition)` (or the engine option
 * `actions`), then rules may use `{ "type": <type>, ... }`. Build it with {@link defineAction} so
 * the action's type is inferred from the schema.
 */
export interface ActionDefinition<S extends z.ZodType<{ type: string }> = z.ZodType<{ type: string }>> {
  /** The `type` rules write (letters, digits, `_`, `-`; starting with a letter). */
  readonly type: string;
  /**
   * The zod schema of the whole action object, `type` included (`type: z.literal("playSound")`):
   * rules are validated with it when they are added, every problem reported by path
   * (`rules[0].actions[2].file`). Prefer `z.strictObject` so typos are reported.
   */
  readonly schema: S;
  /**
   * Does the action. Its return value is the record's `output`; `context.skip(reason)` marks it
   * skipped; a throw or rejection fails the action and the run (a `VmscError` is kept as is, any
   * other error is wrapped in a `RuleActionError` naming the action's path).
   */
  run(action: z.output<S>, context: ActionContext): unknown;
  /** What `explain` says it would do (default: the type and its fields). Must not have side effects. */
  preview?(action: z.output<S>, context: ActionPreviewContext): ActionPreviewInfo;
}

/** The action JSON (as validated) of an {@link ActionDefinition}. */
export type ActionOf<D> = D extends ActionDefinition<infer S> ? z.output<S> : never;

/**
 * Types an {@link ActionDefinition}: `action` in `run` and `preview` is inferred from `schema`.
 *
 * @example
 * ```ts
 * const playSound = defineAction({
 *   type: 'playSound',
 *   schema: z.strictObject({ type: z.literal('playSound'), file: z.string(), volume: z.number().min(0).max(1).optional() }),
 *   run: (action, context) => player.play(String(context.render(action.file)), action.volume ?? 1),
 *   preview: (action) => ({ description: `play ${action.file}` }),
 * });
 * const engine = new RuleEngine({ bus, actions: [playSound] });
 * ```
 */
export function defineAction<const T extends string, S extends z.ZodType<{ type: T }>>(
  definition: { readonly type: T; readonly schema: S } & Omit<ActionDefinition<S>, 'type' | 'schema'>,
): ActionDefinition<S> {
  return definition;
}
