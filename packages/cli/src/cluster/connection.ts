import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import { readCredential } from '../config/load-config.js';
import type { ClusterConfig } from '../config/cluster-schema.js';

/** The client's connection options from the `cluster` section, credentials read from the environment. */
export function natsConnectionOptions(cluster: ClusterConfig, env: NodeJS.ProcessEnv, name: string): NodeConnectionOptions {
  const credentials = cluster.credentials ?? {};
  return {
    servers: typeof cluster.servers === 'string' ? cluster.servers : [...cluster.servers],
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
    ...(credentials.userEnv ? { user: readCredential(env, credentials.userEnv, 'NATS user') } : {}),
    ...(credentials.passwordEnv ? { pass: readCredential(env, credentials.passwordEnv, 'NATS password') } : {}),
    ...(credentials.tokenEnv ? { token: readCredential(env, credentials.tokenEnv, 'NATS token') } : {}),
  };
}

/** Connects to NATS with {@link natsConnectionOptions}. */
export function connectNats(cluster: ClusterConfig, env: NodeJS.ProcessEnv, name: string): Promise<NatsConnection> {
  return connect(natsConnectionOptions(cluster, env, name));
}
