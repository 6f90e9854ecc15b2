import { z } from 'zod';

/**
 * The `cluster` section of the hub config: the bus over NATS JetStream (see docs/scaling.md). Without
 * it, `vmsc start` runs on one machine with no NATS at all. Credentials come from the environment
 * variables it names, never from the file.
 *
 * @packageDocumentation
 */

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, underscores)');
const ttlMs = z.number().int().min(500).max(600_000);

/** One channel of a sharded connector (today Kick): a slug, or the slug with its ids (skips the lookup). */
export const clusterChannelSchema = z.union([
  z.string().min(1),
  z.strictObject({
    channel: z.string().min(1),
    chatroomId: z.number().int().positive().optional(),
    channelId: z.number().int().positive().optional(),
  }),
]);

/** The roles a process plays in a cluster. */
export const clusterRoleSchema = z.enum(['connectors', 'worker', 'rules', 'server']);

/** The `cluster` section. */
export const clusterConfigSchema = z.strictObject({
  /** NATS server URL(s), e.g. `"nats://10.0.0.5:4222"`. */
  servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Environment variables holding the NATS credentials (user + password, or a token). */
  credentials: z.strictObject({ userEnv: envName.optional(), passwordEnv: envName.optional(), tokenEnv: envName.optional() }).optional(),
  /** This process's id among the cluster's processes (lease owner). Default `<hostname>-<pid>`. */
  id: z
    .string()
    .regex(/^[-/_=.a-zA-Z0-9]+$/, 'letters, digits and - / _ = .')
    .optional(),
  /**
   * What this process does: `connectors` (its `connectors` entries publish to JetStream), `worker`
   * (the sharded channels below, also `vmsc worker`), `rules` (runs the rules of the partitions it
   * holds), `server` (the custom WS server, fed from JetStream). Default `["rules", "server"]`.
   */
  roles: z.array(clusterRoleSchema).min(1).default(['rules', 'server']),
  /** Subject prefix: events go to `<prefix>.p<n>.<source>.<type>`. Default `vmsc`. */
  subjectPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'NATS subject tokens separated by "."')
    .default('vmsc'),
  /** How many partitions channels are hashed into (the same for every process; change it only with every process stopped). Default 16. */
  partitions: z.number().int().min(1).max(1024).default(16),
  /** The JetStream stream (created if missing, checked if present). */
  stream: z
    .strictObject({
      name: z.string().min(1).optional(),
      maxAgeMs: z.number().int().positive().optional(),
      duplicateWindowMs: z.number().int().positive().optional(),
      replicas: z.union([z.literal(1), z.literal(3), z.literal(5)]).optional(),
      storage: z.enum(['file', 'memory']).optional(),
    })
    .prefault({}),
  /** Role `worker`: the channels shared among the workers and this worker's share. */
  worker: z
    .strictObject({
      /** Sharded connector type (Kick today). */
      type: z.literal('kick').default('kick'),
      channels: z.array(clusterChannelSchema).default([]),
      /** How many channels this worker watches at most. */
      capacity: z.number().int().positive().default(1_000),
      /** A dead worker's channels move within about this plus a third of it. Default 10 s. */
      leaseTtlMs: ttlMs.default(10_000),
    })
    .optional(),
  /** Role `rules`: partitions held through leases, state checkpointed with the stream position. */
  rules: z
    .strictObject({
      /** How many partitions this process runs at most. Default all. */
      capacity: z.number().int().positive().optional(),
      leaseTtlMs: ttlMs.default(10_000),
      /** How often each partition's state and position are checkpointed, ms. Default 1,000. */
      checkpointEveryMs: z.number().int().min(50).max(600_000).default(1_000),
    })
    .prefault({}),
});

/** A validated `cluster` section. */
export type ClusterConfig = z.output<typeof clusterConfigSchema>;
