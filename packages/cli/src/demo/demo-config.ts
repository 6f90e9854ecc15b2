import type { AllFakes } from '@vmsc/testing';
import type { ConnectorOverrides } from '../hub/create-connector.js';

/**
 * The embedded default of `vmsc demo`: a hub config (one connector of every platform, credentials
 * named by environment variable exactly as in a real `vmsc.config.json`), the environment holding the
 * fakes' credentials, and the endpoint overrides pointing every connector at its fake.
 *
 * @packageDocumentation
 */

/** The sample rules the demo loads: they fire within seconds of the scripted stream. */
export const DEMO_RULES = [
  {
    id: '6a1d3c0e-0d5e-4c8b-9a61-0d3e5f7a9b01',
    name: 'Thank gift streaks',
    trigger: { types: ['gift'], sources: ['tiktok'] },
    conditions: { path: 'data.repeatEnd', op: '==', value: true },
    actions: [
      { type: 'counter', name: 'streaks' },
      { type: 'log', message: 'thank you {{user.nickname}} for {{data.repeatCount}}x {{data.giftName}}!' },
    ],
  },
  {
    id: '6a1d3c0e-0d5e-4c8b-9a61-0d3e5f7a9b02',
    name: 'Dice on Kick',
    trigger: { command: '!dice', aliases: ['!roll'], sources: ['kick'] },
    actions: [
      {
        type: 'random',
        choices: [1, 2, 3, 4, 5, 6].map((roll) => ({
          weight: 1,
          actions: [{ type: 'log', message: `@{{user.username}} rolled a ${roll} 🎲` }],
        })),
      },
    ],
  },
  {
    id: '6a1d3c0e-0d5e-4c8b-9a61-0d3e5f7a9b03',
    name: 'Follow alert',
    trigger: { types: ['follow'] },
    actions: [
      { type: 'counter', name: 'follows' },
      { type: 'log', message: 'new follower on {{source}}: {{user.nickname}} (follow #{{vars.follows}})' },
    ],
  },
  {
    id: '6a1d3c0e-0d5e-4c8b-9a61-0d3e5f7a9b04',
    name: 'Thank tips',
    trigger: { types: ['tip', 'donation', 'super_chat'] },
    actions: [{ type: 'log', message: 'thanks {{user.nickname}} for {{data.amount}} {{data.currency}} on {{source}}!' }],
  },
  {
    id: '6a1d3c0e-0d5e-4c8b-9a61-0d3e5f7a9b05',
    name: 'High heart rate',
    trigger: { types: ['bpm_update'] },
    conditions: { path: 'data.bpm', op: '>=', value: 140 },
    actions: [{ type: 'log', message: 'heart rate {{data.bpm}} bpm: breathe!' }],
  },
] as const;

/** Names of the environment variables the demo config refers to (values: the fakes' credentials). */
const ENV = {
  twitchClientId: 'VMSC_DEMO_TWITCH_CLIENT_ID',
  twitchToken: 'VMSC_DEMO_TWITCH_TOKEN',
  tiktokSignKey: 'VMSC_DEMO_TIKTOK_SIGN_KEY',
  youtubeKey: 'VMSC_DEMO_YOUTUBE_API_KEY',
  streamlabsToken: 'VMSC_DEMO_STREAMLABS_TOKEN',
  streamelementsToken: 'VMSC_DEMO_STREAMELEMENTS_JWT',
  pulsoidToken: 'VMSC_DEMO_PULSOID_TOKEN',
  hyperateKey: 'VMSC_DEMO_HYPERATE_KEY',
} as const;

/** What the demo hub is built from. */
export interface DemoSetup {
  /** A raw hub config (validated by the same schema as `vmsc.config.json`). */
  config: Record<string, unknown>;
  /** The environment with the fakes' (fake) credentials. */
  env: NodeJS.ProcessEnv;
  /** Endpoints of the fakes and a fast backoff, per connector type. */
  overrides: ConnectorOverrides;
}

/** Builds the demo's config, environment and endpoint overrides for running fakes. */
export function demoSetup(fakes: Pick<AllFakes, 'connectionOptions'>, server: { port: number; host: string }): DemoSetup {
  const o = fakes.connectionOptions;
  const config = {
    server: { port: server.port, host: server.host },
    journal: { enabled: false },
    rules: DEMO_RULES,
    connectors: [
      {
        type: 'kick',
        id: 'kick',
        channel: o.kick.channel.slug,
        chatroomId: o.kick.channel.chatroomId,
        channelId: o.kick.channel.channelId,
      },
      { type: 'twitch', id: 'twitch', broadcaster: o.twitch.broadcaster, clientIdEnv: ENV.twitchClientId, tokenEnv: ENV.twitchToken },
      {
        type: 'tiktok',
        id: 'tiktok',
        roomId: o.tiktok.roomId,
        uniqueId: o.tiktok.uniqueId,
        signApiUrl: o.tiktok.signApi.url,
        signApiKeyEnv: ENV.tiktokSignKey,
      },
      { type: 'youtube', id: 'youtube', videoId: o.youtube.target.videoId, apiKeyEnv: ENV.youtubeKey },
      { type: 'streamlabs', id: 'streamlabs', socketTokenEnv: ENV.streamlabsToken },
      { type: 'streamelements', id: 'streamelements', tokenEnv: ENV.streamelementsToken, method: 'jwt' },
      { type: 'pulsoid', id: 'pulsoid', tokenEnv: ENV.pulsoidToken },
      { type: 'hyperate', id: 'hyperate', deviceId: o.hyperate.deviceId, apiKeyEnv: ENV.hyperateKey },
    ],
  };
  const env: NodeJS.ProcessEnv = {
    [ENV.twitchClientId]: o.twitch.clientId,
    [ENV.twitchToken]: o.twitch.auth,
    [ENV.tiktokSignKey]: o.tiktok.signApi.apiKey,
    [ENV.youtubeKey]: o.youtube.auth.apiKey,
    [ENV.streamlabsToken]: o.streamlabs.socketToken,
    [ENV.streamelementsToken]: o.streamelements.token,
    [ENV.pulsoidToken]: o.heartrate.token,
    [ENV.hyperateKey]: o.hyperate.token,
  };
  const { wsHost, wsPort, forceTLS, keyRefresh } = o.kick;
  const overrides: ConnectorOverrides = {
    kick: { wsHost, wsPort, forceTLS, keyRefresh },
    twitch: { urls: o.twitch.urls, backoff: o.twitch.backoff },
    tiktok: { webBaseUrl: o.tiktok.webBaseUrl, webcastBaseUrl: o.tiktok.webcastBaseUrl, backoff: o.tiktok.backoff },
    youtube: { apiBaseUrl: o.youtube.apiBaseUrl, backoff: o.youtube.backoff },
    streamlabs: { url: o.streamlabs.url, backoff: o.streamlabs.backoff },
    streamelements: { url: o.streamelements.url, backoff: o.streamelements.backoff },
    pulsoid: { url: o.heartrate.url, backoff: o.heartrate.backoff },
    hyperate: { url: o.hyperate.url, backoff: o.hyperate.backoff },
  };
  return { config, env, overrides };
}
