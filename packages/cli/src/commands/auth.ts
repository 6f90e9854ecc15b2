import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Secret, type Clock } from '@vmsc/core';
import { loadConfig, readCredential, type LoadedConfig } from '../config/load-config.js';
import { authFilePath } from '../auth/store-path.js';
import { TokenStore } from '../auth/token-store.js';
import { TWITCH_DEFAULT_SCOPES } from '../auth/twitch-scopes.js';
import { KICK_DEFAULT_SCOPES, kickLoopbackSignIn } from '../auth/kick.js';
import { googleLoopbackSignIn, YOUTUBE_DEFAULT_SCOPES, type GoogleEndpoints } from '../auth/google.js';
import { pollTwitchDeviceToken, requestTwitchDeviceCode, validateTwitchToken } from '../auth/twitch.js';
import { formatError } from './start.js';
import type { CommandIo, ExitCode } from './io.js';

/** Options of {@link authCommand}. */
export interface AuthCommandOptions {
  /** The config file (default `vmsc.config.json` in the working directory, when there is one). */
  config?: string;
  /** Environment variable with the app's client id (default: the config's connector entry, else `TWITCH_CLIENT_ID`). */
  clientIdEnv?: string;
  /** Environment variable with the app's client secret (confidential apps only). */
  clientSecretEnv?: string;
  /** Scopes to ask for (default {@link TWITCH_DEFAULT_SCOPES}). */
  scopes?: readonly string[];
  /** The login store file (default: the config's `auth.file`, else `.vmsc-auth.json` beside the config). */
  store?: string;
  /** The platform's OAuth base URL (a fake in tests). */
  oauthUrl?: string;
  /** Google's endpoints for `vmsc auth youtube` (a fake in tests). */
  googleEndpoints?: Partial<GoogleEndpoints>;
  /** Kick's OAuth server for `vmsc auth kick` (a fake in tests). */
  kickOAuthUrl?: string;
  /** The loopback port of `vmsc auth kick` (default 7896; register `http://127.0.0.1:<port>` with the app). */
  port?: number;
  clock?: Clock;
  signal?: AbortSignal;
}

/** The config `--config` names, or `vmsc.config.json` in the working directory when there is one. */
export async function loadOptionalConfig(io: CommandIo, file: string | undefined): Promise<LoadedConfig | undefined> {
  if (file) return loadConfig(resolve(io.cwd, file));
  const candidate = resolve(io.cwd, 'vmsc.config.json');
  const exists = await readFile(candidate).then(
    () => true,
    () => false,
  );
  return exists ? loadConfig(candidate) : undefined;
}

/**
 * `vmsc auth twitch`: signs in with Twitch's device code flow (open the printed URL, enter the code)
 * and saves the login to the owner-only login store, where `vmsc start` finds it for every Twitch
 * connector without `tokenEnv`. Prints who signed in and the scopes, never a token.
 */
export async function authCommand(platform: string | undefined, options: AuthCommandOptions, io: CommandIo): Promise<ExitCode> {
  if (platform !== 'twitch' && platform !== 'youtube' && platform !== 'kick') {
    io.stderr.write(`vmsc auth: ${platform ? `"${platform}" is not supported` : 'name a platform'}: vmsc auth twitch | youtube | kick\n`);
    return 2;
  }
  if (platform === 'youtube') return youtubeAuth(options, io);
  if (platform === 'kick') return kickAuth(options, io);
  try {
    const loaded = await loadOptionalConfig(io, options.config);
    const entry = loaded?.config.connectors.find((c) => c.type === 'twitch');
    const clientIdEnv = options.clientIdEnv ?? (entry?.type === 'twitch' ? entry.clientIdEnv : 'TWITCH_CLIENT_ID');
    const secretEnv = options.clientSecretEnv ?? (entry?.type === 'twitch' ? entry.clientSecretEnv : undefined);
    const clientId = readCredential(io.env, clientIdEnv, 'Twitch client id');
    const clientSecret = secretEnv ? new Secret(readCredential(io.env, secretEnv, 'Twitch client secret')) : undefined;
    const scopes = options.scopes ?? TWITCH_DEFAULT_SCOPES;
    const oauth = {
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      ...(options.oauthUrl ? { baseUrl: options.oauthUrl } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    };
    const store = await TokenStore.open(authFilePath(loaded?.config, loaded?.baseDir ?? io.cwd, options.store));
    const device = await requestTwitchDeviceCode(oauth, scopes);
    io.stdout.write(
      `To sign in to Twitch, open ${device.verificationUri}\nand enter the code ${device.userCode} (valid ${Math.round(device.expiresIn / 60)} minutes). Waiting…\n`,
    );
    const login = await pollTwitchDeviceToken(oauth, device, scopes, options.signal);
    const who = await validateTwitchToken(login.accessToken, options.oauthUrl);
    await store.set('twitch', login);
    io.stdout.write(
      `signed in to Twitch${who ? ` as ${who.login}` : ''} (scopes: ${login.scopes.join(' ') || 'none'}); the login is saved to ${store.file} (owner-only)\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`vmsc auth ${platform}: ${formatError(error)}`);
    return 1;
  }
}

/**
 * `vmsc auth youtube`: OAuth 2.0 for installed apps: a loopback redirect on 127.0.0.1 and PKCE S256.
 * Prints the URL to open; saves the login (with Google's refresh token) to the login store.
 */
async function youtubeAuth(options: AuthCommandOptions, io: CommandIo): Promise<ExitCode> {
  try {
    const loaded = await loadOptionalConfig(io, options.config);
    const entry = loaded?.config.connectors.find((c) => c.type === 'youtube');
    const fromEntry = entry?.type === 'youtube' ? entry : undefined;
    const clientIdEnv = options.clientIdEnv ?? fromEntry?.clientIdEnv ?? 'YOUTUBE_CLIENT_ID';
    const secretEnv = options.clientSecretEnv ?? fromEntry?.clientSecretEnv ?? 'YOUTUBE_CLIENT_SECRET';
    const google = {
      clientId: readCredential(io.env, clientIdEnv, 'Google OAuth client id (Desktop app)'),
      clientSecret: new Secret(readCredential(io.env, secretEnv, 'Google OAuth client secret')),
      ...(options.googleEndpoints ? { endpoints: options.googleEndpoints } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    };
    const store = await TokenStore.open(authFilePath(loaded?.config, loaded?.baseDir ?? io.cwd, options.store));
    const login = await googleLoopbackSignIn(
      google,
      options.scopes ?? YOUTUBE_DEFAULT_SCOPES,
      (url) =>
        io.stdout.write(
          `To sign in to YouTube, open this URL in a browser on this computer:\n${url}\nWaiting for the redirect to 127.0.0.1…\n`,
        ),
      options.signal,
    );
    await store.set('youtube', login);
    io.stdout.write(
      `signed in to YouTube (scopes: ${login.scopes.join(' ') || 'none'}); the login is saved to ${store.file} (owner-only)\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`vmsc auth youtube: ${formatError(error)}`);
    return 1;
  }
}

/** `vmsc auth kick`: Kick's OAuth 2.1 (authorization code + PKCE S256) with a loopback redirect. */
async function kickAuth(options: AuthCommandOptions, io: CommandIo): Promise<ExitCode> {
  try {
    const loaded = await loadOptionalConfig(io, options.config);
    const entry = loaded?.config.connectors.find((c) => c.type === 'kick');
    const fromEntry = entry?.type === 'kick' ? entry : undefined;
    const kick = {
      clientId: readCredential(io.env, options.clientIdEnv ?? fromEntry?.clientIdEnv ?? 'KICK_CLIENT_ID', 'Kick app client id'),
      clientSecret: new Secret(
        readCredential(io.env, options.clientSecretEnv ?? fromEntry?.clientSecretEnv ?? 'KICK_CLIENT_SECRET', 'Kick app client secret'),
      ),
      ...(options.kickOAuthUrl ? { baseUrl: options.kickOAuthUrl } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    };
    const store = await TokenStore.open(authFilePath(loaded?.config, loaded?.baseDir ?? io.cwd, options.store));
    const login = await kickLoopbackSignIn(
      kick,
      options.scopes ?? KICK_DEFAULT_SCOPES,
      (url) =>
        io.stdout.write(
          `To sign in to Kick, open this URL in a browser on this computer:\n${url}\nWaiting for the redirect to 127.0.0.1…\n`,
        ),
      options.signal,
    );
    await store.set('kick', login);
    io.stdout.write(`signed in to Kick (scopes: ${login.scopes.join(' ') || 'none'}); the login is saved to ${store.file} (owner-only)\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`vmsc auth kick: ${formatError(error)}`);
    return 1;
  }
}
