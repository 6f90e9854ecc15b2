import type { Clock, HttpActionOptions } from '@vmsc/core';
import { ConnectorShards, NatsBridge, PartitionedRules } from '@vmsc/nats';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ValidateRulesOptions } from '@vmsc/core';
import { createConnector, type ConnectorOverrides } from '../hub/create-connector.js';
import { hubRuleValidation } from '../hub/hub-actions.js';
import type { Hub } from '../hub/hub.js';
import type { HubView } from '../view/hub-view.js';
import { connectNats, natsConnectionOptions } from './connection.js';
import { openPartitionEngine } from './partition-engines.js';
import type { ClusterPlan } from './plan.js';

/** What the cluster part of a process needs beyond its plan and its hub. */
export interface ClusterParts {
  env: NodeJS.ProcessEnv;
  view: HubView;
  /** Loads the config's rules with the given validation (start.ts's `loadRules`). */
  loadRules(validation: ValidateRulesOptions): Promise<import('@vmsc/core').Rule[]>;
  http: HttpActionOptions | false;
  overrides?: ConnectorOverrides | undefined;
  clock?: Clock | undefined;
}

/** The running cluster part: started after the hub, stopped before it. */
export interface ClusterRun {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The channel id of a sharded channel entry (`kick:<slug>`) and its connector config. */
function kickChannels(plan: ClusterPlan) {
  const entries = (plan.cluster.worker?.channels ?? []).map((entry) => (typeof entry === 'string' ? { channel: entry } : entry));
  return new Map(entries.map((entry) => [`kick:${entry.channel.toLowerCase()}`, entry]));
}

/**
 * The cluster roles of a process around its hub: a bridge publishing the hub's bus to JetStream
 * (partitioned by channel) and, with role `server`, consuming every event back into it for the
 * custom WS server and the journal; role `worker`: this worker's share of the channels
 * ({@link ConnectorShards}); role `rules`: the partitions it holds ({@link PartitionedRules}), one
 * rule engine each.
 */
export async function prepareCluster(plan: ClusterPlan, hub: Hub, parts: ClusterParts): Promise<ClusterRun> {
  const { cluster, roles, id } = plan;
  const { view, env } = parts;
  // Read the credentials now: a missing one is a config error before anything starts.
  const connection = natsConnectionOptions(cluster, env, `vmsc-${id}`);
  const { servers, ...rest } = connection;
  const stream = { ...cluster.stream };
  const notify = hub.bus.notify.bind(hub.bus);
  const bridge = new NatsBridge({
    bus: hub.bus,
    servers: servers ?? [],
    connection: rest,
    id: `nats:${id}`,
    subjectPrefix: cluster.subjectPrefix,
    partitions: cluster.partitions,
    stream,
    ...(roles.has('server') ? { consume: { durable: `server-${id.replace(/[^A-Za-z0-9_-]/g, '_')}` } } : {}),
  });
  const rules = roles.has('rules')
    ? await parts.loadRules(hubRuleValidation(hub.connectors, { obs: hub.obs ?? false, http: parts.http, overlay: hub.server ?? false }))
    : [];
  let nc: NatsConnection | undefined;
  let shards: ConnectorShards | undefined;
  let partitioned: PartitionedRules | undefined;
  return {
    async start() {
      await bridge.start();
      view.info(`cluster: ${id} on NATS as ${[...roles].join(', ')} (${cluster.partitions} partitions)`);
      nc = await connectNats(cluster, env, `vmsc-${id}-leases`);
      if (roles.has('worker') && cluster.worker) {
        const channels = kickChannels(plan);
        const worker = cluster.worker;
        shards = new ConnectorShards({
          connection: nc,
          workerId: id,
          channels: [...channels.keys()],
          capacity: worker.capacity,
          ttlMs: worker.leaseTtlMs,
          notify,
          create: (key) => {
            const entry = channels.get(key)!;
            return createConnector(
              { type: 'kick', enabled: true, ...entry },
              { bus: hub.bus, env, index: 0, ...(parts.overrides ? { overrides: parts.overrides } : {}) },
            );
          },
        });
        await shards.start();
        view.info(`cluster: worker ${id} watches ${shards.channels.length} of ${channels.size} channel(s)`);
      }
      if (roles.has('rules')) {
        partitioned = new PartitionedRules({
          connection: nc,
          ownerId: id,
          partitions: cluster.partitions,
          ...(cluster.rules.capacity ? { capacity: cluster.rules.capacity } : {}),
          stream,
          subjectPrefix: cluster.subjectPrefix,
          ttlMs: cluster.rules.leaseTtlMs,
          checkpointEveryMs: cluster.rules.checkpointEveryMs,
          notify,
          open: (partition, state) =>
            openPartitionEngine(partition, state, {
              rules,
              connectors: hub.connectors,
              view,
              obs: hub.obs,
              http: parts.http,
              server: hub.server,
              clock: parts.clock,
            }),
        });
        await partitioned.start();
      }
    },
    async stop() {
      await shards?.stop();
      await partitioned?.stop();
      const left = await bridge.stop();
      if (left > 0) view.error('cluster', `${left} event(s) were not stored in JetStream before the stop`);
      await nc?.drain().catch(() => nc?.close());
    },
  };
}
