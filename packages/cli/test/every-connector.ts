/** One config entry of every connector type, credentials named by environment variable (test data). */
export const EVERY_CONNECTOR = [
  { type: 'kick', channel: 'xqc' },
  { type: 'twitch', broadcaster: 'twitchdev', clientIdEnv: 'TWITCH_CLIENT_ID', tokenEnv: 'TWITCH_TOKEN' },
  { type: 'youtube', videoId: 'jfKfPfyJRdk', apiKeyEnv: 'YT_KEY' },
  { type: 'tiktok', uniqueId: 'someone', signApiKeyEnv: 'SIGN_KEY' },
  { type: 'streamlabs', socketTokenEnv: 'SL_TOKEN' },
  { type: 'streamelements', tokenEnv: 'SE_JWT' },
  { type: 'pulsoid', tokenEnv: 'PULSOID_TOKEN' },
  { type: 'hyperate', deviceId: 'ABC1', apiKeyEnv: 'HYPERATE_KEY' },
  { type: 'custom-ws', url: 'ws://127.0.0.1:9000', source: 'multistreamer', preset: 'multistreamer' },
];
