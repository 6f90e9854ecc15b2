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
export const clusterChannelSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      channel: z.string().min(1).describe('The channel slug.'),
      chatroomId: z.number().int().positive().optional().describe('The chatroom id (skips the lookup).'),
      channelId: z.number().int().positive().optional().describe('The channel id (skips the lookup).'),
    }),
  ])
  .describe('A channel: its slug, or the slug with its ids.');

/** The roles a process plays in a cluster. */
export const clusterRoleSchema = z.enum(['connectors', 'worker', 'rules', 'server']);

/** The `cluster` section. */
export const clusterConfigSchema = z.strictObject({
  /** NATS server URL(s), e.g. `"nats://10.0.0.5:4222"`. */
  servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('NATS server URL(s), e.g. `"nats://10.0.0.5:4222"`.'),
  /** Environment variables holding the NATS credentials (user + password, or a token). */
  credentials: z
    .strictObject({
      userEnv: envName.optional().describe('Name of the environment variable with the NATS user.'),
      passwordEnv: envName.optional().describe('Name of the environment variable with the NATS password.'),
      tokenEnv: envName.optional().describe('Name of the environment variable with the NATS token.'),
    })
    .optional()
    .describe('Environment variables holding the NATS credentials (user + password, or a token).'),
  /** This process's id among the cluster's processes (lease owner). Default `<hostname>-<pid>`. */
  id: z
    .string()
    .regex(/^[-/_=.a-zA-Z0-9]+$/, 'letters, digits and - / _ = .')
    .optional()
    .describe("This process's id among the cluster's processes (lease owner). Default `<hostname>-<pid>`."),
  /**
   * What this process does: `connectors` (its `connectors` entries publish to JetStream), `worker`
   * (the sharded channels below, also `vmsc worker`), `rules` (runs the rules of the partitions it
   * holds), `server` (the custom WS server, fed from JetStream). Default `["rules", "server"]`.
   */
  roles: z
    .array(clusterRoleSchema)
    .min(1)
    .default(['rules', 'server'])
    .describe(
      'What this process does: `connectors` (its `connectors` entries publish to JetStream), `worker` (the sharded channels, also `vmsc worker`), `rules` (the rules of the partitions it holds), `server` (the custom WS server, fed from JetStream).',
    ),
  /** Subject prefix: events go to `<prefix>.p<n>.<source>.<type>`. Default `vmsc`. */
  subjectPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'NATS subject tokens separated by "."')
    .default('vmsc')
    .describe('Subject prefix: events go to `<prefix>.p<n>.<source>.<type>`.'),
  /** How many partitions channels are hashed into (the same for every process; change it only with every process stopped). Default 16. */
  partitions: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(16)
    .describe('How many partitions channels are hashed into (the same for every process; change it only with every process stopped).'),
  /** The JetStream stream (created if missing, checked if present). */
  stream: z
    .strictObject({
      name: z.string().min(1).optional().describe('The stream name.'),
      maxAgeMs: z.number().int().positive().optional().describe('How long the stream keeps events, ms.'),
      duplicateWindowMs: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('JetStream duplicate window (same message id published twice), ms.'),
      replicas: z
        .union([z.literal(1), z.literal(3), z.literal(5)])
        .optional()
        .describe('Stream replicas in a NATS cluster.'),
      storage: z.enum(['file', 'memory']).optional().describe('Where JetStream stores the stream.'),
    })
    .prefault({})
    .describe('The JetStream stream (created if missing, checked if present).'),
  /** Role `worker`: the channels shared among the workers and this worker's share. */
  worker: z
    .strictObject({
      /** Sharded connector type (Kick today). */
      type: z.literal('kick').default('kick').describe('Sharded connector type (Kick today).'),
      channels: z.array(clusterChannelSchema).default([]).describe('The channels shared among the workers.'),
      /** How many channels this worker watches at most. */
      capacity: z.number().int().positive().default(1_000).describe('How many channels this worker watches at most.'),
      /** A dead worker's channels move within about this plus a third of it. Default 10 s. */
      leaseTtlMs: ttlMs.default(10_000).describe("A dead worker's channels move within about this plus a third of it, ms."),
    })
    .optional()
    .describe("Role `worker`: the channels shared among the workers and this worker's share."),
  /** Role `rules`: partitions held through leases, state checkpointed with the stream position. */
  rules: z
    .strictObject({
      /** How many partitions this process runs at most. Default all. */
      capacity: z.number().int().positive().optional().describe('How many partitions this process runs at most. Default all.'),
      leaseTtlMs: ttlMs.default(10_000).describe("How long a partition's lease lasts without renewal, ms."),
      /** How often each partition's state and position are checkpointed, ms. Default 1,000. */
      checkpointEveryMs: z
        .number()
        .int()
        .min(50)
        .max(600_000)
        .default(1_000)
        .describe("How often each partition's state and position are checkpointed, ms."),
    })
    .prefault({})
    .describe('Role `rules`: partitions held through leases, state checkpointed with the stream position.'),
});

/** A validated `cluster` section. */
export type ClusterConfig = z.output<typeof clusterConfigSchema>;
