import { commandMatches, compileCommand, type CompiledCommand } from './command.js';
import { compileCondition, type Predicate } from './conditions.js';
import type { RunQueue } from './queue.js';
import type { QueueRegistry } from './queues.js';
import type { Rule } from './rule-schema.js';
import { compileActions, type ActionRegistry } from './registry.js';
import type { CompiledAction } from './run-actions.js';
import type { StreamEvent } from '../events/stream-event.js';

/** A rule prepared for running: conditions and actions compiled, its queue if it has one. */
export interface CompiledRule {
  /** The current rule (replaced, not mutated, by `setEnabled`). */
  rule: Rule;
  readonly order: number;
  readonly ref: { readonly id: string; readonly name: string };
  readonly trigger: Rule['trigger'];
  readonly conditions: Rule['conditions'];
  readonly predicate: Predicate | undefined;
  readonly actions: CompiledAction[];
  /** Its queue (its own, or a named one it shares), in queue mode. */
  readonly queue: RunQueue | undefined;
  /** A command trigger, compiled (absent for event triggers). */
  readonly command?: CompiledCommand;
  /** The `onUsage` actions, compiled. */
  readonly usageActions?: CompiledAction[];
}

/** Compiles a validated rule, its actions through `registry`, its queue from `queues`. */
export function compileRule(rule: Rule, order: number, registry: ActionRegistry, queues: QueueRegistry): CompiledRule {
  return {
    rule,
    order,
    ref: Object.freeze({ id: rule.id, name: rule.name }),
    trigger: rule.trigger,
    conditions: rule.conditions,
    predicate: rule.conditions ? compileCondition(rule.conditions) : undefined,
    actions: compileActions(registry, rule.actions, 'actions', rule.id),
    queue: queues.queueOf(rule),
    ...commandParts(rule, registry),
  };
}

function commandParts(rule: Rule, registry: ActionRegistry): Pick<CompiledRule, 'command' | 'usageActions'> {
  const command = compileCommand(rule.trigger);
  if (!command) return {};
  return rule.onUsage ? { command, usageActions: compileActions(registry, rule.onUsage, 'onUsage', rule.id) } : { command };
}

/** Whether the rule's trigger accepts the event (a rule without trigger accepts none). */
export function triggerMatches(rule: Rule, event: StreamEvent): boolean {
  const trigger = rule.trigger;
  if (!trigger || trigger.timer !== undefined) return false;
  if (trigger.command !== undefined) return commandMatches(trigger, event);
  return (
    (trigger.types === undefined || trigger.types.includes(event.type)) &&
    (trigger.sources === undefined || trigger.sources.includes(event.source))
  );
}
