import type { z } from 'zod';
import { VmscError } from '../errors.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { Action, ActionType } from './actions.js';
import type { ConditionTrace } from './conditions.js';
import { isActionSkip } from './definition.js';
import { RuleActionError, RuleEngineClosedError } from './errors.js';
import type { JsonValue } from './json.js';
import type { Scope } from './path.js';
import type { ActionRecord } from './run.js';
import type { ViewerStore } from './viewers.js';

/** What a registered action handler receives besides its parameters. */
export interface ActionHandlerContext {
  /** The event the rule runs for (absent for a trigger without one). */
  event: StreamEvent | undefined;
  rule: { id: string; name: string };
  runId: string;
}

/**
 * A handler registered with `engine.registerAction(name, handler)`: called by `call` actions with the
 * rendered `params`. Its return value is recorded in the run; a throw or rejection fails the run.
 */
export type ActionHandler = (params: Record<string, unknown>, context: ActionHandlerContext) => unknown;

/** A rule as `runRule` sees it. */
export interface RuleTarget {
  readonly ref: { readonly id: string; readonly name: string };
  readonly enabled: boolean;
  readonly actions: readonly CompiledAction[];
}

/** What actions need from the engine. */
export interface ActionHost {
  handler(name: string): ActionHandler | undefined;
  /** A rule by id or name (for `runRule`). */
  findRule(idOrName: string): RuleTarget | undefined;
  /** Publishes a derived event on the bus. */
  publish(event: StreamEvent): void;
  log(level: 'info' | 'warn' | 'error', message: string, context: ActionHandlerContext): void;
  delay(ms: number): Promise<void>;
  getVariable(name: string): JsonValue | undefined;
  setVariable(name: string, value: JsonValue): void;
  /** The variables of the event's viewer, their record created if needed; `undefined` without a real viewer. */
  viewerVars(event: StreamEvent | undefined): Record<string, JsonValue> | undefined;
  /** The engine's viewers (points accrual, leaderboards). */
  readonly viewers: ViewerStore;
  /** The engine clock's time (epoch ms). */
  now(): number;
  choose(key: string, weights: readonly number[], noRepeat: boolean): number;
  /** The noRepeat candidates at `key` now (for explain). */
  available(key: string, count: number, noRepeat: boolean): number[];
  /** Whether the engine was closed (runs stop before their next action). */
  closed(): boolean;
  readonly maxDepth: number;
  readonly derivedSource: string;
}

/** What a run and a preview share: where they are. */
export interface StepState {
  scope: Scope;
  /** The derived-event depth of the run's event. */
  depth: number;
  host: ActionHost;
  /** The rules being run, outermost first (more than one inside `runRule`). */
  chain: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** One run in progress, as actions see it. */
export interface RunContext extends StepState {
  runId: string;
  records: ActionRecord[];
}

/** What explain says an action would do. */
export interface ActionPreview {
  path: string;
  type: ActionType;
  /** A sentence: `call "playSound" with {"file":"rose.mp3"}`. */
  description: string;
  /** Why it would fail, if it would (no handler registered, invalid derived event, loop depth...). */
  problem?: string;
  /** For `random`: each choice, its chance now (no-repeat memory applied) and its actions. */
  choices?: Array<{ weight: number; probability: number; actions: ActionPreview[] }>;
  /** For `if`: how the condition evaluates now, and which branch would run (`none`: false without `else`). */
  condition?: ConditionTrace;
  branch?: 'then' | 'else' | 'none';
  then?: ActionPreview[];
  else?: ActionPreview[];
  /** For `runRule`: the rule it would run, and that rule's actions. */
  rule?: { id: string; name: string };
  actions?: ActionPreview[];
}

/**
 * An action compiled once when its rule is added. `run` returns the record's output (or an
 * `ActionSkip`); `runStep` records the outcome.
 */
export interface CompiledAction {
  readonly path: string;
  readonly type: ActionType;
  run(context: RunContext): unknown;
  preview(state: StepState): ActionPreview;
}

/** What an action type's compiler may use: nested action lists compile through the same registry. */
export interface CompileTools {
  readonly ruleId: string;
  compile(actions: readonly Action[], base: string): CompiledAction[];
}

/** An action type as the registry holds it (built-ins implement it directly). */
export interface RegisteredAction {
  readonly type: string;
  /** The action's schema; `nested` is the registry's schema of any action, for nested lists. */
  schema(nested: z.ZodType<Action, Action>): z.ZodType;
  compile(action: Action, path: string, tools: CompileTools): CompiledAction;
}

/** The context a `call` handler and the logger receive. */
export function handlerContext(context: RunContext): ActionHandlerContext {
  return { event: context.scope.event, rule: context.scope.rule, runId: context.runId };
}

/**
 * `error` as a {@link VmscError}: kept when it is one, else wrapped in a {@link RuleActionError} at
 * `path` (`<what> failed: <message>`).
 */
export function asActionError(error: unknown, path: string, what = 'action'): VmscError {
  if (error instanceof VmscError) return error;
  return new RuleActionError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, path, { cause: error });
}

/**
 * Runs one action and records its outcome (pushed before it runs, so nested actions follow it):
 * `ok` with its output, `skipped` with the reason, or `failed` with the typed error, rethrown so
 * that the run stops.
 */
export async function runStep(step: CompiledAction, context: RunContext): Promise<void> {
  const record: ActionRecord = { path: step.path, type: step.type, status: 'ok' };
  if (context.chain.length > 1) record.rule = context.scope.rule;
  context.records.push(record);
  try {
    const output: unknown = await step.run(context);
    if (isActionSkip(output)) {
      record.status = 'skipped';
      record.reason = output.reason;
    } else if (output !== undefined) {
      record.output = output;
    }
  } catch (caught) {
    const error = asActionError(caught, step.path);
    record.status = 'failed';
    record.error = error;
    throw error;
  }
}

/** Runs actions in order; the first failure stops them (and is rethrown). */
export async function runSteps(steps: readonly CompiledAction[], context: RunContext): Promise<void> {
  for (const step of steps) {
    if (context.host.closed()) throw new RuleEngineClosedError();
    await runStep(step, context);
  }
}
