import type { Unsubscribe } from '../bus/event-bus.js';
import { VmscError } from '../errors.js';
import { newEventId } from '../events/create.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { Clock } from '../util/clock.js';
import { reportRejection } from '../util/returned-promise.js';
import type { CommandVerdict } from './command.js';
import type { CompiledRule } from './compiled-rule.js';
import type { CooldownStore } from './cooldowns.js';
import { RuleEngineClosedError, RuleQueueFullError, RuleRunClearedError } from './errors.js';
import type { Scope } from './path.js';
import type { PushVerdict, RunQueue } from './queue.js';
import type { ActionRecord, RuleRunResult, RunCause, RunHandler, RunOutcome } from './run.js';
import { asActionError, runSteps, type ActionHost, type RunContext } from './run-actions.js';

type CommandRefusal = Extract<CommandVerdict, { kind: 'forbidden' | 'usage' }>;

/** What the runner needs from its engine. */
export interface RunnerParts {
  clock: Clock;
  cooldowns: CooldownStore;
  host: ActionHost;
  /** The scope a rule's actions see for an event. */
  scope(compiled: CompiledRule, event: StreamEvent | undefined, command?: Scope['command']): Scope;
  /** Reports an error as a bus `error` notice. */
  notify(error: VmscError): void;
  /** Called when a run's actions are about to start (a timer resets its chat count). */
  started?(compiled: CompiledRule): void;
}

/** How a run is started. */
export interface StartOptions {
  /** Check and start the rule's cooldowns. */
  cooldowns: boolean;
}

/**
 * Starts, queues, executes and reports runs: the part of the engine between "this rule should run
 * for this event" and the {@link RuleRunResult} on `onRun`.
 *
 * Cooldowns are checked when a run is offered (a blocked run ends `cooldown` at once) and again when
 * it actually starts, which is also when they start: a run dropped or rejected by its queue does not
 * use a cooldown up, and a queued run whose cooldown another run started meanwhile ends `cooldown`.
 */
export class RuleRunner {
  readonly #parts: RunnerParts;
  readonly #handlers = new Set<RunHandler>();
  readonly #idleWaiters: Array<() => void> = [];
  #pending = 0;
  #closed = false;

  constructor(parts: RunnerParts) {
    this.#parts = parts;
  }

  /** Subscribes to run reports. */
  onRun(handler: RunHandler): Unsubscribe {
    this.#handlers.add(handler);
    return () => {
      this.#handlers.delete(handler);
    };
  }

  /** Resolves when no run is waiting or running. */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** New runs end `dropped` (`RULE_ENGINE_CLOSED`) from now on. */
  close(): void {
    this.#closed = true;
  }

  /** Offers a run of `compiled` for `event`; resolves with its report when it ends. */
  start(
    compiled: CompiledRule,
    event: StreamEvent | undefined,
    cause: RunCause,
    depth: number,
    options: StartOptions,
  ): Promise<RuleRunResult> {
    const startedAt = this.#parts.clock.now();
    const { rule } = compiled;
    const finish = (outcome: RunOutcome, extra: Partial<RuleRunResult> = {}) =>
      this.report({ ...this.result(compiled, event, cause, depth, startedAt, outcome, []), ...extra });
    if (this.#closed) return Promise.resolve(finish('dropped', { error: new RuleEngineClosedError() }));
    if (!rule.enabled) return Promise.resolve(finish('disabled'));
    const blocked = () => (options.cooldowns ? this.#parts.cooldowns.blocks(rule.id, compiled.rule.cooldown, event)[0] : undefined);
    const block = blocked();
    if (block) return Promise.resolve(finish('cooldown', { cooldown: block }));
    const runId = newEventId();
    const begin = (): Promise<RuleRunResult> => {
      const late = blocked();
      if (late) return Promise.resolve(finish('cooldown', { runId, cooldown: late }));
      if (options.cooldowns) this.#parts.cooldowns.start(rule.id, compiled.rule.cooldown, event);
      this.#parts.started?.(compiled);
      return this.#execute(compiled, event, cause, depth, startedAt, runId);
    };
    const queue = compiled.queue;
    if (!queue) return this.tracked(begin());
    return this.tracked(this.#enqueue(queue, compiled, begin, (outcome, extra) => finish(outcome, { runId, ...extra })));
  }

  #enqueue(
    queue: RunQueue,
    compiled: CompiledRule,
    begin: () => Promise<RuleRunResult>,
    finish: (outcome: RunOutcome, extra: Partial<RuleRunResult>) => RuleRunResult,
  ): Promise<RuleRunResult> {
    const { rule } = compiled;
    const where = `the queue "${queue.name}"`;
    return new Promise<RuleRunResult>((resolve, reject) => {
      const verdict: PushVerdict = queue.push({
        ruleId: rule.id,
        priority: rule.run.mode === 'queue' ? (rule.run.priority ?? 'normal') : 'normal',
        start: () => begin().then(resolve),
        drop: (reason) => {
          const error =
            reason === 'closed'
              ? new RuleEngineClosedError(`the run of "${rule.name}" was dropped from ${where}: the engine closed`)
              : reason === 'cleared'
                ? new RuleRunClearedError(`the run of "${rule.name}" was dropped from ${where} (queue cleared or rule removed)`)
                : new RuleQueueFullError(`${where} was full (${queue.maxLength} waiting): dropped this waiting run of "${rule.name}"`);
          resolve(finish('dropped', { error }));
        },
      });
      if (verdict === 'dropped-oldest' || verdict === 'displaced') {
        const which = verdict === 'displaced' ? 'the newest lower-priority waiting run' : 'the oldest waiting run';
        this.#parts.notify(new RuleQueueFullError(`${where} was full (${queue.maxLength} waiting): dropped ${which} for "${rule.name}"`));
      } else if (verdict === 'dropped-newest') {
        const error = new RuleQueueFullError(`${where} was full (${queue.maxLength} waiting): dropped the new run of "${rule.name}"`);
        this.#parts.notify(error);
        resolve(finish('dropped', { error }));
      } else if (verdict === 'rejected') {
        const error = new RuleQueueFullError(`${where} is full (${queue.maxLength} waiting): run of "${rule.name}" rejected`);
        this.#parts.notify(error);
        finish('rejected', { error });
        reject(error);
      }
    });
  }

  /** Reports a command run refused for permission (`forbidden`) or usage (`usage`, running `onUsage`). */
  commandRefused(compiled: CompiledRule, event: StreamEvent, depth: number, verdict: CommandRefusal): void {
    const startedAt = this.#parts.clock.now();
    const result = this.result(compiled, event, 'event', depth, startedAt, verdict.kind, []);
    if (verdict.kind === 'forbidden') {
      result.permission = verdict.permission;
      this.report(result);
      return;
    }
    result.usage = verdict.usage;
    if (!compiled.usageActions) {
      this.report(result);
      return;
    }
    const context: RunContext = {
      scope: this.#parts.scope(compiled, event, verdict.scope),
      depth,
      runId: result.runId,
      records: result.actions,
      host: this.#parts.host,
      chain: [compiled.ref],
    };
    const run = runSteps(compiled.usageActions, context).then(
      () => undefined,
      (caught: unknown) => {
        result.error = asActionError(caught, 'onUsage');
        this.#parts.notify(result.error);
      },
    );
    void this.tracked(
      run.then(() => {
        result.durationMs = this.#parts.clock.now() - startedAt;
        this.report(result);
      }),
    );
  }

  /** Counts `promise` as pending until it settles (see {@link idle}). */
  tracked<T>(promise: Promise<T>): Promise<T> {
    this.#pending++;
    const done = () => {
      this.#pending--;
      if (this.#pending === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    };
    promise.then(done, done);
    return promise;
  }

  async #execute(
    compiled: CompiledRule,
    event: StreamEvent | undefined,
    cause: RunCause,
    depth: number,
    startedAt: number,
    runId: string,
  ): Promise<RuleRunResult> {
    const records: ActionRecord[] = [];
    const scope = this.#parts.scope(compiled, event);
    const context: RunContext = { scope, depth, runId, records, host: this.#parts.host, chain: [compiled.ref] };
    let error: VmscError | undefined;
    try {
      await runSteps(compiled.actions, context);
    } catch (caught) {
      error = asActionError(caught, 'actions');
    }
    const result = this.result(compiled, event, cause, depth, startedAt, error ? 'failed' : 'completed', records);
    result.runId = runId;
    if (error) {
      result.error = error;
      this.#parts.notify(error);
    }
    return this.report(result);
  }

  /** A run report (not yet published). */
  result(
    compiled: CompiledRule,
    event: StreamEvent | undefined,
    cause: RunCause,
    depth: number,
    startedAt: number,
    outcome: RunOutcome,
    actions: ActionRecord[],
  ): RuleRunResult {
    const result: RuleRunResult = {
      runId: newEventId(),
      rule: compiled.ref,
      cause,
      depth,
      outcome,
      startedAt,
      durationMs: this.#parts.clock.now() - startedAt,
      actions,
    };
    if (event) result.event = event;
    return result;
  }

  /** Publishes a report to every `onRun` handler (a handler's throw or rejection is a notice). */
  report(result: RuleRunResult): RuleRunResult {
    const failed = (how: string) => (error: unknown) =>
      this.#parts.notify(
        new VmscError('RUN_HANDLER_FAILED', `an onRun handler ${how}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        }),
      );
    for (const handler of this.#handlers) {
      try {
        reportRejection(handler(result), failed('rejected'));
      } catch (error) {
        failed('threw')(error);
      }
    }
    return result;
  }
}
