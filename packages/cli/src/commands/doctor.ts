import { twitchMissingScopes } from '@vmsc/connector-twitch';
import type { Secret } from '@vmsc/core';
import { toSecret } from '@vmsc/core';
import { authFilePath } from '../auth/store-path.js';
import { TokenStore } from '../auth/token-store.js';
import { validateTwitchToken, TWITCH_OAUTH_URL } from '../auth/twitch.js';
import type { ConnectorConfig } from '../config/schema.js';
import { loadOptionalConfig } from './auth.js';
import { formatError } from './start.js';
import type { CommandIo, ExitCode } from './io.js';

/** Options of {@link doctorCommand}. */
export interface DoctorCommandOptions {
  config?: string;
  /** Twitch's OAuth base for `/validate` (a fake in tests). */
  twitchOAuthUrl?: string;
  /** Google's tokeninfo endpoint (default `https://oauth2.googleapis.com/tokeninfo`). */
  googleTokenInfoUrl?: string;
  /** Kick's OAuth server, for `POST /oauth/token/introspect` (default `https://id.kick.com`). */
  kickOAuthUrl?: string;
}

/** The scopes a YouTube OAuth token has, from Google's tokeninfo; `undefined` for an invalid token. */
async function googleScopes(token: Secret, url: string): Promise<string[] | undefined> {
  const response = await fetch(`${url}?access_token=${encodeURIComponent(token.reveal())}`, { signal: AbortSignal.timeout(10_000) }).catch(
    () => undefined,
  );
  if (!response) throw new Error(`cannot reach ${url}`);
  const body = (await response.json().catch(() => ({}))) as { scope?: unknown };
  if (response.status !== 200) return undefined;
  return typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [];
}

/** Kick's introspection of a token: its scopes, or `undefined` when inactive. */
async function kickScopes(token: Secret, baseUrl: string): Promise<string[] | undefined> {
  const response = await fetch(new URL('/oauth/token/introspect', baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token.reveal()}` },
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
  if (!response) throw new Error(`cannot reach ${baseUrl}`);
  const body = (await response.json().catch(() => ({}))) as { data?: { active?: unknown; scope?: unknown } };
  if (response.status !== 200 || body.data?.active !== true) return undefined;
  return typeof body.data.scope === 'string' ? body.data.scope.split(' ').filter(Boolean) : [];
}

/** A token's check: present, active, and holding one of `anyOf`. */
async function checkScopes(
  name: string,
  platform: 'youtube' | 'kick',
  token: Secret | undefined,
  fix: string,
  anyOf: readonly string[],
  scopesOf: (token: Secret) => Promise<string[] | undefined>,
): Promise<DoctorFinding> {
  if (!token) return { connector: name, ok: false, message: `no token (no saved login) — ${fix}` };
  const scopes = await scopesOf(token);
  if (!scopes) return { connector: name, ok: false, message: `the ${platform} token is not valid (expired or revoked) — ${fix}` };
  if (!anyOf.some((scope) => scopes.includes(scope)))
    return { connector: name, ok: false, message: `token lacks scope ${anyOf.join(' or ')} — ${fix}` };
  return { connector: name, ok: true, message: `the token is valid and has ${anyOf.find((scope) => scopes.includes(scope))}` };
}

/** The YouTube scopes any one of which lets the connector read chat. */
const YOUTUBE_SCOPES = ['youtube.force-ssl', 'youtube', 'youtube.readonly'];

/** One finding of `vmsc doctor`. */
export interface DoctorFinding {
  connector: string;
  ok: boolean;
  message: string;
}

/** Every `…Env` field of an entry whose environment variable is unset. */
function unsetVariables(entry: ConnectorConfig, env: NodeJS.ProcessEnv): string[] {
  return Object.entries(entry)
    .filter(([key, value]) => key.endsWith('Env') && typeof value === 'string' && !env[value])
    .map(([, value]) => value as string);
}

async function checkTwitch(
  entry: Extract<ConnectorConfig, { type: 'twitch' }>,
  env: NodeJS.ProcessEnv,
  store: TokenStore,
  options: DoctorCommandOptions,
): Promise<DoctorFinding[]> {
  const name = entry.id ?? 'twitch';
  let token: Secret | undefined;
  let fix = 'run `vmsc auth twitch`';
  if (entry.tokenEnv) {
    const value = env[entry.tokenEnv];
    if (value) token = toSecret(value);
    fix = `put a new token in ${entry.tokenEnv}, or remove tokenEnv and run \`vmsc auth twitch\``;
  } else token = store.get('twitch')?.accessToken;
  if (!token)
    return [
      { connector: name, ok: false, message: `no token (${entry.tokenEnv ? `${entry.tokenEnv} is unset` : 'no saved login'}) — ${fix}` },
    ];
  const validation = await validateTwitchToken(token, options.twitchOAuthUrl ?? TWITCH_OAUTH_URL);
  if (!validation) {
    // A saved login may only need its refresh: vmsc start does that; an expired fixed token does not come back.
    const saved = !entry.tokenEnv && store.get('twitch')?.refreshToken;
    return [
      {
        connector: name,
        ok: Boolean(saved),
        message: saved
          ? 'the saved access token has expired; vmsc start refreshes it (if that fails: run `vmsc auth twitch`)'
          : `the token is not valid (expired or revoked) — ${fix}`,
      },
    ];
  }
  const findings: DoctorFinding[] = [];
  const clientId = env[entry.clientIdEnv];
  if (clientId && validation.clientId !== clientId)
    findings.push({ connector: name, ok: false, message: `the token belongs to another app than ${entry.clientIdEnv} — ${fix}` });
  for (const missing of twitchMissingScopes(entry.events, validation.scopes)) {
    findings.push({
      connector: name,
      ok: false,
      message: `token lacks scope ${missing.anyOf.join(' or ')} (for ${missing.events.join(', ')}) — ${fix}`,
    });
  }
  if (findings.length === 0)
    findings.push({
      connector: name,
      ok: true,
      message: `token of ${validation.login}, every scope its events need (expires in ${Math.round(validation.expiresIn / 60)} min)`,
    });
  return findings;
}

/**
 * `vmsc doctor`: checks every enabled connector of the config: the environment variables it names
 * are set, and for Twitch the token (saved login or `tokenEnv`) against `/oauth2/validate`: valid,
 * issued to the configured app, with every scope the configured events need. Prints each problem
 * with its fix; exit code 1 when anything is missing. YouTube's OAuth token (saved login or
 * `tokenEnv`) is checked with Google's tokeninfo (a YouTube scope), Kick's chat token with Kick's
 * introspection (`chat:write`); other platforms: only their variables.
 */
export async function doctorCommand(options: DoctorCommandOptions, io: CommandIo): Promise<ExitCode> {
  try {
    const loaded = await loadOptionalConfig(io, options.config);
    if (!loaded) {
      io.stderr.write('vmsc doctor: no vmsc.config.json here (pass --config)\n');
      return 2;
    }
    const store = await TokenStore.open(authFilePath(loaded.config, loaded.baseDir));
    const findings: DoctorFinding[] = [];
    for (const entry of loaded.config.connectors) {
      if (!entry.enabled) continue;
      const name = entry.id ?? entry.type;
      const unset = unsetVariables(entry, io.env);
      for (const variable of unset) findings.push({ connector: name, ok: false, message: `set the environment variable ${variable}` });
      if (entry.type === 'twitch' && !unset.includes(entry.clientIdEnv))
        findings.push(...(await checkTwitch(entry, io.env, store, options)));
      else if (entry.type === 'youtube' && !entry.apiKeyEnv && unset.length === 0) {
        const token = entry.tokenEnv ? toSecret(io.env[entry.tokenEnv]!) : store.get('youtube')?.accessToken;
        const scopes = YOUTUBE_SCOPES.map((scope) => `https://www.googleapis.com/auth/${scope}`);
        const url = options.googleTokenInfoUrl ?? 'https://oauth2.googleapis.com/tokeninfo';
        findings.push(await checkScopes(name, 'youtube', token, 'run `vmsc auth youtube`', scopes, (t) => googleScopes(t, url)));
      } else if (entry.type === 'kick' && unset.length === 0 && (entry.chatTokenEnv || store.get('kick'))) {
        const token = entry.chatTokenEnv ? toSecret(io.env[entry.chatTokenEnv]!) : store.get('kick')?.accessToken;
        const base = options.kickOAuthUrl ?? 'https://id.kick.com';
        findings.push(await checkScopes(name, 'kick', token, 'run `vmsc auth kick`', ['chat:write'], (t) => kickScopes(t, base)));
      } else if (unset.length === 0)
        findings.push({ connector: name, ok: true, message: 'its environment variables are set (not checked against the platform)' });
    }
    if (findings.length === 0) io.stdout.write('no connectors configured\n');
    for (const finding of findings) io.stdout.write(`${finding.ok ? 'ok     ' : 'MISSING'} ${finding.connector}: ${finding.message}\n`);
    return findings.every((f) => f.ok) ? 0 : 1;
  } catch (error) {
    io.stderr.write(`vmsc doctor: ${formatError(error)}`);
    return 1;
  }
}
