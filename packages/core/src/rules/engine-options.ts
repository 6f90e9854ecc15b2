import type { EventBus } from '../bus/event-bus.js';
import type { Clock } from '../util/clock.js';
import type { ReplyConnectors } from './builtin-reply.js';
import type { ActionDefinition } from './definition.js';
import type { RuleInput } from './rule-schema.js';
import type { ActionHandlerContext } from './run-actions.js';

/** Where `log` actions write. */
export type RuleLogger = (level: 'info' | 'warn' | 'error', message: string, context: ActionHandlerContext) => void;

/** Options of {@link RuleEngine}. */
export interface RuleEngineOptions {
  /** The bus whose events trigger rules and on which `emit` actions publish. */
  bus: EventBus;
  /**
   * Action types to register besides the built-ins (see {@link RuleEngine.registerActionType}); they
   * are registered before `rules` are added, so those rules may use them.
   */
  actions?: readonly ActionDefinition[];
  /**
   * The connectors `reply` actions send through (a list, or a function returning the current one),
   * reached only through the chat-out contract (`capabilities`, `sendChat`). When given, the engine
   * registers the `reply` action type and validation reports a `reply` whose rule's trigger only
   * matches sources that cannot send. Without it, `reply` is not registered (an application
   * registers exactly the actions it wants; see `replyAction`).
   */
  connectors?: ReplyConnectors;
  /** Rules to add at once (validated; see {@link RuleEngine.addRules}). */
  rules?: readonly RuleInput[];
  /**
   * How many generations of derived events may chain (a rule emitting an event that triggers a rule
   * that emits...). Platform events have depth 0; the emit that would create depth `maxDepth + 1` is
   * cut, its run fails with `RuleLoopError` and a bus `error` notice reports it. Default 8.
   */
  maxDepth?: number;
  /** The `source` of derived events whose `emit` action names none. Default `"rules"`. */
  derivedSource?: string;
  /** Where `log` actions write. Default: `console.info/warn/error` prefixed with the rule name. */
  logger?: RuleLogger;
  /** Random numbers in [0, 1) for weighted choice (inject a seeded one for tests). Default `Math.random`. */
  random?: () => number;
  /** Time source for cooldowns and delays. Default: the system clock (which `vi.useFakeTimers()` controls). */
  clock?: Clock;
  /** Subscribe to the bus (default `true`); `false` runs rules only through {@link RuleEngine.trigger}. */
  listen?: boolean;
  /**
   * How many viewers (with their `user` variables and points) the engine keeps. Past it, the least
   * recently seen viewer is forgotten and a `viewer-evicted` bus notice carries their variables.
   * Default `DEFAULT_MAX_VIEWERS` (50,000).
   */
  maxViewers?: number;
}

/** Options of {@link RuleEngine.trigger}. */
export interface TriggerOptions {
  /** Evaluate the rule's conditions against the event first (default `false`: fire directly). */
  checkConditions?: boolean;
  /** Honour and start the rule's cooldowns (default `false`: a direct trigger ignores them and leaves them untouched). */
  applyCooldowns?: boolean;
}

/** The default logger: `console.info/warn/error`, prefixed with the rule's name. */
export const defaultLogger: RuleLogger = (level, message, context) => {
  console[level](`[vmsc rules] ${context.rule.name}: ${message}`);
};
