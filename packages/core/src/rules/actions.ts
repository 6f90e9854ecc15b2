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

/** Adds `by` (default 1; may be a template such as `"{{data.diamondCount}}"`) to a numeric variable. */
export interface CounterAction {
  type: 'counter';
  name: string;
  by?: number | string;
}

/** Sets a variable to a value (templates rendered; a whole-string `{{path}}` keeps its type). */
export interface SetVariableAction {
  type: 'setVariable';
  name: string;
  value: JsonValue;
}

/** One step of a rule. */
export type Action = CallAction | EmitAction | DelayAction | LogAction | RandomAction | CounterAction | SetVariableAction;

/** The `type` of every built-in action. */
export const actionTypes = ['call', 'emit', 'delay', 'log', 'random', 'counter', 'setVariable'] as const satisfies ReadonlyArray<
  Action['type']
>;
