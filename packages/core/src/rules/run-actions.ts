import { ValidationError, VmscError } from '../errors.js';
import { createEvent } from '../events/create.js';
import type { StreamEvent } from '../events/stream-event.js';
import { systemUser } from '../events/user.js';
import { validateData } from '../events/validate.js';
import type { Action } from './actions.js';
import { RuleActionError, RuleLoopError } from './errors.js';
import type { JsonValue } from './json.js';
import type { Scope } from './path.js';
import type { ActionRecord, DerivedEventMeta } from './run.js';
import { compileTemplate, compileValue, stringify } from './templates.js';

/** What a registered action handler receives besides its parameters. */
export interface ActionHandlerContext {
  /** The event the rule runs for (absent for a trigger without one). */
  event: StreamEvent | undefined;
  rule: { id: string; name: string };
  runId: string;
}

/**
 * A handler registered with `engine.registerAction(name, handler)`: called by `call` actions with the
 * rendered `params`. Its return value is recorded in the run; a throw or rejection fails the run.
 */
export type ActionHandler = (params: Record<string, unknown>, context: ActionHandlerContext) => unknown;

/** What actions need from the engine. */
export interface ActionHost {
  handler(name: string): ActionHandler | undefined;
  /** Publishes a derived event on the bus. */
  publish(event: StreamEvent): void;
  log(level: 'info' | 'warn' | 'error', message: string, context: ActionHandlerContext): void;
  delay(ms: number): Promise<void>;
  getVariable(name: string): JsonValue | undefined;
  setVariable(name: string, value: JsonValue): void;
  choose(key: string, weights: readonly number[], noRepeat: boolean): number;
  /** The noRepeat candidates at `key` now (for explain). */
  available(key: string, count: number, noRepeat: boolean): number[];
  readonly maxDepth: number;
  readonly derivedSource: string;
}

/** One run in progress, as actions see it. */
export interface RunContext {
  scope: Scope;
  depth: number;
  runId: string;
  records: ActionRecord[];
  host: ActionHost;
}

/** What explain says an action would do. */
export interface ActionPreview {
  path: string;
  type: Action['type'];
  /** A sentence: `call "playSound" with {"file":"rose.mp3"}`. */
  description: string;
  /** Why it would fail, if it would (no handler registered, invalid derived event, loop depth...). */
  problem?: string;
  /** For `random`: each choice, its chance now (no-repeat memory applied) and its actions. */
  choices?: Array<{ weight: number; probability: number; actions: ActionPreview[] }>;
}

/** An action compiled once when its rule is added. */
export interface CompiledAction {
  path: string;
  type: Action['type'];
  run(context: RunContext): Promise<void> | void;
  preview(scope: Scope, host: ActionHost, depth: number): ActionPreview;
}

function handlerContext(context: RunContext): ActionHandlerContext {
  return { event: context.scope.event, rule: context.scope.rule, runId: context.runId };
}

function renderNumber(value: number | string | undefined, scope: Scope): unknown {
  if (value === undefined) return 1;
  if (typeof value === 'number') return value;
  const rendered = compileValue(value)(scope);
  if (typeof rendered === 'string' && rendered.trim() !== '') return Number(rendered);
  return rendered;
}

function buildEvent(
  spec: { type: string; source?: string; user?: 'event' | 'system' },
  data: unknown,
  scope: Scope,
  depth: number,
  host: ActionHost,
): StreamEvent {
  const cause = scope.event;
  const meta: DerivedEventMeta = { ruleDepth: depth + 1, ruleId: scope.rule.id };
  if (cause) meta.causeEventId = cause.id;
  if (cause?.meta?.simulated) meta.simulated = true;
  if (cause?.meta?.test) meta.test = true;
  const input = {
    source: spec.source ?? host.derivedSource,
    type: spec.type,
    user: spec.user === 'system' || !cause ? systemUser() : cause.user,
    data,
    meta,
  };
  return createEvent(input as Parameters<typeof createEvent>[0], { validate: true }) as StreamEvent;
}

/** Compiles a rule's actions; `base` is the path prefix (`actions`). */
export function compileActions(actions: readonly Action[], base: string, ruleId: string): CompiledAction[] {
  return actions.map((action, index) => compileAction(action, `${base}[${index}]`, ruleId));
}

function compileAction(action: Action, path: string, ruleId: string): CompiledAction {
  switch (action.type) {
    case 'call': {
      const params = compileValue(action.params ?? {});
      return {
        path,
        type: 'call',
        async run(context) {
          const handler = context.host.handler(action.action);
          if (!handler) {
            throw new RuleActionError(`no action handler registered as "${action.action}" (use engine.registerAction)`, path, {
              code: 'ACTION_NOT_REGISTERED',
            });
          }
          let output: unknown;
          try {
            output = await handler(params(context.scope) as Record<string, unknown>, handlerContext(context));
          } catch (error) {
            if (error instanceof VmscError) throw error;
            throw new RuleActionError(`action "${action.action}" failed: ${error instanceof Error ? error.message : String(error)}`, path, {
              cause: error,
            });
          }
          context.records.push({ path, type: 'call', output });
        },
        preview(scope, host) {
          const rendered = params(scope);
          const registered = host.handler(action.action) !== undefined;
          return {
            path,
            type: 'call',
            description: `call "${action.action}" with ${JSON.stringify(rendered)}`,
            ...(registered ? {} : { problem: `no action handler registered as "${action.action}"` }),
          };
        },
      };
    }
    case 'emit': {
      const data = compileValue(action.event.data);
      const source = (host: ActionHost) => action.event.source ?? host.derivedSource;
      return {
        path,
        type: 'emit',
        run(context) {
          const { depth, host, scope } = context;
          if (depth + 1 > host.maxDepth) {
            throw new RuleLoopError(
              `rule "${scope.rule.name}" would emit a derived "${action.event.type}" event at depth ${depth + 1}, past maxDepth ${host.maxDepth}: the chain was cut (a rule loop?)`,
              depth + 1,
            );
          }
          let event: StreamEvent;
          try {
            event = buildEvent(action.event, data(scope), scope, depth, host);
          } catch (error) {
            const detail = error instanceof ValidationError ? error.message : String(error);
            throw new RuleActionError(`derived event is invalid: ${detail}`, path, { code: 'RULE_EMIT_INVALID', cause: error });
          }
          context.records.push({ path, type: 'emit', output: event.id });
          host.publish(event);
        },
        preview(scope, host, depth) {
          const rendered = data(scope);
          const checked = validateData(source(host), action.event.type, rendered);
          const problem =
            depth + 1 > host.maxDepth
              ? `would be cut: depth ${depth + 1} is past maxDepth ${host.maxDepth}`
              : checked.ok
                ? undefined
                : `derived event would be invalid: ${checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`;
          return {
            path,
            type: 'emit',
            description: `emit ${source(host)} "${action.event.type}" with data ${JSON.stringify(rendered)}`,
            ...(problem ? { problem } : {}),
          };
        },
      };
    }
    case 'delay':
      return {
        path,
        type: 'delay',
        async run(context) {
          await context.host.delay(action.ms);
          context.records.push({ path, type: 'delay', output: action.ms });
        },
        preview: () => ({ path, type: 'delay', description: `wait ${action.ms} ms` }),
      };
    case 'log': {
      const message = compileTemplate(action.message);
      const level = action.level ?? 'info';
      return {
        path,
        type: 'log',
        run(context) {
          const text = message(context.scope);
          context.host.log(level, text, handlerContext(context));
          context.records.push({ path, type: 'log', output: text });
        },
        preview: (scope) => ({ path, type: 'log', description: `log (${level}) ${JSON.stringify(message(scope))}` }),
      };
    }
    case 'random': {
      const weights = action.choices.map((choice) => choice.weight);
      const branches = action.choices.map((choice, index) => compileActions(choice.actions, `${path}.choices[${index}].actions`, ruleId));
      const noRepeat = action.noRepeat === true;
      const key = `${ruleId}:${path}`;
      return {
        path,
        type: 'random',
        async run(context) {
          const chosen = context.host.choose(key, weights, noRepeat);
          context.records.push({ path, type: 'random', output: chosen });
          for (const step of branches[chosen]!) await step.run(context);
        },
        preview(scope, host, depth) {
          const available = new Set(host.available(key, weights.length, noRepeat));
          const total = weights.reduce((sum, weight, index) => (available.has(index) ? sum + weight : sum), 0);
          return {
            path,
            type: 'random',
            description: `pick one of ${weights.length} choices${noRepeat ? ' (no repeat until all used)' : ''}`,
            choices: branches.map((branch, index) => ({
              weight: weights[index]!,
              probability: available.has(index) ? weights[index]! / total : 0,
              actions: branch.map((step) => step.preview(scope, host, depth)),
            })),
          };
        },
      };
    }
    case 'counter': {
      const next = (scope: Scope, host: ActionHost): { value?: number; problem?: string } => {
        const by = renderNumber(action.by, scope);
        if (typeof by !== 'number' || !Number.isFinite(by))
          return { problem: `counter step ${JSON.stringify(stringify(by))} is not a number` };
        const current = host.getVariable(action.name) ?? 0;
        if (typeof current !== 'number') return { problem: `variable "${action.name}" holds ${JSON.stringify(current)}, not a number` };
        return { value: current + by };
      };
      return {
        path,
        type: 'counter',
        run(context) {
          const result = next(context.scope, context.host);
          if (result.value === undefined)
            throw new RuleActionError(result.problem ?? 'counter failed', path, { code: 'RULE_COUNTER_NOT_NUMBER' });
          context.host.setVariable(action.name, result.value);
          context.records.push({ path, type: 'counter', output: result.value });
        },
        preview(scope, host) {
          const result = next(scope, host);
          return {
            path,
            type: 'counter',
            description: `set counter "${action.name}" to ${result.value ?? '?'}`,
            ...(result.problem ? { problem: result.problem } : {}),
          };
        },
      };
    }
    case 'setVariable': {
      const value = compileValue(action.value);
      const render = (scope: Scope): JsonValue => {
        const rendered = value(scope);
        return rendered === undefined ? null : (JSON.parse(JSON.stringify(rendered)) as JsonValue);
      };
      return {
        path,
        type: 'setVariable',
        run(context) {
          const rendered = render(context.scope);
          context.host.setVariable(action.name, rendered);
          context.records.push({ path, type: 'setVariable', output: rendered });
        },
        preview: (scope) => ({
          path,
          type: 'setVariable',
          description: `set variable "${action.name}" to ${JSON.stringify(render(scope))}`,
        }),
      };
    }
  }
}
