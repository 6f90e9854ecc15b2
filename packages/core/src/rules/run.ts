import type { VmscError } from '../errors.js';
import type { EventMeta } from '../events/meta.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { ActionType } from './actions.js';
import type { CooldownBlock } from './cooldowns.js';
import type { PermissionCheck } from './permissions.js';

/**
 * How a run ended:
 * - `completed`: every action ran.
 * - `failed`: an action failed (`error` says which and why); the later actions did not run.
 * - `cooldown`: a cooldown blocked it (`cooldown` says which); nothing ran.
 * - `disabled`: `engine.trigger()` on a disabled rule; nothing ran.
 * - `conditions-not-met`: `engine.trigger(..., { checkConditions: true })` and the conditions failed.
 * - `dropped`: it waited in a full queue and was dropped (`drop-oldest`/`drop-newest`), or the engine closed.
 * - `rejected`: the queue was full and its policy is `reject`.
 * - `forbidden`: a command's permission refused the viewer (`permission` says why); nothing ran.
 * - `usage`: a command's arguments did not fit its pattern (`usage` is the usage text); only its `onUsage` actions ran.
 */
export type RunOutcome =
  'completed' | 'failed' | 'cooldown' | 'disabled' | 'conditions-not-met' | 'dropped' | 'rejected' | 'forbidden' | 'usage';

/**
 * How one action ended: `ok` (it ran), `skipped` (it decided not to act, `reason` says why; the run
 * goes on) or `failed` (`error` is its typed error; the run stops there).
 */
export type ActionStatus = 'ok' | 'skipped' | 'failed';

/** One action that ran (or started and failed), in the order they started: nested actions follow theirs. */
export interface ActionRecord {
  /**
   * Where it sits in its rule: `actions[1]`, `actions[2].choices[0].actions[0]`, `actions[0].then[1]`.
   * For an action of a rule run by `runRule`, the path is in that rule (named by `rule`).
   */
  path: string;
  type: ActionType;
  status: ActionStatus;
  /**
   * What it produced: the handler's return value, the emitted event's id, the chosen index, the
   * counter's new value, the logged text, `{ condition, branch }` for `if`, `{ rule }` for `runRule`.
   */
  output?: unknown;
  /** Why it was skipped (status `skipped`). */
  reason?: string;
  /** Why it failed (status `failed`); for a nested action, its parent fails with the same error. */
  error?: VmscError;
  /** The rule the action belongs to, when it is not the run's rule (it ran through `runRule`). */
  rule?: { id: string; name: string };
}

/** What started a run: a matching bus event, `engine.trigger()`, or a timer trigger. */
export type RunCause = 'event' | 'trigger' | 'timer';

/** The report of one run: published on `engine.onRun()` and returned by `engine.trigger()`. */
export interface RuleRunResult {
  /** Unique id of this run. */
  runId: string;
  rule: { id: string; name: string };
  /** `event`: an event on the bus matched; `trigger`: `engine.trigger()`; `timer`: a timer trigger fired. */
  cause: RunCause;
  /** The event the rule ran for (absent for a trigger without one). */
  event?: StreamEvent;
  /** The derived-event depth of `event` (0 for events that no rule emitted). */
  depth: number;
  outcome: RunOutcome;
  /** When the run was accepted (epoch ms). */
  startedAt: number;
  /** Time from acceptance to the end (queue wait and delays included), in ms. */
  durationMs: number;
  /** The actions that ran, in order. */
  actions: ActionRecord[];
  /** Why it failed, was dropped or rejected. */
  error?: VmscError;
  /** The cooldown that blocked it (outcome `cooldown`). */
  cooldown?: CooldownBlock;
  /** The permission check that refused it (outcome `forbidden`). */
  permission?: PermissionCheck;
  /** The command's usage text (outcome `usage`). */
  usage?: string;
}

/**
 * Receives run reports; see `engine.onRun()`. It may return anything: a returned value is ignored,
 * a returned promise's rejection is reported like a throw (a bus `error` notice, `RUN_HANDLER_FAILED`).
 */
export type RunHandler = (run: RuleRunResult) => unknown;

/**
 * The `meta` of an event emitted by a rule's `emit` action: the standard {@link EventMeta} plus the
 * chain marker the engine uses to cut loops. (`parseEvent` keeps these extra fields.)
 */
export interface DerivedEventMeta extends EventMeta {
  /** 1 for an event emitted by a rule run for a platform event, 2 for one emitted because of that... */
  ruleDepth: number;
  /** The rule that emitted it. */
  ruleId: string;
  /** The id of the event the emitting rule ran for, if any. */
  causeEventId?: string;
}

/** The derived-event depth of an event: `meta.ruleDepth`, or 0. */
export function depthOf(event: StreamEvent | undefined): number {
  const depth = (event?.meta as Partial<DerivedEventMeta> | undefined)?.ruleDepth;
  return typeof depth === 'number' && Number.isFinite(depth) && depth > 0 ? depth : 0;
}
