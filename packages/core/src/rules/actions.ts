import type { HttpAction } from './builtin-http.js';
import type { ReplyAction } from './builtin-reply.js';
import type { Condition } from './conditions.js';
import type { JsonValue } from './json.js';

/**
 * The actions a rule runs, in order. Every string inside may be a template (`{{user.nickname}}`).
 *
 * @packageDocumentation
 */

/**
 * Calls a handler the application registered with `engine.registerAction(name, handler)`, passing
 * `params` (templates rendered).
 *
 * @example
 * ```json
 * { "type": "call", "action": "playSound", "params": { "file": "rose.mp3", "volume": 0.8 } }
 * ```
 */
export interface CallAction {
  type: 'call';
  /** The registered handler's name. */
  action: string;
  params?: Record<string, JsonValue>;
}

/**
 * Publishes a derived {@link StreamEvent} on the bus (validated against the catalogue). It carries
 * `meta.ruleDepth`, so chains of rules are cut at the engine's `maxDepth`.
 *
 * @example
 * ```json
 * { "type": "emit", "event": { "type": "chat", "data": { "message": "thanks {{user.nickname}}!" } } }
 * ```
 */
export interface EmitAction {
  type: 'emit';
  event: {
    /** A catalogue event type. */
    type: string;
    /** Default: the engine's `derivedSource` (`"rules"`). */
    source?: string;
    /** `"event"` (default): the triggering event's user; `"system"`: the system user. */
    user?: 'event' | 'system';
    data: Record<string, JsonValue>;
  };
}

/** Waits before the next action. */
export interface DelayAction {
  type: 'delay';
  /** Milliseconds, at most one hour. */
  ms: number;
}

/** Writes a line to the engine's logger (console by default). */
export interface LogAction {
  type: 'log';
  message: string;
  level?: 'info' | 'warn' | 'error';
}

/**
 * Picks one choice at random, weighted, and runs its actions. With `noRepeat`, a choice is not
 * picked again until every choice has been (the memory is part of the saved state).
 */
export interface RandomAction {
  type: 'random';
  noRepeat?: boolean;
  choices: Array<{ weight: number; actions: Action[] }>;
}

/**
 * Adds `by` (default 1; may be a template such as `"{{data.diamondCount}}"`) to a numeric variable:
 * the engine's (`vars.<name>`), or with `scope: "user"` the event viewer's (`user.vars.<name>`). The
 * name may be a template (`"wins-{{args.0}}"`), checked when it runs.
 */
export interface CounterAction {
  type: 'counter';
  name: string;
  scope?: 'global' | 'user';
  by?: number | string;
}

/**
 * Sets a variable to a value (templates rendered; a whole-string `{{path}}` keeps its type): the
 * engine's, or with `scope: "user"` the event viewer's. The name may be a template.
 */
export interface SetVariableAction {
  type: 'setVariable';
  name: string;
  scope?: 'global' | 'user';
  value: JsonValue;
}

/**
 * Runs the actions of another rule (by id or name) inside the current run: only its actions (not its
 * trigger, conditions or cooldowns). A disabled rule is skipped; a cycle (A → B → A) or a nesting
 * deeper than the engine's `maxDepth` fails with `RuleLoopError`.
 *
 * @example
 * ```json
 * { "type": "runRule", "rule": "Thank the viewer" }
 * ```
 */
export interface RunRuleAction {
  type: 'runRule';
  /** The id or name of the rule whose actions run. */
  rule: string;
}

/**
 * Runs `then` when the condition holds (the condition language of rules, read when the action runs,
 * so it sees variables set by earlier actions), `else` (optional) when it does not.
 *
 * @example
 * ```json
 * { "type": "if", "condition": { "path": "data.diamondCount", "op": ">=", "value": 100 },
 *   "then": [{ "type": "log", "message": "big gift!" }], "else": [{ "type": "counter", "name": "small" }] }
 * ```
 */
export interface IfAction {
  type: 'if';
  condition: Condition;
  then: Action[];
  else?: Action[];
}

/**
 * Adds points (`amount`, negative to spend; a number or a template) to a viewer variable (`points` by
 * default): the event's viewer, or every viewer who chatted in the last `activeWithinMinutes`
 * (`to: "activeViewers"`; a timer rule doing this is passive accrual). A balance never goes below
 * `floor` (default 0; `null` for none).
 *
 * @example
 * ```json
 * { "type": "addPoints", "to": "activeViewers", "activeWithinMinutes": 10, "amount": 5 }
 * ```
 */
export interface AddPointsAction {
  type: 'addPoints';
  amount: number | string;
  to?: 'user' | 'activeViewers';
  variable?: string;
  activeWithinMinutes?: number;
  sources?: string[];
  floor?: number | null;
}

/**
 * Ranks the viewers by a numeric viewer variable (`points` by default) and stores the `top` (default
 * 5) in `vars.<saveAs>`: `{ entries, text, count }`, where `text` reads `1. Alice (120), 2. Bob (90)`
 * (each entry as the `entry` template says).
 *
 * @example
 * ```json
 * { "type": "leaderboard", "top": 3, "saveAs": "top" }
 * ```
 */
export interface LeaderboardAction {
  type: 'leaderboard';
  variable?: string;
  top?: number;
  sources?: string[];
  entry?: string;
  saveAs: string;
}

/**
 * Every action type, by its `type`. Augment it to give an action type you register (see
 * `RuleEngine.registerActionType`) its static type in {@link Action}, `Rule` and `RuleInput`:
 *
 * @example
 * ```ts
 * declare module '@vmsc/core' {
 *   interface ActionTypeMap {
 *     playSound: ActionOf<typeof playSound>;
 *   }
 * }
 * ```
 */
export interface ActionTypeMap {
  call: CallAction;
  emit: EmitAction;
  delay: DelayAction;
  log: LogAction;
  random: RandomAction;
  counter: CounterAction;
  setVariable: SetVariableAction;
  runRule: RunRuleAction;
  if: IfAction;
  addPoints: AddPointsAction;
  leaderboard: LeaderboardAction;
  /** Registered when the engine is given `connectors` (or `replyAction`); see `replyAction`. */
  reply: ReplyAction;
  /** Registered with `httpAction({ allowHosts })`. */
  http: HttpAction;
}

/** One step of a rule. */
export type Action = ActionTypeMap[keyof ActionTypeMap];

/** A built-in action (registered in every engine). */
export type BuiltinAction =
  | CallAction
  | EmitAction
  | DelayAction
  | LogAction
  | RandomAction
  | CounterAction
  | SetVariableAction
  | RunRuleAction
  | IfAction
  | AddPointsAction
  | LeaderboardAction;

/** The `type` of an action: a built-in one, or one an application registered. */
export type ActionType = keyof ActionTypeMap | (string & {});

/** The `type` of every built-in action. */
export const actionTypes = [
  'call',
  'emit',
  'delay',
  'log',
  'random',
  'counter',
  'setVariable',
  'runRule',
  'if',
  'addPoints',
  'leaderboard',
] as const satisfies ReadonlyArray<BuiltinAction['type']>;
