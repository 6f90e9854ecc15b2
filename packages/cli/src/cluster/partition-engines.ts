import { EventBus, RuleEngine, type Clock, type Connector, type HttpActionOptions, type Rule } from '@vmsc/core';
import type { ObsController } from '@vmsc/obs';
import type { CustomWsServer } from '@vmsc/custom-ws-server';
import type { PartitionRunner } from '@vmsc/nats';
import { hubActions } from '../hub/hub-actions.js';
import type { HubView } from '../view/hub-view.js';

/** What every partition's engine is built with. */
export interface PartitionEngineParts {
  rules: readonly Rule[];
  connectors: readonly Connector[];
  view: HubView;
  obs?: ObsController | undefined;
  http?: HttpActionOptions | false;
  server?: CustomWsServer | undefined;
  clock?: Clock | undefined;
}

/**
 * Builds the runner of one partition: its own bus and rule engine with the hub's rules and actions,
 * restored from the partition's checkpointed state, reporting to the hub's view.
 */
export function openPartitionEngine(partition: number, state: unknown, parts: PartitionEngineParts): PartitionRunner {
  const bus = new EventBus();
  const { view } = parts;
  const engine = new RuleEngine({
    bus,
    connectors: parts.connectors,
    ...(parts.clock ? { clock: parts.clock } : {}),
    logger: (level, message, context) =>
      level === 'error' ? view.error(context.rule.name, message) : view.ruleMessage(context.rule.name, message),
  });
  for (const action of hubActions({ obs: parts.obs ?? false, http: parts.http ?? false, overlay: parts.server ?? false }))
    engine.registerActionType(action);
  engine.addRules(parts.rules);
  if (state !== undefined) {
    try {
      engine.loadState(state);
    } catch (error) {
      view.error(`partition ${partition}`, `its checkpointed state cannot be used (${(error as Error).message}): started without it`);
    }
  }
  const off = engine.onRun((run) => {
    const what = run.event ? ` for ${run.event.source} ${run.event.type}` : '';
    view.ruleRun(
      `[p${partition}] ${run.rule.name}${what} → ${run.outcome} (${run.durationMs} ms)${run.error ? `: ${run.error.message}` : ''}`,
    );
  });
  view.info(`rules: running partition ${partition}${state === undefined ? '' : ' (state restored)'}`);
  return {
    bus,
    getState: () => engine.getState(),
    close: () => {
      off();
      engine.close();
      view.info(`rules: partition ${partition} stopped here`);
    },
  };
}
