import { z } from 'zod';
import { clusterConfigSchema } from './cluster-schema.js';

/**
 * The hub's configuration file (`vmsc.config.json`). Credentials never appear in it: each connector
 * names the environment variable that holds its credential (`tokenEnv`, `apiKeyEnv`...).
 *
 * Every field carries a `.describe()` text: the JSON Schema shipped as
 * `@vmsc/cli/vmsc.config.schema.json` and the reference page `docs/config.md` are generated from them.
 *
 * @packageDocumentation
 */

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, underscores)');

/** An environment variable name, described. */
const env = (what: string) => envName.describe(`Name of the environment variable that holds ${what} (never the value itself).`);

const base = {
  id: z
    .string()
    .min(1)
    .optional()
    .describe("Name of this connector in the hub (statuses, logs, `reply` actions). Default: the connector's own id."),
  enabled: z.boolean().default(true).describe('`false` keeps the entry in the file without starting the connector.'),
};

/** One connector entry, discriminated by `type`. */
export const connectorConfigSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        ...base,
        type: z.literal('kick').describe('Kick chat and events (Pusher feed), optionally chat out and webhooks.'),
        channel: z.string().min(1).describe('The channel slug (the part after `kick.com/`).'),
        chatroomId: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('The chatroom id; skips the channel lookup (useful when Kick blocks it).'),
        channelId: z.number().int().positive().optional().describe('The channel id (for the channel events), with `chatroomId`.'),
        broadcasterUserId: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("The channel owner's user id, needed to send chat when `chatroomId` skips the channel lookup."),
        chatTokenEnv: env("an OAuth token (scope `chat:write`) to send chat through Kick's official API").optional(),
        chatSenderType: z.enum(['user', 'bot']).optional().describe("Send chat as the token's `user` (default) or as the app's `bot`."),
        webhook: z
          .strictObject({
            port: z.number().int().min(0).max(65535).describe('Port the webhook receiver listens on.'),
            host: z.string().default('127.0.0.1').describe('Interface the webhook receiver binds to.'),
            path: z.string().regex(/^\//, 'must start with "/"').default('/kick/webhook').describe('URL path Kick posts to.'),
          })
          .optional()
          .describe(
            "Also receive Kick's official event webhooks (named follows...) on this port and path, deduped against the Pusher feed. Kick needs a public HTTPS URL in front of it (a tunnel or a reverse proxy).",
          ),
      })
      .describe('A Kick channel.'),
    z
      .strictObject({
        ...base,
        type: z.literal('twitch').describe('Twitch chat and EventSub events.'),
        broadcaster: z.string().min(1).describe('The channel login name.'),
        clientIdEnv: env('the Twitch application client id'),
        tokenEnv: env('the Twitch user access token'),
        events: z.array(z.string()).optional().describe('The event types to subscribe to (default: every Twitch type).'),
      })
      .describe('A Twitch channel.'),
    z
      .strictObject({
        ...base,
        type: z.literal('youtube').describe('YouTube live chat.'),
        videoId: z.string().optional().describe('The live video id (from its URL).'),
        liveChatId: z.string().optional().describe('The live chat id, when known (skips the lookup).'),
        mine: z.boolean().optional().describe("Find the token owner's current broadcast."),
        apiKeyEnv: env('a YouTube Data API key (read-only)').optional(),
        tokenEnv: env('an OAuth access token (needed to send chat and for `mine`)').optional(),
      })
      .describe('A YouTube live stream.'),
    z
      .strictObject({
        ...base,
        type: z.literal('tiktok').describe('TikTok LIVE events.'),
        uniqueId: z.string().optional().describe('The streamer username (without `@`).'),
        roomId: z.string().optional().describe('The room id, when known.'),
        signApiUrl: z.url().optional().describe('URL of the signing service the TikTok connection uses.'),
        signApiKeyEnv: env('the signing service API key').optional(),
      })
      .describe('A TikTok LIVE stream.'),
    z
      .strictObject({
        ...base,
        type: z.literal('streamlabs').describe('Streamlabs alerts.'),
        socketTokenEnv: env('the Streamlabs socket API token'),
      })
      .describe('Streamlabs alerts (donations, follows...).'),
    z
      .strictObject({
        ...base,
        type: z.literal('streamelements').describe('StreamElements realtime events.'),
        tokenEnv: env('the StreamElements JWT, OAuth token or API key'),
        method: z.enum(['jwt', 'oauth2', 'apikey']).default('jwt').describe('What kind of credential `tokenEnv` holds.'),
      })
      .describe('StreamElements events (tips, follows...).'),
    z
      .strictObject({ ...base, type: z.literal('pulsoid').describe('Pulsoid heart rate.'), tokenEnv: env('the Pulsoid access token') })
      .describe('A Pulsoid heart-rate feed.'),
    z
      .strictObject({
        ...base,
        type: z.literal('hyperate').describe('HypeRate heart rate.'),
        deviceId: z.string().min(1).describe('The HypeRate device id.'),
        apiKeyEnv: env('the HypeRate API key'),
      })
      .describe('A HypeRate heart-rate feed.'),
    z
      .strictObject({
        ...base,
        type: z.literal('custom-ws').describe('Any WebSocket server as an event source.'),
        url: z
          .string()
          .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
          .describe('The server to connect to (`ws://` or `wss://`).'),
        source: z.string().min(1).describe('The `source` of the events it produces.'),
        preset: z
          .enum(['multistreamer', 'vmsc'])
          .optional()
          .describe('A built-in message mapping: a multistreamer server or another VMSC hub.'),
        tokenEnv: env("the remote server's token").optional(),
        mapping: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('JSONPath mapping of incoming messages to events (see docs/custom-websocket.md).'),
      })
      .describe('A custom WebSocket client connection.'),
  ])
  .describe('One connector, chosen by `type`.');

/** A scoped token of the custom WS server: its value comes from an environment variable, or is generated and kept in a file. */
const scopedToken = (what: string, file: string) =>
  z
    .strictObject({
      tokenEnv: env(`the ${what} token`)
        .optional()
        .describe(
          `Name of the environment variable that holds the ${what} token. Unset: a random token is generated once and kept in \`${file}\` beside the config (owner-only), so it stays the same across restarts.`,
        ),
    })
    .optional();

/** The whole configuration file. */
export const hubConfigSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('The JSON Schema of this file, for editors: `./node_modules/@vmsc/cli/vmsc.config.schema.json`.'),
    server: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Run the custom WebSocket server (overlays, games, `vmsc simulate`).'),
        port: z.number().int().min(0).max(65535).default(7895).describe('TCP port (`0`: any free port).'),
        host: z
          .string()
          .default('127.0.0.1')
          .describe('Interface to bind; `0.0.0.0` opens it to the network (anyone reaching it can try tokens).'),
        tokenEnv: envName
          .default('VMSC_TOKEN')
          .describe(
            'Name of the environment variable with the main token (every scope). Unset: a random token is generated once and kept in `.vmsc-token` beside the config (owner-only), so it stays the same across restarts.',
          ),
        tokens: z
          .strictObject({
            overlay: scopedToken('overlay', '.vmsc-overlay-token').describe(
              'A read-only token for overlays and OBS browser sources: `subscribe` (and `hello`) only, never `injectEvent`, `triggerRule` or admin actions.',
            ),
            admin: scopedToken('admin', '.vmsc-admin-token').describe(
              'A token for dashboards and tools that manage the hub: every scope, `admin` included.',
            ),
          })
          .optional()
          .describe('Extra tokens with their own scopes, beside the main token.'),
        maxConnections: z
          .number()
          .int()
          .positive()
          .default(10)
          .describe('Most simultaneous authenticated connections; one more is closed with 4503.'),
        allowedOrigins: z
          .union([z.literal('*'), z.array(z.string().min(1))])
          .optional()
          .describe(
            'Browser origins allowed to connect (an OBS browser source or an overlay page, e.g. `"http://127.0.0.1:8080"`; `"null"` for a page opened from a file; `"*"` for any). Without it every browser page is refused, so a web page cannot drive the hub; Node, Python and native clients send no origin and are not affected.',
          ),
      })
      .prefault({})
      .describe('The custom WebSocket server.'),
    rules: z
      .union([z.string(), z.array(z.unknown())])
      .default([])
      .describe('A rules file path (relative to the config file) or the rules inline (see docs/rules.md).'),
    journal: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Write every event to the journal (for `vmsc replay`).'),
        dir: z.string().default('journal').describe('Directory of the journal files, relative to the config file.'),
      })
      .prefault({})
      .describe('The event journal: one JSON line per event, a file per day.'),
    state: z
      .strictObject({
        file: z.string().default('vmsc-state.json').describe('The state file, relative to the config file.'),
        saveEveryMs: z
          .number()
          .int()
          .min(100)
          .max(3_600_000)
          .default(10_000)
          .describe('How often the state is saved while it changes, ms.'),
      })
      .prefault({})
      .describe(
        "The rule engine's state (variables, counters, cooldowns, viewers' points): saved atomically on stop and every `saveEveryMs` while running, so that a crash loses at most that much.",
      ),
    log: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Write the log file.'),
        file: z
          .string()
          .min(1)
          .default('logs/vmsc.log')
          .describe(
            'The log file, relative to the config file. Numbered as it rotates: `logs/vmsc.1.log`, `logs/vmsc.2.log`... (the highest is the current one).',
          ),
        level: z
          .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])
          .default('info')
          .describe('The lowest level written: `error` for errors only, `debug` adds every event.'),
        maxSizeMb: z.number().positive().max(10_240).default(10).describe('Size in MB past which the log moves on to a new file.'),
        keep: z
          .number()
          .int()
          .min(1)
          .max(1_000)
          .default(5)
          .describe('How many older log files are kept besides the current one; older ones are deleted.'),
      })
      .prefault({})
      .describe('The log file: JSON lines with time and level (pino), rotated by size, secrets redacted.'),
    dedupe: z
      .union([
        z.literal(false),
        z
          .strictObject({
            priority: z
              .array(z.string())
              .optional()
              .describe('Sources in order of preference when the same happening arrives from several.'),
            windowMs: z
              .number()
              .int()
              .positive()
              .optional()
              .describe('How far apart two copies may arrive and still be one happening, ms.'),
            holdMs: z.number().int().nonnegative().optional().describe('How long an event waits for a preferred copy, ms.'),
          })
          .describe('Cross-source dedupe settings.'),
      ])
      .default(false)
      .describe(
        'Cross-source duplicate suppression (a tip seen by StreamElements and Streamlabs is delivered once); `false` turns it off.',
      ),
    connectors: z.array(connectorConfigSchema).default([]).describe('The platforms the hub connects to.'),
    cluster: clusterConfigSchema
      .optional()
      .describe('Run the bus over NATS JetStream across several processes (see docs/scaling.md). Without it, one process and no NATS.'),
    http: z
      .strictObject({
        allowHosts: z.array(z.string().min(1)).default([]).describe('Hosts `http` actions may call.'),
        targets: z
          .record(
            z.string().regex(/^[A-Za-z][\w-]*$/, 'a target name is letters, digits, "_" and "-"'),
            z.strictObject({ urlEnv: env('the target URL (a credential, like a Discord webhook URL)') }).describe('A named target.'),
          )
          .default({})
          .describe('Named targets whose URL is read from an environment variable.'),
      })
      .optional()
      .describe('Webhook calls (`http` actions). Without it, rules with `http` actions are refused.'),
    obs: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Connect to OBS.'),
        url: z
          .string()
          .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
          .default('ws://127.0.0.1:4455')
          .describe('The obs-websocket URL.'),
        passwordEnv: env('the obs-websocket password').optional(),
      })
      .optional()
      .describe('OBS Studio through obs-websocket 5, for `obs` actions. Without it, rules with `obs` actions are refused.'),
  })
  .describe('The VMSC hub configuration (`vmsc.config.json`).');

/** A validated hub configuration. */
export type HubConfig = z.output<typeof hubConfigSchema>;
/** One validated connector entry. */
export type ConnectorConfig = z.output<typeof connectorConfigSchema>;
