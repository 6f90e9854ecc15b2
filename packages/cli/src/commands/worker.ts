import type { CommandIo, ExitCode } from './io.js';
import { startCommand, type BuildHubOptions } from './start.js';

/**
 * `vmsc worker [--config vmsc.config.json]`: one worker of a cluster, whatever roles the config
 * names: it watches its share of `cluster.worker.channels` (leases in JetStream KV) and publishes
 * their events to JetStream, until Ctrl-C. The config must have a `cluster` section with `worker`.
 */
export async function workerCommand(
  options: { config?: string; signal?: AbortSignal } & BuildHubOptions,
  io: CommandIo,
): Promise<ExitCode> {
  return startCommand({ ...options, clusterRoles: ['worker'] }, io);
}
