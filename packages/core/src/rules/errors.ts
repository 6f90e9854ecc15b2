import { registerErrorNames } from '../error-brand.js';
import { NotFoundError, VmscError, type VmscErrorOptions } from '../errors.js';

/** `engine.trigger()`, `explain()`, `setEnabled()`... were given an id or name no rule has. Code `RULE_NOT_FOUND`. */
export class RuleNotFoundError extends NotFoundError {
  /** The id or name that was looked up. */
  readonly idOrName: string;

  constructor(idOrName: string, options?: VmscErrorOptions) {
    super(`no rule with id or name "${idOrName}"`, { ...options, code: 'RULE_NOT_FOUND' });
    this.idOrName = idOrName;
  }
}

/** A rule was added whose id or name another rule already has. Code `RULE_DUPLICATE`. */
export class DuplicateRuleError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions) {
    super('RULE_DUPLICATE', message, options);
  }
}

/**
 * A chain of derived events (a rule emitting an event that triggers a rule that emits...) reached
 * the engine's `maxDepth`; the emit was cut. Code `RULE_LOOP`.
 */
export class RuleLoopError extends VmscError {
  /** The depth the next derived event would have had. */
  readonly depth: number;

  constructor(message: string, depth: number, options?: VmscErrorOptions) {
    super('RULE_LOOP', message, options);
    this.depth = depth;
  }
}

/**
 * A queued rule's queue was full. With overflow policy `reject`, `engine.trigger()` rejects with it;
 * every overflow (any policy) is also reported as a bus `error` notice carrying it. Code `RULE_QUEUE_FULL`.
 */
export class RuleQueueFullError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions) {
    super('RULE_QUEUE_FULL', message, options);
  }
}

/**
 * An action of a rule failed: its handler threw, it named an action nobody registered
 * (`ACTION_NOT_REGISTERED`), or the event it built was invalid. Code `RULE_ACTION_FAILED` unless said.
 */
export class RuleActionError extends VmscError {
  /** Where the action sits in the rule, e.g. `actions[2]` or `actions[1].choices[0].actions[0]`. */
  readonly actionPath: string;

  constructor(message: string, actionPath: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'RULE_ACTION_FAILED', message, options);
    this.actionPath = actionPath;
  }
}

/**
 * An action type was registered twice (`engine.registerActionType`, the engine option `actions`, or
 * `ActionRegistry.register`). Code `ACTION_TYPE_DUPLICATE`.
 */
export class DuplicateActionTypeError extends VmscError {
  /** The action type. */
  readonly actionType: string;

  constructor(actionType: string, options?: VmscErrorOptions) {
    super('ACTION_TYPE_DUPLICATE', `an action type "${actionType}" is already registered`, options);
    this.actionType = actionType;
  }
}

/** The engine was closed while a run was waiting (in a queue or a delay). Code `RULE_ENGINE_CLOSED`. */
export class RuleEngineClosedError extends VmscError {
  constructor(message = 'the rule engine was closed', options?: VmscErrorOptions) {
    super('RULE_ENGINE_CLOSED', message, options);
  }
}

/**
 * A waiting run was dropped from its queue without running: `engine.clearQueue()`, or its rule was
 * removed. Code `RULE_RUN_CLEARED`.
 */
export class RuleRunClearedError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions) {
    super('RULE_RUN_CLEARED', message, options);
  }
}

/** No queue of that name: no rule names it. Code `RULE_QUEUE_NOT_FOUND`. */
export class RuleQueueNotFoundError extends NotFoundError {
  /** The name asked for. */
  readonly queue: string;

  constructor(queue: string, options?: VmscErrorOptions) {
    super(`no queue named "${queue}" (a rule with "run": { "mode": "queue", "queue": "${queue}" } creates it)`, {
      ...options,
      code: 'RULE_QUEUE_NOT_FOUND',
    });
    this.queue = queue;
  }
}

registerErrorNames({
  RuleQueueNotFoundError,
  RuleRunClearedError,
  RuleNotFoundError,
  DuplicateRuleError,
  RuleLoopError,
  RuleQueueFullError,
  RuleActionError,
  RuleEngineClosedError,
  DuplicateActionTypeError,
});
