import { ValidationError, type Clock } from '@vmsc/core';
import type { LoadedConfig } from '../config/load-config.js';
import type { ConnectorOverrides } from '../hub/create-connector.js';
import type { Hub } from '../hub/hub.js';
import type { HubView } from '../view/hub-view.js';
import { httpOptions, loadRules } from '../commands/start.js';
import { planCluster, type ClusterRole } from './plan.js';
import { prepareCluster, type ClusterRun } from './run-cluster.js';

export type { ClusterRole } from './plan.js';

/** The cluster part of `vmsc start` / `vmsc worker`, in the order start.ts calls it. */
export interface ClusterRoles {
  /** The config the local hub is built from (see {@link planCluster}). */
  hubConfig: LoadedConfig;
  /** Builds the cluster part around the hub (reads credentials and rules: a problem throws before anything starts). */
  prepare(hub: Hub, parts: { env: NodeJS.ProcessEnv; view: HubView; overrides?: ConnectorOverrides; clock?: Clock }): Promise<void>;
  /** Connects to NATS (waiting for it) and starts the roles; a failure is reported on the view, never thrown. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The cluster roles of a config with a `cluster` section (`roles` replaces the config's); `undefined` without one: no NATS at all. */
export function startClusterRoles(loaded: LoadedConfig, roles?: readonly ClusterRole[]): ClusterRoles | undefined {
  const plan = planCluster(loaded, roles);
  if (!plan) {
    if (!roles) return undefined;
    throw new ValidationError(
      `${loaded.file ?? 'the config'} has no cluster section`,
      [{ path: 'cluster', message: 'a worker needs a "cluster" section with the NATS servers and "worker": { "channels": [...] }' }],
      { code: 'INVALID_CONFIG' },
    );
  }
  if (plan.roles.has('worker') && !plan.cluster.worker)
    throw new ValidationError(
      `${loaded.file ?? 'the config'} has no cluster.worker section`,
      [{ path: 'cluster.worker', message: 'the worker role needs "worker": { "channels": [...], "capacity": ... }' }],
      { code: 'INVALID_CONFIG' },
    );
  let run: ClusterRun | undefined;
  let view: HubView | undefined;
  let started: Promise<void> | undefined;
  return {
    hubConfig: plan.hub,
    async prepare(hub, parts) {
      view = parts.view;
      const { config, baseDir, file } = loaded;
      run = await prepareCluster(plan, hub, {
        env: parts.env,
        view: parts.view,
        loadRules: (validation) => loadRules(config.rules, baseDir, file, validation),
        http: config.http ? httpOptions(config.http, parts.env) : false,
        overrides: parts.overrides,
        clock: parts.clock,
      });
    },
    start() {
      started = (run?.start() ?? Promise.resolve()).catch((error: unknown) =>
        view?.error('cluster', `the cluster roles did not start: ${error instanceof Error ? error.message : String(error)}`),
      );
      return started;
    },
    async stop() {
      await run?.stop();
    },
  };
}
