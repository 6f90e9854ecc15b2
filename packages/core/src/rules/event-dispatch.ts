import type { EventBus } from '../bus/event-bus.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { CompiledRule } from './compiled-rule.js';
import type { EngineMemory } from './engine-memory.js';
import { RuleLoopError } from './errors.js';
import type { LiveTracker } from './live.js';
import type { Scope } from './path.js';
import type { RuleRunner } from './rule-runner.js';
import type { RuleSet } from './rule-set.js';
import { depthOf } from './run.js';
import type { TimerScheduler } from './timers.js';

/** What the dispatcher works with: the engine's parts. */
export interface DispatchParts {
  bus: EventBus;
  rules: RuleSet;
  runner: RuleRunner;
  memory: EngineMemory;
  live: LiveTracker;
  scheduler: TimerScheduler;
  maxDepth: number;
}

/**
 * From a bus event to the runs it starts: cuts events past `maxDepth`, lets the live tracker, the
 * timers' chat counts and the viewer store learn from platform events (depth 0), then finds the
 * candidate rules through the trigger index and starts each whose command and conditions accept it.
 */
export class EventDispatcher {
  readonly #parts: DispatchParts;

  constructor(parts: DispatchParts) {
    this.#parts = parts;
  }

  /** The scope a rule sees for an event (its command parsed, the viewer's variables). */
  scope(compiled: CompiledRule, event: StreamEvent | undefined, command = event && compiled.command?.scope(event)): Scope {
    const { memory } = this.#parts;
    const scope: Scope = { event, vars: memory.variables.values, rule: compiled.ref };
    if (command) scope.command = command;
    const userVars = memory.viewers.varsOf(event);
    if (userVars) scope.userVars = userVars;
    return scope;
  }

  /** Handles one bus event. */
  dispatch(event: StreamEvent): void {
    const { bus, rules, runner, memory, live, scheduler, maxDepth } = this.#parts;
    const depth = depthOf(event);
    if (depth > maxDepth) {
      const message = `event ${event.id} has derived depth ${depth}, past maxDepth ${maxDepth}: no rule ran for it`;
      bus.notify({ kind: 'error', origin: 'rule-engine', error: new RuleLoopError(message, depth) });
      return;
    }
    if (depth === 0) {
      live.event(event);
      scheduler.chat(event);
    }
    const viewer = depth === 0 ? memory.viewers.seen(event) : undefined;
    const scope: Scope = { event, vars: memory.variables.values, rule: { id: '', name: '' } };
    const userVars = viewer?.vars ?? memory.viewers.varsOf(event);
    if (userVars) scope.userVars = userVars;
    for (const compiled of rules.index.candidates(event, scope)) {
      if (!compiled.rule.enabled) continue;
      scope.rule = compiled.ref;
      if (compiled.command) {
        const verdict = compiled.command.check(event);
        if (verdict.kind === 'no-match') continue;
        if (verdict.kind !== 'ok') {
          runner.commandRefused(compiled, event, depth, verdict);
          continue;
        }
        scope.command = verdict.scope;
      } else delete scope.command;
      if (compiled.predicate && !compiled.predicate(scope)) continue;
      // Rejections (queue policy `reject`) are already reported as notices and on the run channel.
      runner.start(compiled, event, 'event', depth, { cooldowns: true }).catch(() => undefined);
    }
  }
}
