import { ValidationError } from '../errors.js';
import type { Action } from './actions.js';
import { skipAction, type ActionContext, type ActionDefinition, type ActionPreviewContext } from './definition.js';
import { jsonValueSchema } from './json.js';
import { asActionError, handlerContext, type ActionHost, type RegisteredAction, type RunContext, type StepState } from './run-actions.js';
import { compileValue } from './templates.js';
import { toIssues } from './validate-issues.js';

function previewContext(state: StepState, path: string): ActionPreviewContext {
  const { scope, host } = state;
  return {
    event: scope.event,
    rule: scope.rule,
    path,
    render: (value) => compileValue(value)(scope),
    getVariable: (name) => host.getVariable(name),
  };
}

function setter(host: ActionHost): ActionContext['setVariable'] {
  return (name, value) => {
    const parsed = jsonValueSchema().safeParse(value);
    if (!parsed.success) throw new ValidationError(`invalid value for variable "${name}"`, toIssues(parsed.error));
    host.setVariable(name, parsed.data);
  };
}

function runContext(context: RunContext, path: string): ActionContext {
  return {
    ...previewContext(context, path),
    runId: context.runId,
    setVariable: setter(context.host),
    log: (level, message) => context.host.log(level, message, handlerContext(context)),
    skip: skipAction,
  };
}

/** `explain`'s default sentence for a registered action: its type and its fields. */
function describe(action: Action): string {
  const { type, ...fields } = action as unknown as Record<string, unknown>;
  return `${String(type)} ${JSON.stringify(fields)}`;
}

/** Adapts an application's {@link ActionDefinition} to the registry. */
export function fromDefinition(definition: ActionDefinition): RegisteredAction {
  const { type } = definition;
  return {
    type,
    schema: () => definition.schema,
    compile(action, path) {
      const typed = action as unknown as Parameters<ActionDefinition['run']>[0];
      return {
        path,
        type,
        async run(context) {
          try {
            return await definition.run(typed, runContext(context, path));
          } catch (error) {
            throw asActionError(error, path, `action "${type}"`);
          }
        },
        preview(state) {
          if (!definition.preview) return { path, type, description: describe(action) };
          try {
            return { path, type, ...definition.preview(typed, previewContext(state, path)) };
          } catch (error) {
            return {
              path,
              type,
              description: describe(action),
              problem: `preview failed: ${error instanceof Error ? error.message : String(error)}`,
            };
          }
        },
      };
    },
  };
}
