import type { EventBus, Unsubscribe } from '../bus/event-bus.js';
import { ValidationError, VmscError } from '../errors.js';
import type { StreamEvent } from '../events/stream-event.js';
import { systemClock, type Clock } from '../util/clock.js';
import type { CompiledRule } from './compiled-rule.js';
import { RuleEngineClosedError, RuleNotFoundError, RuleQueueNotFoundError } from './errors.js';
import { explainRule, type RuleExplanation } from './explain.js';
import { jsonValueSchema, type JsonValue } from './json.js';
import type { Scope } from './path.js';
import type { ActionDefinition } from './definition.js';
import { unknownRuleReferences } from './references.js';
import { ActionRegistry } from './registry.js';
import { chatTargetsOf, replyAction, replyProblems, type ReplyConnectors } from './builtin-reply.js';
import { defaultLogger, type RuleEngineOptions, type RuleLogger, type TriggerOptions } from './engine-options.js';
import { ruleSchemaOf, type Rule, type RuleInput } from './rule-schema.js';
import type { QueueStatus } from './queue.js';
import { QueueRegistry, queueProblems, recordQueueSettings, type QueueSettings } from './queues.js';
import { depthOf, type RuleRunResult, type RunHandler } from './run.js';
import type { ActionHandler, ActionHost } from './run-actions.js';
import { RuleRunner } from './rule-runner.js';
import { EventDispatcher } from './event-dispatch.js';
import { RuleSet } from './rule-set.js';
import type { RuleEngineState } from './state.js';
import { EngineMemory } from './engine-memory.js';
import { toIssues, validateRules, type ValidateRulesResult } from './validate.js';
import type { LeaderboardEntry, SavedViewer } from './viewers.js';
import { LiveTracker } from './live.js';
import { timerEvent, TimerScheduler } from './timers.js';

/**
 * The rule engine: runs JSON rules (trigger → conditions → cooldowns → ordered actions) for the events
 * of a bus, explains its decisions, and reports every run.
 *
 * - Matching is indexed by trigger (source × type) and by a required `path == constant` condition,
 *   so rules that cannot match an event cost (almost) nothing.
 * - Runs of one rule overlap (`run.mode: "concurrent"`, the default) or wait in a bounded queue with an
 *   overflow policy; every overflow is reported.
 * - Cooldowns (global, per user by stable `user.id`, shared group), variables/counters and weighted
 *   no-repeat memory are saved and restored with {@link getState} / {@link loadState}.
 * - Derived events (`emit`) carry `meta.ruleDepth`; chains are cut at `maxDepth` and reported.
 * - Command triggers (`{ command: '!dice' }`) match chat messages by their first word (indexed), expose
 *   `args.*` and check a permission per platform (`forbidden`) and an argument pattern (`usage`, `onUsage`).
 * - Every run ends in a {@link RuleRunResult} on {@link onRun}; failed runs are also bus `error` notices.
 * - Every action is dispatched through the engine's {@link actionRegistry}: the built-ins, plus the types an
 *   application registers ({@link registerActionType}, option `actions`); each action's outcome is in the run report.
 *
 * @example
 * ```ts
 * const engine = new RuleEngine({ bus });
 * engine.registerAction('playSound', ({ file }) => player.play(String(file)));
 * engine.addRule({
 *   id: crypto.randomUUID(),
 *   name: 'Rose streak',
 *   trigger: { types: ['gift'], sources: ['tiktok'] },
 *   conditions: { all: [{ path: 'data.giftName', op: '==', value: 'Rose' }, { path: 'data.repeatEnd', op: '==', value: true }] },
 *   cooldown: { perUserMs: 5_000 },
 *   actions: [{ type: 'call', action: 'playSound', params: { file: 'rose.mp3' } }],
 * });
 * engine.onRun((run) => console.log(run.rule.name, run.outcome, run.durationMs));
 * ```
 */
export class RuleEngine {
  readonly #bus: EventBus;
  readonly #clock: Clock;
  readonly #registry = new ActionRegistry();
  readonly #queues = new QueueRegistry();
  readonly #rules = new RuleSet(this.#registry, this.#queues);
  readonly #handlers = new Map<string, ActionHandler>();
  readonly #queueSettingsByName = new Map<string, QueueSettings>();
  readonly #memory: EngineMemory;
  readonly #delays = new Map<unknown, (error: Error) => void>();
  readonly #live = new LiveTracker();
  readonly #scheduler: TimerScheduler;
  readonly #host: ActionHost;
  readonly #runner: RuleRunner;
  readonly #dispatcher: EventDispatcher;
  readonly #logger: RuleLogger;
  readonly #unsubscribe: Unsubscribe | undefined;
  readonly #unsubscribeStatus: Unsubscribe | undefined;
  readonly #connectors: ReplyConnectors | undefined;
  #closed = false;

  constructor(options: RuleEngineOptions) {
    this.#bus = options.bus;
    this.#clock = options.clock ?? systemClock;
    this.#memory = new EngineMemory({
      clock: this.#clock,
      random: options.random,
      maxViewers: options.maxViewers,
      evicted: (notice) => this.#bus.notify(notice),
    });
    this.#logger = options.logger ?? defaultLogger;
    const maxDepth = Math.max(0, Math.floor(options.maxDepth ?? 8));
    this.#host = {
      handler: (name) => this.#handlers.get(name),
      findRule: (idOrName) => {
        const compiled = this.#rules.find(idOrName);
        return compiled && { ref: compiled.ref, enabled: compiled.rule.enabled, actions: compiled.actions };
      },
      closed: () => this.#closed,
      publish: (event) => {
        this.#bus.publish(event);
      },
      log: (level, message, context) => this.#logger(level, message, context),
      delay: (ms) => this.#delay(ms),
      getVariable: (name) => this.#memory.variables.get(name),
      setVariable: (name, value) => this.#memory.variables.set(name, value),
      viewerVars: (event) => (event ? this.#memory.viewers.recordOf(event)?.vars : undefined),
      viewers: this.#memory.viewers,
      now: () => this.#clock.now(),
      choose: (key, weights, noRepeat) => this.#memory.chooser.pick(key, weights, noRepeat),
      available: (key, count, noRepeat) => this.#memory.chooser.available(key, count, noRepeat),
      maxDepth,
      derivedSource: options.derivedSource ?? 'rules',
    };
    this.#runner = new RuleRunner({
      clock: this.#clock,
      cooldowns: this.#memory.cooldowns,
      host: this.#host,
      scope: (compiled, event, command) => this.#scope(compiled, event, command),
      notify: (error) => this.#notify(error),
      started: (compiled) => this.#scheduler.started(compiled),
    });
    this.#scheduler = new TimerScheduler({
      clock: this.#clock,
      random: options.random ?? Math.random,
      isLive: (name) => this.#live.isLive(name),
      fire: (compiled, chatMessages) => this.#fireTimer(compiled, chatMessages),
    });
    this.#dispatcher = new EventDispatcher({
      bus: this.#bus,
      rules: this.#rules,
      runner: this.#runner,
      memory: this.#memory,
      live: this.#live,
      scheduler: this.#scheduler,
      maxDepth,
    });
    this.#connectors = options.connectors;
    if (this.#connectors !== undefined) this.#registry.register(replyAction(this.#connectors));
    for (const definition of options.actions ?? []) this.#registry.register(definition);
    if (options.rules) this.addRules(options.rules);
    const listen = options.listen !== false;
    this.#unsubscribe = listen ? this.#bus.onAny((event) => this.#onEvent(event)) : undefined;
    this.#unsubscribeStatus = listen ? this.#bus.onNotice('status', (notice) => this.#live.status(notice)) : undefined;
  }

  // ---------------------------------------------------------------- rules

  /**
   * Validates and adds a rule; returns it with defaults filled in (frozen, like every rule the engine returns).
   *
   * Its actions are checked against the action types registered now (an unknown `type` is an issue
   * at its path), its `runRule` actions must name a rule the engine has (or itself), and a named
   * queue's `maxLength` / `overflow` must agree with what other rules gave it.
   *
   * @throws {@link ValidationError} naming every problem by path (`conditions.all[0].op`).
   * @throws {@link DuplicateRuleError} when another rule has the same id or name.
   */
  addRule(rule: RuleInput): Rule {
    const parsed = ruleSchemaOf(this.#registry).safeParse(rule);
    if (!parsed.success) throw new ValidationError('invalid rule', toIssues(parsed.error));
    const self = parsed.data;
    const issues = unknownRuleReferences(self, (ref) => ref === self.id || ref === self.name || this.#rules.find(ref) !== undefined, []);
    const chat = this.#chatTargets();
    if (chat) issues.push(...replyProblems(self, new Set(chat.chatSources), new Set(chat.chatConnectors), []));
    issues.push(...queueProblems([{ rule: self, path: [] }], this.#queueSettings()));
    if (issues.length > 0) throw new ValidationError('invalid rule', issues);
    this.#rules.checkUnique(self);
    return this.#insert(self);
  }

  /**
   * Validates a list of rules (or `{ rules: [...] }`) and adds them all, or none: every problem of
   * every rule is named in the thrown {@link ValidationError}.
   */
  addRules(rules: unknown): Rule[] {
    const result = this.validateRules(rules);
    if (!result.ok) throw new ValidationError('invalid rules', result.issues);
    for (const rule of result.rules) this.#rules.checkUnique(rule);
    return result.rules.map((rule) => this.#insert(rule));
  }

  /**
   * Validates rules (a list, or `{ rules: [...] }`) like {@link validateRules}, against this engine:
   * its registered action types, its rules as targets of `runRule`, and the settings its rules gave
   * their named queues. Adds nothing.
   */
  validateRules(rules: unknown): ValidateRulesResult {
    return validateRules(rules, {
      actions: this.#registry,
      knownRules: this.#rules.names(),
      knownQueues: this.#queueSettings(),
      ...this.#chatTargets(),
    });
  }

  /** The sources and connector ids that can send chat, when the engine was given its connectors. */
  #chatTargets(): { chatSources: string[]; chatConnectors: string[] } | undefined {
    return this.#connectors === undefined ? undefined : chatTargetsOf(this.#connectors);
  }

  /** A copy of the settings the engine's rules gave their named queues. */
  #queueSettings(): Map<string, QueueSettings> {
    return new Map(this.#queueSettingsByName);
  }

  #insert(rule: Rule): Rule {
    const compiled = this.#rules.insert(rule);
    recordQueueSettings(this.#queueSettingsByName, compiled.rule);
    this.#scheduler.add(compiled);
    return compiled.rule;
  }

  /**
   * Removes a rule (by id or name). Its waiting queued runs are dropped (`RULE_RUN_CLEARED`); a
   * running one finishes. Returns whether a rule was removed.
   */
  removeRule(idOrName: string): boolean {
    const compiled = this.#rules.remove(idOrName);
    if (!compiled) return false;
    this.#scheduler.remove(compiled);
    compiled.queue?.clear((entry) => entry.ruleId === compiled.rule.id);
    // The settings a removed rule gave its named queue no longer bind the rules added later (a reload).
    this.#queueSettingsByName.clear();
    for (const remaining of this.#rules.values()) recordQueueSettings(this.#queueSettingsByName, remaining.rule);
    return true;
  }

  /**
   * Enables or disables a rule at run time; returns the updated rule.
   *
   * @throws {@link RuleNotFoundError} for an unknown id or name.
   */
  setEnabled(idOrName: string, enabled: boolean): Rule {
    const compiled = this.#rules.require(idOrName);
    this.#rules.setEnabled(compiled, enabled);
    return compiled.rule;
  }

  /** One rule, by id or name (frozen). */
  getRule(idOrName: string): Rule | undefined {
    return this.#rules.find(idOrName)?.rule;
  }

  /**
   * Every rule, in the order they were added: a frozen snapshot, cached until a rule is added, removed,
   * enabled or disabled (cheap to call per request, e.g. by the custom WS server).
   */
  listRules(): readonly Rule[] {
    return this.#rules.list();
  }

  // ---------------------------------------------------------------- queues

  /** The state of every named queue (`run.queue`), in the order rules created them. */
  queues(): QueueStatus[] {
    return this.#queues.statuses();
  }

  /**
   * Pauses a named queue: runs keep queueing (bounded as usual) but none starts until
   * {@link resumeQueue}; the running one finishes.
   *
   * @throws {@link RuleQueueNotFoundError} when no rule names the queue.
   */
  pauseQueue(name: string): QueueStatus {
    const queue = this.#queue(name);
    queue.pause();
    return queue.status();
  }

  /** Resumes a paused named queue. @throws {@link RuleQueueNotFoundError} when no rule names it. */
  resumeQueue(name: string): QueueStatus {
    const queue = this.#queue(name);
    queue.resume();
    return queue.status();
  }

  /**
   * Drops every run waiting in a named queue (each reported `dropped` with `RULE_RUN_CLEARED`; the
   * running one finishes) and returns how many were dropped.
   *
   * @throws {@link RuleQueueNotFoundError} when no rule names the queue.
   */
  clearQueue(name: string): number {
    return this.#queue(name).clear();
  }

  #queue(name: string) {
    const queue = this.#queues.get(name);
    if (!queue) throw new RuleQueueNotFoundError(name);
    return queue;
  }

  // ---------------------------------------------------------------- actions and runs

  /**
   * Registers the handler that `{ "type": "call", "action": name }` actions invoke (replacing any
   * earlier one of that name). Returns a function that unregisters it.
   */
  registerAction(name: string, handler: ActionHandler): Unsubscribe {
    this.#handlers.set(name, handler);
    return () => {
      if (this.#handlers.get(name) === handler) this.#handlers.delete(name);
    };
  }

  /**
   * Registers an action type (build it with `defineAction`): rules added **afterwards** may use
   * `{ "type": definition.type, ... }`, validated with its schema (every problem by path). Rules are
   * checked when they are added, so register every type first (or pass them as the `actions`
   * option); a type cannot be unregistered or replaced.
   *
   * @throws {@link DuplicateActionTypeError} when the type is already registered (built-ins included).
   * @throws {@link ValidationError} when the definition is malformed.
   */
  registerActionType(definition: ActionDefinition): void {
    this.#registry.register(definition);
  }

  /** The engine's action types (built-ins and registered ones): pass it to `validateRules(input, { actions })`. */
  get actionRegistry(): ActionRegistry {
    return this.#registry;
  }

  /**
   * Subscribes to run reports: one {@link RuleRunResult} per run, when it ends (completed, failed,
   * blocked by a cooldown, dropped...). Returns the unsubscribe function.
   */
  onRun(handler: RunHandler): Unsubscribe {
    return this.#runner.onRun(handler);
  }

  /**
   * Fires a rule directly (the custom WS server's `triggerRule`), by id or name, optionally for an
   * event: the trigger is not checked and, unless asked, neither are the conditions nor the
   * cooldowns. Resolves with the run's result when it ends (`outcome` says how).
   *
   * @throws (rejects with) {@link RuleNotFoundError} (`RULE_NOT_FOUND`) for an unknown id or name,
   * {@link RuleQueueFullError} when the rule's full queue has the `reject` policy.
   */
  trigger(idOrName: string, event?: StreamEvent, options: TriggerOptions = {}): Promise<RuleRunResult> {
    const compiled = this.#rules.find(idOrName);
    if (!compiled) return Promise.reject(new RuleNotFoundError(idOrName));
    const depth = depthOf(event);
    if (options.checkConditions && compiled.predicate && !compiled.predicate(this.#scope(compiled, event))) {
      const result = this.#runner.result(compiled, event, 'trigger', depth, this.#clock.now(), 'conditions-not-met', []);
      return Promise.resolve(this.#runner.report(result));
    }
    return this.#runner.start(compiled, event, 'trigger', depth, { cooldowns: options.applyCooldowns === true });
  }

  /**
   * Explains, without side effects, what the rule would do for this event: whether the trigger
   * matches, each condition's value and result, which cooldown would block, which actions would run.
   *
   * @throws {@link RuleNotFoundError} for an unknown id or name.
   */
  explain(idOrName: string, event: StreamEvent): RuleExplanation {
    const compiled = this.#rules.require(idOrName);
    const timer = this.#scheduler.state(compiled);
    return explainRule(
      compiled,
      event,
      this.#scope(compiled, event),
      this.#memory.cooldowns,
      this.#host,
      timer && { state: timer, blocker: this.#scheduler.blocker(compiled) },
    );
  }

  /** Resolves when no run is waiting or running. */
  idle(): Promise<void> {
    return this.#runner.idle();
  }

  #scope(compiled: CompiledRule, event: StreamEvent | undefined, command?: Scope['command']): Scope {
    return command === undefined ? this.#dispatcher.scope(compiled, event) : this.#dispatcher.scope(compiled, event, command);
  }

  #onEvent(event: StreamEvent): void {
    if (!this.#closed) this.#dispatcher.dispatch(event);
  }

  /** A timer is due and may run: its run's event is a system event of the derived source. */
  #fireTimer(compiled: CompiledRule, chatMessages: number): void {
    const event = timerEvent(this.#host.derivedSource, compiled.rule.name, chatMessages);
    this.#runner.start(compiled, event, 'timer', 0, { cooldowns: true }).catch(() => undefined);
  }

  /**
   * Whether a connector id or source is live, as timers' `whileLive` sees it: its last
   * `stream_online` / `stream_offline`, or for a platform without those events (TikTok, YouTube)
   * whether its connector is connected, or what {@link setLive} said last.
   */
  isLive(name: string): boolean {
    return this.#live.isLive(name);
  }

  /** Says whether a connector id or source is live (until its next stream event or status change). */
  setLive(name: string, live: boolean): void {
    this.#live.set(name, live);
  }

  #notify(error: VmscError): void {
    this.#bus.notify({ kind: 'error', origin: 'rule-engine', error });
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const handle = this.#clock.setTimeout(() => {
        this.#delays.delete(handle);
        resolve();
      }, ms);
      this.#delays.set(handle, reject);
    });
  }

  // ---------------------------------------------------------------- state

  /** A variable or counter (`undefined` when unset). */
  getVariable(name: string): JsonValue | undefined {
    return this.#memory.variables.get(name);
  }

  /**
   * Sets a variable (rules read it as `vars.<name>`); `undefined` deletes it.
   *
   * @throws {@link ValidationError} when the value is not JSON.
   */
  setVariable(name: string, value: JsonValue | undefined): void {
    if (value === undefined) {
      this.#memory.variables.delete(name);
      return;
    }
    const parsed = jsonValueSchema().safeParse(value);
    if (!parsed.success) throw new ValidationError(`invalid value for variable "${name}"`, toIssues(parsed.error));
    this.#memory.variables.set(name, parsed.data);
  }

  /**
   * Clears the cooldowns of one rule (by id or name: its global and per-user cooldowns, not a group it
   * shares with other rules) and its no-repeat memory (`random` actions start afresh); without an
   * argument, every cooldown (groups too) and all no-repeat memory.
   *
   * @throws {@link RuleNotFoundError} for an unknown id or name.
   */
  resetCooldowns(idOrName?: string): void {
    this.#memory.reset(idOrName === undefined ? undefined : this.#rules.require(idOrName).rule.id);
  }

  /**
   * A viewer the engine knows, by platform (`source`, or `meta.platform` for aggregator relays) and
   * stable user id: names, when they were first and last seen (and last chatted), their variables.
   */
  getViewer(source: string, id: string): SavedViewer | undefined {
    const record = this.#memory.viewers.get(source, id);
    return record && { ...record, vars: { ...record.vars } };
  }

  /** How many viewers the engine keeps now (at most `maxViewers`). */
  get viewerCount(): number {
    return this.#memory.viewers.size;
  }

  /** The top viewers by a numeric viewer variable (default `points`), highest first; equal values share a rank. */
  leaderboard(variable = 'points', top = 10): LeaderboardEntry[] {
    return this.#memory.viewers.leaderboard(variable, top);
  }

  /**
   * The state to persist across restarts, as plain JSON: running cooldowns, variables, no-repeat
   * memory, and the viewers with their variables.
   */
  getState(): RuleEngineState {
    return this.#memory.state();
  }

  /**
   * Restores a state saved by {@link getState} (replacing the current one); cooldowns that expired
   * meanwhile are skipped, and past `maxViewers` the least recently seen viewers are evicted (and
   * reported). A version 1 state (saved before viewers existed) loads with no viewers.
   *
   * @throws {@link ValidationError} naming every problem when `state` is not a saved state.
   */
  loadState(state: unknown): void {
    this.#memory.load(state);
  }

  /**
   * Stops listening to the bus, drops waiting queued runs and cuts pending delays (those runs end as
   * `failed`/`dropped` with `RULE_ENGINE_CLOSED`). Idempotent.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#runner.close();
    this.#unsubscribe?.();
    const queues = new Set([...this.#rules.values()].map((compiled) => compiled.queue));
    for (const queue of queues) queue?.clear(undefined, 'closed');
    this.#scheduler.close();
    this.#unsubscribeStatus?.();
    for (const [handle, reject] of this.#delays) {
      this.#clock.clearTimeout(handle);
      reject(new RuleEngineClosedError());
    }
    this.#delays.clear();
  }
}
