import type { StreamEvent } from '../events/stream-event.js';
import { explainCommand, type CommandExplanation } from './command.js';
import { traceCondition, type ConditionTrace } from './conditions.js';
import { triggerMatches, type CompiledRule } from './compiled-rule.js';
import type { CooldownBlock, CooldownStore } from './cooldowns.js';
import type { Scope } from './path.js';
import { depthOf } from './run.js';
import type { ActionHost, ActionPreview } from './run-actions.js';
import type { TimerSkip, TimerState } from './timers.js';

/**
 * What `engine.explain(rule, event)` answers, computed without side effects (no action runs, no
 * cooldown starts, no random memory changes).
 */
export interface RuleExplanation {
  rule: { id: string; name: string };
  /** Whether an event like this one, published now, would run the rule's actions. */
  wouldRun: boolean;
  enabled: boolean;
  trigger: {
    matched: boolean;
    /** The trigger's types and sources (`undefined` = any); `manualOnly` when the rule has no trigger. */
    types?: readonly string[];
    sources?: readonly string[];
    manualOnly: boolean;
  };
  /** For a command rule: whether the event is the command, its arguments, the permission check and the argument check. */
  command?: CommandExplanation;
  /** Every condition's value and result (absent when the rule has none, which passes). */
  conditions?: ConditionTrace;
  conditionsPassed: boolean;
  /** The cooldowns that would block it now (empty: none). */
  cooldowns: CooldownBlock[];
  /** For a queued rule: how many runs wait, and what a new one would meet. */
  queue?: {
    /** The queue's name: the shared name (`run.queue`), or `rule:<rule name>` for the rule's own. */
    name: string;
    waiting: number;
    maxLength: number;
    running: boolean;
    paused: boolean;
    overflow: string;
    full: boolean;
  };
  /** For a timer rule: its period, next due time, chat count, live state and why it last did not run. */
  timer?: TimerState;
  /** What each action would do with this event (templates rendered, values as of now). */
  actions: ActionPreview[];
  /** The reasons, in words, why it would not run (empty when it would). */
  reasons: string[];
}

/** Why a timer rule would not run when next due (empty: it would, in `nextAt - now` ms). */
function timerReasons(state: TimerState, blocker: TimerSkip | undefined): string[] {
  if (blocker === 'not-live') return [`a timer: it runs only while "${state.whileLive}" is live, and it is not`];
  if (blocker === 'too-few-chat-messages') {
    return [`a timer: ${state.chatMessages} chat message(s) since it last ran, it needs ${state.minChatMessages}`];
  }
  return [];
}

/** Builds the explanation of one rule for one event (for a timer rule: for its next due time). */
export function explainRule(
  compiled: CompiledRule,
  event: StreamEvent,
  scope: Scope,
  cooldowns: CooldownStore,
  host: ActionHost,
  timer?: { state: TimerState; blocker: TimerSkip | undefined },
): RuleExplanation {
  const { rule } = compiled;
  const reasons: string[] = [];
  if (!rule.enabled) reasons.push('the rule is disabled');
  const matched = triggerMatches(rule, event);
  const command = compiled.command && rule.trigger && explainCommand(rule.trigger, compiled.command, event);
  if (!rule.trigger) reasons.push('the rule has no trigger: it only runs through engine.trigger()');
  else if (timer) reasons.push(...timerReasons(timer.state, timer.blocker));
  else if (command) reasons.push(...command.reasons);
  else if (!matched) {
    reasons.push(
      `the trigger does not match ${event.source} "${event.type}" (types: ${rule.trigger.types?.join(', ') ?? 'any'}; sources: ${rule.trigger.sources?.join(', ') ?? 'any'})`,
    );
  }
  const trace = rule.conditions ? traceCondition(rule.conditions, scope) : undefined;
  const conditionsPassed = trace ? trace.result : true;
  if (!conditionsPassed) reasons.push('the conditions do not hold (see conditions)');
  const blocks = cooldowns.blocks(rule.id, rule.cooldown, event);
  for (const block of blocks) reasons.push(`the ${block.kind} cooldown (${block.key}) blocks it for ${block.remainingMs} ms more`);
  const queue = compiled.queue;
  const full = queue !== undefined && (queue.busy || queue.paused) && queue.length >= queue.maxLength;
  if (queue && full && queue.overflow !== 'drop-oldest') {
    reasons.push(`the queue is full (${queue.length} waiting) and its overflow policy "${queue.overflow}" would turn the run away`);
  }
  const depth = depthOf(event);
  if (depth > host.maxDepth) reasons.push(`the event's derived depth ${depth} is past maxDepth ${host.maxDepth}`);
  const explanation: RuleExplanation = {
    rule: compiled.ref,
    wouldRun: reasons.length === 0,
    enabled: rule.enabled,
    trigger: {
      matched,
      manualOnly: !rule.trigger,
      ...(rule.trigger?.types ? { types: rule.trigger.types } : {}),
      ...(rule.trigger?.sources ? { sources: rule.trigger.sources } : {}),
    },
    conditionsPassed,
    cooldowns: blocks,
    actions: compiled.actions.map((action) => action.preview({ scope, host, depth, chain: [compiled.ref] })),
    reasons,
  };
  if (trace) explanation.conditions = trace;
  if (command) explanation.command = command;
  if (timer) explanation.timer = timer.state;
  if (queue) {
    const { name, waiting, maxLength, running, paused, overflow } = queue.status();
    explanation.queue = { name, waiting, maxLength, running, paused, overflow, full };
  }
  return explanation;
}
