import { Secret, type Clock } from '@vmsc/core';
import { readCredential } from '../config/load-config.js';
import type { HubConfig } from '../config/schema.js';
import { RefreshingLogin } from './refreshing-login.js';
import { authFilePath } from './store-path.js';
import { TokenStore } from './token-store.js';
import { refreshTwitchLogin } from './twitch.js';
import type { KickTokenProvider } from '@vmsc/connector-kick';
import { kickLoginProvider } from './kick.js';
import { refreshGoogleLogin, type GoogleEndpoints } from './google.js';

/** Endpoints and clock of the hub's stored logins (a test points them at the fakes). */
export interface HubLoginOptions {
  /** Twitch's OAuth base (default `https://id.twitch.tv/oauth2`). */
  twitchOAuthUrl?: string;
  /** Google's endpoints (default the real ones). */
  googleEndpoints?: Partial<GoogleEndpoints>;
  /** Kick's OAuth server (default `https://id.kick.com`). */
  kickOAuthUrl?: string;
  /** The clock refreshes are timed with. */
  clock?: Clock;
}

/** The stored logins the hub's connectors use, refreshing in the background until {@link HubLogins.stop}. */
export interface HubLogins {
  twitch?: RefreshingLogin;
  youtube?: RefreshingLogin;
  /** Kick's own provider (refreshes when chat is sent, before expiry, and after a 401). */
  kick?: KickTokenProvider;
  /** Stops every background refresh. */
  stop(): void;
}

/**
 * Opens the logins `vmsc auth` saved, for the connector entries that name no token: a
 * {@link RefreshingLogin} per platform, started (refreshing before expiry). A platform with no saved
 * login is left out; the connector entry then reports "run `vmsc auth <platform>`".
 */
export async function openHubLogins(
  config: HubConfig,
  baseDir: string,
  env: NodeJS.ProcessEnv,
  onError: (platform: string, error: Error) => void,
  options: HubLoginOptions = {},
): Promise<HubLogins> {
  const logins: HubLogins = {
    stop: () => {
      logins.twitch?.stop();
      logins.youtube?.stop();
    },
  };
  const twitch = config.connectors.find((c) => c.enabled && c.type === 'twitch' && !c.tokenEnv);
  const youtube = config.connectors.find((c) => c.enabled && c.type === 'youtube' && !c.tokenEnv && !c.apiKeyEnv);
  const kick = config.connectors.find((c) => c.enabled && c.type === 'kick' && !c.chatTokenEnv);
  if (!twitch && !youtube && !kick) return logins;
  const store = await TokenStore.open(authFilePath(config, baseDir));
  if (kick?.type === 'kick' && store.get('kick')) {
    const provider = kickLoginProvider(
      store,
      {
        clientId: readCredential(env, kick.clientIdEnv ?? 'KICK_CLIENT_ID', 'Kick app client id'),
        clientSecret: new Secret(readCredential(env, kick.clientSecretEnv ?? 'KICK_CLIENT_SECRET', 'Kick app client secret')),
        ...(options.kickOAuthUrl ? { baseUrl: options.kickOAuthUrl } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
      },
      (error) => onError('kick', error),
    );
    if (provider) logins.kick = provider;
  }
  if (youtube?.type === 'youtube' && store.get('youtube')) {
    const google = {
      clientId: readCredential(env, youtube.clientIdEnv ?? 'YOUTUBE_CLIENT_ID', 'Google OAuth client id'),
      clientSecret: new Secret(readCredential(env, youtube.clientSecretEnv ?? 'YOUTUBE_CLIENT_SECRET', 'Google OAuth client secret')),
      ...(options.googleEndpoints ? { endpoints: options.googleEndpoints } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    };
    logins.youtube = RefreshingLogin.fromStore({
      platform: 'youtube',
      store,
      refresh: (login) => refreshGoogleLogin(google, login),
      ...(options.clock ? { clock: options.clock } : {}),
      onError: (error) => onError('youtube', error),
    });
    logins.youtube.start();
  }
  if (twitch?.type !== 'twitch' || !store.get('twitch')) return logins;
  const clientId = readCredential(env, twitch.clientIdEnv, 'Twitch client id');
  const secret = twitch.clientSecretEnv ? new Secret(readCredential(env, twitch.clientSecretEnv, 'Twitch client secret')) : undefined;
  const oauth = {
    clientId,
    ...(secret ? { clientSecret: secret } : {}),
    ...(options.twitchOAuthUrl ? { baseUrl: options.twitchOAuthUrl } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  logins.twitch = RefreshingLogin.fromStore({
    platform: 'twitch',
    store,
    refresh: (login) => refreshTwitchLogin(oauth, login),
    ...(options.clock ? { clock: options.clock } : {}),
    onError: (error) => onError('twitch', error),
  });
  logins.twitch.start();
  return logins;
}
