import { z } from 'zod';

/**
 * The hub's configuration file (`vmsc.config.json`). Credentials never appear in it: each connector
 * names the environment variable that holds its credential (`tokenEnv`, `apiKeyEnv`...).
 *
 * @packageDocumentation
 */

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, underscores)');

const base = { id: z.string().min(1).optional(), enabled: z.boolean().default(true) };

/** One connector entry, discriminated by `type`. */
export const connectorConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('kick'),
    channel: z.string().min(1),
    chatroomId: z.number().int().positive().optional(),
    channelId: z.number().int().positive().optional(),
    /** The channel owner's user id, needed to send chat when `chatroomId` skips the channel lookup. */
    broadcasterUserId: z.number().int().positive().optional(),
    /** Environment variable with an OAuth token (scope `chat:write`) to send chat through Kick's official API. */
    chatTokenEnv: envName.optional(),
    /** Send as the token's `user` (default) or as the app's `bot`. */
    chatSenderType: z.enum(['user', 'bot']).optional(),
    /** Environment variables with the Kick app's client id and secret: `vmsc auth kick`, and refreshing its saved login (used when `chatTokenEnv` is unset). */
    clientIdEnv: envName.optional(),
    clientSecretEnv: envName.optional(),
    /**
     * Also receive Kick's official event webhooks (named follows...) on this port and path, deduped
     * against the Pusher feed. Kick needs a public HTTPS URL in front of it (a tunnel or a reverse proxy).
     */
    webhook: z
      .strictObject({
        port: z.number().int().min(0).max(65535),
        host: z.string().default('127.0.0.1'),
        path: z.string().startsWith('/').default('/kick/webhook'),
      })
      .optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('twitch'),
    broadcaster: z.string().min(1),
    clientIdEnv: envName,
    /** Environment variable with a user access token; without it, the login `vmsc auth twitch` saved (refreshed as it expires). */
    tokenEnv: envName.optional(),
    /** Environment variable with the app's client secret, for a confidential app's refreshes (a public app has none). */
    clientSecretEnv: envName.optional(),
    events: z.array(z.string()).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('youtube'),
    videoId: z.string().optional(),
    liveChatId: z.string().optional(),
    mine: z.boolean().optional(),
    apiKeyEnv: envName.optional(),
    tokenEnv: envName.optional(),
    /** Environment variables with the Google OAuth client (Desktop app) `vmsc auth youtube` and the refreshes use. */
    clientIdEnv: envName.optional(),
    clientSecretEnv: envName.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('tiktok'),
    uniqueId: z.string().optional(),
    roomId: z.string().optional(),
    signApiUrl: z.url().optional(),
    signApiKeyEnv: envName.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('streamlabs'), socketTokenEnv: envName }),
  z.strictObject({
    ...base,
    type: z.literal('streamelements'),
    tokenEnv: envName,
    method: z.enum(['jwt', 'oauth2', 'apikey']).default('jwt'),
  }),
  z.strictObject({ ...base, type: z.literal('pulsoid'), tokenEnv: envName }),
  z.strictObject({ ...base, type: z.literal('hyperate'), deviceId: z.string().min(1), apiKeyEnv: envName }),
  z.strictObject({
    ...base,
    type: z.literal('custom-ws'),
    url: z.string().regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL'),
    source: z.string().min(1),
    preset: z.enum(['multistreamer', 'vmsc']).optional(),
    tokenEnv: envName.optional(),
    mapping: z.record(z.string(), z.unknown()).optional(),
  }),
]);

/** The whole configuration file. */
export const hubConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  server: z
    .strictObject({
      enabled: z.boolean().default(true),
      port: z.number().int().min(0).max(65535).default(7895),
      host: z.string().default('127.0.0.1'),
      /** Environment variable with the server's token; a random one is generated (and printed once) when unset. */
      tokenEnv: envName.default('VMSC_TOKEN'),
      maxConnections: z.number().int().positive().default(10),
      /**
       * Browser origins allowed to connect (an OBS browser source or an overlay page, e.g.
       * `"http://127.0.0.1:8080"`; `"null"` for a page opened from a file; `"*"` for any). Without it
       * every browser page is refused, so a web page cannot drive the hub; Node, Python and native
       * clients send no origin and are not affected.
       */
      allowedOrigins: z.union([z.literal('*'), z.array(z.string().min(1))]).optional(),
    })
    .prefault({}),
  /** A rules file path (relative to the config file) or the rules inline. */
  rules: z.union([z.string(), z.array(z.unknown())]).default([]),
  journal: z
    .strictObject({
      enabled: z.boolean().default(true),
      dir: z.string().default('journal'),
    })
    .prefault({}),
  /**
   * The rule engine's state (variables, counters, cooldowns, viewers' points): saved to `file`
   * (beside the config) on stop and every `saveEveryMs` while running (default 10 s), so that a crash
   * loses at most that much.
   */
  state: z
    .strictObject({
      file: z.string().default('vmsc-state.json'),
      saveEveryMs: z.number().int().min(100).max(3_600_000).default(10_000),
    })
    .prefault({}),
  /** Where `vmsc auth` saves logins (owner-only, relative to the config). Default `.vmsc-auth.json`. Never commit it. */
  auth: z.strictObject({ file: z.string().min(1).optional() }).optional(),
  dedupe: z
    .union([
      z.literal(false),
      z.strictObject({
        priority: z.array(z.string()).optional(),
        windowMs: z.number().int().positive().optional(),
        holdMs: z.number().int().nonnegative().optional(),
      }),
    ])
    .default(false),
  connectors: z.array(connectorConfigSchema).default([]),
  /**
   * Webhook calls (`http` actions): the hosts rules may call, and named targets whose URL (a
   * credential, like a Discord webhook URL) is read from an environment variable. Without it, rules
   * with `http` actions are refused.
   */
  http: z
    .strictObject({
      allowHosts: z.array(z.string().min(1)).default([]),
      targets: z
        .record(z.string().regex(/^[A-Za-z][\w-]*$/, 'a target name is letters, digits, "_" and "-"'), z.strictObject({ urlEnv: envName }))
        .default({}),
    })
    .optional(),
  /**
   * OBS Studio through obs-websocket 5, for `obs` actions. Without it, rules with `obs` actions are
   * refused. The password comes from the environment variable `passwordEnv` names.
   */
  obs: z
    .strictObject({
      enabled: z.boolean().default(true),
      url: z
        .string()
        .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
        .default('ws://127.0.0.1:4455'),
      passwordEnv: envName.optional(),
    })
    .optional(),
});

/** A validated hub configuration. */
export type HubConfig = z.output<typeof hubConfigSchema>;
/** One validated connector entry. */
export type ConnectorConfig = z.output<typeof connectorConfigSchema>;
