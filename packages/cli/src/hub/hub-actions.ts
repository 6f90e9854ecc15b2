import {
  ActionRegistry,
  chatTargetsOf,
  defineAction,
  httpAction,
  httpActionSchema,
  replyAction,
  type HttpActionOptions,
  type ActionDefinition,
  type Connector,
  type ValidateRulesOptions,
} from '@vmsc/core';
import { overlayAction, overlayActionSchema, type AlertTarget } from '@vmsc/custom-ws-server';
import { obsAction, ObsController } from '@vmsc/obs';
import { z } from 'zod';

/**
 * The action types the hub registers besides the built-ins, and what its rules are validated
 * against.
 *
 * @packageDocumentation
 */

/**
 * The parts of the hub that action types drive. A part that is `false` is not configured: rules
 * using its action type are refused by path with what to add to the config. A part that is absent
 * (`vmsc rules validate` without a config) is checked for shape only.
 */
export interface HubActionParts {
  /** The OBS controller (the config's `obs` entry). */
  obs?: ObsController | false;
  /** The `http` action's allow-list and targets (the config's `http` entry). */
  http?: HttpActionOptions | false;
  /** The custom WS server `overlay` actions show alerts through (`false`: the server is disabled). */
  overlay?: AlertTarget | false;
}

/**
 * A stand-in for an action type whose part is not configured: every action of the type is an
 * issue at its path saying what the config needs.
 */
function unconfigured(type: string, hint: string): ActionDefinition {
  return defineAction({
    type,
    schema: z.object({ type: z.literal(type) }).superRefine((_action, ctx) => {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `"${type}" actions need ${hint}` });
    }),
    run: () => {
      throw new Error(`"${type}" actions need ${hint}`);
    },
  });
}

/** An action type checked for shape only (`vmsc rules validate` without a config): never run. */
function shapeOnly(type: string, schema: ActionDefinition['schema']): ActionDefinition {
  return defineAction({
    type,
    schema: schema as z.ZodType<{ type: string }>,
    run: () => {
      throw new Error(`"${type}" actions are only checked here, not run`);
    },
  });
}

/** The hub's action types other than `reply` (which the rule engine registers from its connectors). */
export function hubActions(parts: HubActionParts = {}): ActionDefinition[] {
  return [
    parts.obs === false
      ? unconfigured('obs', 'an "obs" entry in the hub config ({ "obs": { "url": "ws://127.0.0.1:4455", "passwordEnv": "OBS_PASSWORD" } })')
      : obsAction(parts.obs ?? new ObsController()),
    parts.http === false
      ? unconfigured(
          'http',
          'an "http" entry in the hub config with the hosts they may call ({ "http": { "allowHosts": ["hooks.example.com"] } })',
        )
      : // Shape only (`vmsc rules validate` without a config): any host passes.
        parts.http
        ? httpAction(parts.http)
        : shapeOnly('http', httpActionSchema),
    parts.overlay === false
      ? unconfigured('overlay', 'the custom WS server, which overlays connect to ("server": { "enabled": true })')
      : parts.overlay
        ? overlayAction(parts.overlay)
        : shapeOnly('overlay', overlayActionSchema),
  ];
}

/**
 * What the hub's rules are validated against: the built-in action types plus the ones the hub
 * registers (`reply` answered through its connectors, `obs`...). Given the connectors, a `reply` whose trigger
 * only matches sources that cannot send, or that names a connector that cannot, is an issue; without
 * them (`vmsc rules validate`) only the shape of each action is checked.
 */
export function hubRuleValidation(connectors?: readonly Connector[], parts: HubActionParts = {}): ValidateRulesOptions {
  const actions = new ActionRegistry();
  actions.register(replyAction(connectors ?? []));
  for (const action of hubActions(parts)) actions.register(action);
  if (!connectors) return { actions };
  return { actions, ...chatTargetsOf(connectors) };
}
