import type { Connector, EventBus } from '@vmsc/core';
import {
  HypeRateConnector,
  PulsoidConnector,
  type HypeRateConnectorOptions,
  type PulsoidConnectorOptions,
} from '@vmsc/connector-heartrate';
import { KickConnector, KickWebhookReceiver, type KickConnectorOptions, type KickWebhookReceiverOptions } from '@vmsc/connector-kick';
import { StreamElementsConnector, type StreamElementsConnectorOptions } from '@vmsc/connector-streamelements';
import { StreamlabsConnector, type StreamlabsConnectorOptions } from '@vmsc/connector-streamlabs';
import { TikTokConnector, type TikTokConnectorCommonOptions } from '@vmsc/connector-tiktok';
import { TwitchConnector, type TwitchConnectorOptions } from '@vmsc/connector-twitch';
import { YouTubeConnector, type YouTubeConnectorOptions } from '@vmsc/connector-youtube';
import { CustomWsClient, MultistreamerClient, VmscMirrorClient, type MessageMapping } from '@vmsc/custom-ws-client';
import { ValidationError } from '@vmsc/core';
import { readCredential } from '../config/load-config.js';
import type { ConnectorConfig } from '../config/schema.js';
import type { HubLogins } from '../auth/hub-logins.js';

/** What building a connector from its config needs besides the config. */
export interface ConnectorContext {
  bus: EventBus;
  env: NodeJS.ProcessEnv;
  /** Position in the config's `connectors` array, for error paths. */
  index: number;
  /**
   * Extra constructor options per connector type, applied over what the config gives: endpoints
   * and backoff that a config file does not carry (`vmsc demo` points the connectors at the fakes with it).
   */
  overrides?: ConnectorOverrides;
  /** The logins `vmsc auth` saved, for entries that name no token. */
  logins?: Omit<HubLogins, 'stop'>;
}

/** Extra constructor options per connector type (endpoints, backoff), see {@link ConnectorContext.overrides}. */
export interface ConnectorOverrides {
  kick?: Partial<Omit<KickConnectorOptions, 'bus' | 'channel'>>;
  /** The Kick webhook receiver (`webhook` on a Kick entry): e.g. the public key of a test sender. */
  kickWebhook?: Partial<Omit<KickWebhookReceiverOptions, 'bus' | 'connector'>>;
  twitch?: Partial<Omit<TwitchConnectorOptions, 'bus' | 'clientId' | 'auth' | 'broadcaster'>>;
  tiktok?: Partial<Omit<TikTokConnectorCommonOptions, 'bus' | 'signApi'>>;
  youtube?: Partial<Omit<YouTubeConnectorOptions, 'bus' | 'auth' | 'target'>>;
  streamlabs?: Partial<Omit<StreamlabsConnectorOptions, 'bus' | 'socketToken'>>;
  streamelements?: Partial<Omit<StreamElementsConnectorOptions, 'bus' | 'token' | 'method'>>;
  pulsoid?: Partial<Omit<PulsoidConnectorOptions, 'bus' | 'token'>>;
  hyperate?: Partial<Omit<HypeRateConnectorOptions, 'bus' | 'token' | 'deviceId'>>;
}

function optionalCredential(env: NodeJS.ProcessEnv, variable: string | undefined, what: string): string | undefined {
  return variable ? readCredential(env, variable, what) : undefined;
}

/** The saved login of `platform`, or a ValidationError saying to run `vmsc auth <platform>`. */
function storedLogin(context: ConnectorContext, platform: 'twitch' | 'youtube'): NonNullable<HubLogins['twitch']> {
  const login = context.logins?.[platform];
  if (login) return login;
  throw new ValidationError('missing credential', [
    {
      path: `connectors.${context.index}.tokenEnv`,
      message: `no ${platform} login saved: run \`vmsc auth ${platform}\` (or set tokenEnv)`,
    },
  ]);
}

/**
 * Builds the connector a config entry describes, reading its credentials from the environment
 * variables the entry names. Throws a ValidationError naming the entry's path for anything missing.
 */
export function createConnector(config: ConnectorConfig, context: ConnectorContext): Connector {
  const { bus, env } = context;
  const extra = context.overrides ?? {};
  const id = config.id;
  const common = { bus, ...(id ? { id } : {}) };
  switch (config.type) {
    case 'kick': {
      const chatToken = optionalCredential(env, config.chatTokenEnv, 'Kick chat token (OAuth, scope chat:write)');
      return new KickConnector({
        ...common,
        channel: config.chatroomId
          ? {
              slug: config.channel,
              chatroomId: config.chatroomId,
              ...(config.channelId ? { channelId: config.channelId } : {}),
              ...(config.broadcasterUserId ? { broadcasterUserId: config.broadcasterUserId } : {}),
            }
          : config.channel,
        ...(chatToken ? { chatToken } : context.logins?.kick ? { chatToken: context.logins.kick } : {}),
        ...(config.chatSenderType ? { chatSenderType: config.chatSenderType } : {}),
        ...extra.kick,
      });
    }
    case 'twitch':
      return new TwitchConnector({
        ...common,
        clientId: readCredential(env, config.clientIdEnv, 'Twitch client id'),
        auth: config.tokenEnv ? readCredential(env, config.tokenEnv, 'Twitch user access token') : storedLogin(context, 'twitch'),
        broadcaster: config.broadcaster,
        ...(config.events ? { events: config.events as ConstructorParameters<typeof TwitchConnector>[0]['events'] } : {}),
        ...extra.twitch,
      });
    case 'tiktok': {
      const apiKey = optionalCredential(env, config.signApiKeyEnv, 'TikTok Sign API key');
      const signApi = { ...(config.signApiUrl ? { url: config.signApiUrl } : {}), ...(apiKey ? { apiKey } : {}) };
      if (config.roomId)
        return new TikTokConnector({
          ...common,
          roomId: config.roomId,
          ...(config.uniqueId ? { uniqueId: config.uniqueId } : {}),
          signApi,
          ...extra.tiktok,
        });
      if (config.uniqueId) return new TikTokConnector({ ...common, uniqueId: config.uniqueId, signApi, ...extra.tiktok });
      throw new ValidationError('invalid tiktok connector', [{ path: `connectors.${context.index}`, message: 'set uniqueId or roomId' }]);
    }
    case 'streamlabs':
      return new StreamlabsConnector({
        ...common,
        socketToken: readCredential(env, config.socketTokenEnv, 'Streamlabs socket API token'),
        ...extra.streamlabs,
      });
    case 'streamelements':
      return new StreamElementsConnector({
        ...common,
        token: readCredential(env, config.tokenEnv, 'StreamElements token'),
        method: config.method,
        ...extra.streamelements,
      });
    case 'pulsoid':
      return new PulsoidConnector({ ...common, token: readCredential(env, config.tokenEnv, 'Pulsoid access token'), ...extra.pulsoid });
    case 'hyperate':
      return new HypeRateConnector({
        ...common,
        deviceId: config.deviceId,
        token: readCredential(env, config.apiKeyEnv, 'HypeRate API key'),
        ...extra.hyperate,
      });
    case 'custom-ws': {
      const token = optionalCredential(env, config.tokenEnv, 'custom WebSocket token');
      const withToken = { ...common, url: config.url, ...(token ? { token } : {}) };
      if (config.preset === 'multistreamer') return new MultistreamerClient(withToken);
      if (config.preset === 'vmsc') return new VmscMirrorClient({ ...withToken, source: config.source });
      if (!config.mapping) {
        throw new ValidationError('invalid custom-ws connector', [
          { path: `connectors.${context.index}.mapping`, message: 'a mapping is required unless a preset is chosen' },
        ]);
      }
      return new CustomWsClient({ ...withToken, source: config.source, mapping: config.mapping as unknown as MessageMapping });
    }
    case 'youtube': {
      const where = `connectors.${context.index}`;
      const target = config.liveChatId
        ? { liveChatId: config.liveChatId }
        : config.videoId
          ? { videoId: config.videoId }
          : config.mine
            ? ({ mine: true } as const)
            : undefined;
      if (!target)
        throw new ValidationError('invalid youtube connector', [{ path: where, message: 'set videoId, liveChatId or mine: true' }]);
      const accessToken = optionalCredential(env, config.tokenEnv, 'YouTube OAuth access token');
      const apiKey = optionalCredential(env, config.apiKeyEnv, 'YouTube Data API key');
      if (config.mine && !accessToken && !context.logins?.youtube) {
        throw new ValidationError('invalid youtube connector', [
          { path: `${where}.tokenEnv`, message: '"mine" needs an OAuth access token (tokenEnv)' },
        ]);
      }
      const auth = accessToken ? { accessToken } : apiKey ? { apiKey } : context.logins?.youtube;
      if (!auth)
        throw new ValidationError('invalid youtube connector', [
          { path: where, message: 'set apiKeyEnv or tokenEnv, or run `vmsc auth youtube` (no youtube login saved)' },
        ]);
      return new YouTubeConnector({ ...common, auth, target, ...extra.youtube });
    }
  }
}

/**
 * The Kick webhook receiver a Kick entry with `webhook` asks for, linked to that entry's connector
 * (one dedupe window for both feeds).
 */
export function createKickWebhookReceiver(
  config: Extract<ConnectorConfig, { type: 'kick' }>,
  connector: KickConnector,
  context: ConnectorContext,
): KickWebhookReceiver | undefined {
  if (!config.webhook) return undefined;
  return new KickWebhookReceiver({
    bus: context.bus,
    connector,
    id: `${connector.id}:webhook`,
    port: config.webhook.port,
    host: config.webhook.host,
    path: config.webhook.path,
    ...context.overrides?.kickWebhook,
  });
}
