import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { createEvent } from '../events/create.js';
import { isStreamEventType } from '../events/registry.js';
import type { StreamEvent } from '../events/stream-event.js';
import { systemUser } from '../events/user.js';
import { validateData } from '../events/validate.js';
import { builtin, templated } from './builtin.js';
import { RuleActionError, RuleLoopError } from './errors.js';
import { jsonValueSchema, type JsonValue } from './json.js';
import type { Scope } from './path.js';
import type { DerivedEventMeta } from './run.js';
import { asActionError, handlerContext, type ActionHost, type RegisteredAction } from './run-actions.js';
import { compileTemplate, compileValue, stringify } from './templates.js';
import { compileVariable, requireSlot, variableNameTemplate, variableScopeSchema, type VariableSlot } from './variable-target.js';

/** Renders a numeric parameter (a number, or a template rendering to one); absent = 1. */
export function renderNumber(value: number | string | undefined, scope: Scope): unknown {
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

const call = builtin(
  'call',
  () =>
    z.strictObject({
      type: z.literal('call'),
      action: z.string().min(1),
      params: templated(z.record(z.string(), jsonValueSchema())).optional(),
    }),
  (action, path) => {
    const params = compileValue(action.params ?? {});
    return {
      async run(context) {
        const handler = context.host.handler(action.action);
        if (!handler) {
          throw new RuleActionError(`no action handler registered as "${action.action}" (use engine.registerAction)`, path, {
            code: 'ACTION_NOT_REGISTERED',
          });
        }
        try {
          return await handler(params(context.scope) as Record<string, unknown>, handlerContext(context));
        } catch (error) {
          throw asActionError(error, path, `action "${action.action}"`);
        }
      },
      preview({ scope, host }) {
        const registered = host.handler(action.action) !== undefined;
        return {
          description: `call "${action.action}" with ${JSON.stringify(params(scope))}`,
          ...(registered ? {} : { problem: `no action handler registered as "${action.action}"` }),
        };
      },
    };
  },
);

const emit = builtin(
  'emit',
  () =>
    z.strictObject({
      type: z.literal('emit'),
      event: z.strictObject({
        type: z.string().refine(isStreamEventType, { message: 'not an event type of the catalogue' }),
        source: z.string().min(1).optional(),
        user: z.enum(['event', 'system']).optional(),
        data: templated(z.record(z.string(), jsonValueSchema())),
      }),
    }),
  (action, path) => {
    const data = compileValue(action.event.data);
    const source = (host: ActionHost) => action.event.source ?? host.derivedSource;
    return {
      run({ depth, host, scope }) {
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
        host.publish(event);
        return event.id;
      },
      preview({ scope, host, depth }) {
        const rendered = data(scope);
        const checked = validateData(source(host), action.event.type, rendered);
        const problem =
          depth + 1 > host.maxDepth
            ? `would be cut: depth ${depth + 1} is past maxDepth ${host.maxDepth}`
            : checked.ok
              ? undefined
              : `derived event would be invalid: ${checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`;
        return {
          description: `emit ${source(host)} "${action.event.type}" with data ${JSON.stringify(rendered)}`,
          ...(problem ? { problem } : {}),
        };
      },
    };
  },
);

const delay = builtin(
  'delay',
  () => z.strictObject({ type: z.literal('delay'), ms: z.number().int().min(0).max(3_600_000) }),
  (action) => ({
    async run(context) {
      await context.host.delay(action.ms);
      return action.ms;
    },
    preview: () => ({ description: `wait ${action.ms} ms` }),
  }),
);

const log = builtin(
  'log',
  () => z.strictObject({ type: z.literal('log'), message: templated(z.string()), level: z.enum(['info', 'warn', 'error']).optional() }),
  (action) => {
    const message = compileTemplate(action.message);
    const level = action.level ?? 'info';
    return {
      run(context) {
        const text = message(context.scope);
        context.host.log(level, text, handlerContext(context));
        return text;
      },
      preview: ({ scope }) => ({ description: `log (${level}) ${JSON.stringify(message(scope))}` }),
    };
  },
);

const counter = builtin(
  'counter',
  () =>
    z.strictObject({
      type: z.literal('counter'),
      name: variableNameTemplate(),
      scope: variableScopeSchema().optional(),
      by: z.union([z.number().finite(), templated(z.string())]).optional(),
    }),
  (action, path) => {
    const variable = compileVariable(action.name, action.scope);
    const next = (slot: VariableSlot, scope: Scope): { value?: number; problem?: string } => {
      const by = renderNumber(action.by, scope);
      if (typeof by !== 'number' || !Number.isFinite(by))
        return { problem: `counter step ${JSON.stringify(stringify(by))} is not a number` };
      const current = slot.get() ?? 0;
      if (typeof current !== 'number') return { problem: `variable "${slot.label}" holds ${JSON.stringify(current)}, not a number` };
      return { value: current + by };
    };
    return {
      run(context) {
        const slot = requireSlot(variable(context, true), path);
        const result = next(slot, context.scope);
        if (result.value === undefined)
          throw new RuleActionError(result.problem ?? 'counter failed', path, { code: 'RULE_COUNTER_NOT_NUMBER' });
        slot.set(result.value);
        return result.value;
      },
      preview(state) {
        const slot = variable(state, false);
        if ('problem' in slot) return { description: `add to counter "${action.name}"`, problem: slot.problem };
        const result = next(slot, state.scope);
        return {
          description: `set counter "${slot.label}" to ${result.value ?? '?'}`,
          ...(result.problem ? { problem: result.problem } : {}),
        };
      },
    };
  },
);

/** Renders a value to plain JSON (`undefined` → `null`). */
export function renderJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

const setVariable = builtin(
  'setVariable',
  () =>
    z.strictObject({
      type: z.literal('setVariable'),
      name: variableNameTemplate(),
      scope: variableScopeSchema().optional(),
      value: templated(jsonValueSchema()),
    }),
  (action, path) => {
    const value = compileValue(action.value);
    const variable = compileVariable(action.name, action.scope);
    return {
      run(context) {
        const slot = requireSlot(variable(context, true), path);
        const rendered = renderJson(value(context.scope));
        slot.set(rendered);
        return rendered;
      },
      preview(state) {
        const slot = variable(state, false);
        const rendered = JSON.stringify(renderJson(value(state.scope)));
        return 'problem' in slot
          ? { description: `set variable "${action.name}" to ${rendered}`, problem: slot.problem }
          : { description: `set variable "${slot.label}" to ${rendered}` };
      },
    };
  },
);

/** The built-in actions without nested action lists. */
export const basicActions: readonly RegisteredAction[] = [call, emit, delay, log, counter, setVariable];
