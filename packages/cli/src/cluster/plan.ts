import { hostname } from 'node:os';
import type { LoadedConfig } from '../config/load-config.js';
import type { ClusterConfig } from '../config/cluster-schema.js';

/** A role of a cluster process (see the config's `cluster.roles`). */
export type ClusterRole = ClusterConfig['roles'][number];

/** What a cluster process runs: the roles and the hub config for the local part. */
export interface ClusterPlan {
  cluster: ClusterConfig;
  roles: ReadonlySet<ClusterRole>;
  /** This process's id among the cluster's processes. */
  id: string;
  /** The original config (its rules run in the partitions). */
  loaded: LoadedConfig;
  /**
   * The config the local hub is built from: the connectors only with role `connectors`, the custom WS
   * server only with role `server`, and no rules (they run per partition, see `partition-engines.ts`).
   */
  hub: LoadedConfig;
}

/** The plan of a config with a `cluster` section; `roles` replaces the config's (e.g. `vmsc worker`). */
export function planCluster(loaded: LoadedConfig, roles?: readonly ClusterRole[]): ClusterPlan | undefined {
  const cluster = loaded.config.cluster;
  if (!cluster) return undefined;
  const plays = new Set(roles ?? cluster.roles);
  const config = loaded.config;
  return {
    cluster,
    roles: plays,
    id: cluster.id ?? `${hostname().replace(/[^-/_=.a-zA-Z0-9]/g, '_')}-${process.pid}`,
    loaded,
    hub: {
      ...loaded,
      config: {
        ...config,
        rules: [],
        connectors: plays.has('connectors') ? config.connectors : [],
        server: { ...config.server, enabled: config.server.enabled && plays.has('server') },
      },
    },
  };
}
