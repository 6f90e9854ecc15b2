import { randomBytes } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, ValidationError } from '@vmsc/core';
import { tokenScopes, type TokenScope } from '@vmsc/core/protocol';
import type { ScopedToken } from '@vmsc/custom-ws-server';
import type { HubConfig } from '../config/schema.js';
import { readTokenFile, TOKEN_FILE, writeTokenFile } from './token-file.js';

/**
 * The custom WS server's tokens from the config: the main one and the scoped `overlay` (read-only)
 * and `admin` ones. Each comes from its environment variable or, when that is unset, from its token
 * file beside the config, written once with a random token: a restart keeps every token, so the
 * URLs of OBS browser sources keep working.
 *
 * @packageDocumentation
 */

/** The files the generated tokens are kept in, beside the config (owner-only). */
export const SCOPED_TOKEN_FILES = { overlay: '.vmsc-overlay-token', admin: '.vmsc-admin-token' } as const;

/** The scopes of each scoped token: the overlay's is read-only (`subscribe`, and `hello`, which needs none). */
export const SCOPED_TOKEN_SCOPES: Readonly<Record<keyof typeof SCOPED_TOKEN_FILES, readonly TokenScope[]>> = {
  overlay: ['subscribe'],
  admin: tokenScopes,
};

/** One resolved token and where it came from. */
export interface ResolvedToken {
  /** `main`, `overlay` or `admin`. */
  name: 'main' | keyof typeof SCOPED_TOKEN_FILES;
  token: Secret;
  /** `env`: its environment variable; `file`: a token file from an earlier start; `generated`: new, just saved to `file`. */
  origin: 'env' | 'file' | 'generated';
  /** The environment variable that would hold it. */
  variable: string | undefined;
  /** Its token file (origins `file` and `generated`). */
  file?: string;
}

/** The server's tokens: the main one (every scope) and the scoped ones the config asks for. */
export interface ServerTokens {
  main: ResolvedToken;
  /** The scoped tokens, in the form `CustomWsServer`'s `tokens` option takes. */
  scoped: { resolved: ResolvedToken; grant: ScopedToken }[];
}

async function resolveToken(name: ResolvedToken['name'], variable: string | undefined, env: NodeJS.ProcessEnv, dir: string, file: string) {
  const fromEnv = variable ? env[variable] : undefined;
  if (fromEnv) return { name, token: new Secret(fromEnv), origin: 'env', variable } satisfies ResolvedToken;
  const saved = await readTokenFile(dir, file);
  const path = join(dir, file);
  if (saved) {
    // A file from an older version, or copied around, is made owner-only like a new one.
    await chmod(path, 0o600);
    return { name, token: new Secret(saved), origin: 'file', variable, file: path } satisfies ResolvedToken;
  }
  const token = randomBytes(32).toString('base64url');
  await writeTokenFile(dir, token, file);
  return { name, token: new Secret(token), origin: 'generated', variable, file: path } satisfies ResolvedToken;
}

/**
 * Resolves the server's tokens (see the module comment). Throws a `ValidationError` (code
 * `INVALID_CONFIG`, naming the variables, never a value) when two of them are the same token: the
 * server could not tell the read-only one from the main one.
 */
export async function resolveServerTokens(server: HubConfig['server'], env: NodeJS.ProcessEnv, dir: string): Promise<ServerTokens> {
  const main = await resolveToken('main', server.tokenEnv, env, dir, TOKEN_FILE);
  const scoped: ServerTokens['scoped'] = [];
  for (const name of ['overlay', 'admin'] as const) {
    const entry = server.tokens?.[name];
    if (!entry) continue;
    const resolved = await resolveToken(name, entry.tokenEnv, env, dir, SCOPED_TOKEN_FILES[name]);
    scoped.push({ resolved, grant: { token: resolved.token, scopes: SCOPED_TOKEN_SCOPES[name] } });
  }
  const all = [main, ...scoped.map((entry) => entry.resolved)];
  const seen = new Map<string, ResolvedToken>();
  for (const token of all) {
    const other = seen.get(token.token.reveal());
    if (other)
      throw new ValidationError(
        'invalid configuration',
        [
          {
            path: token.name === 'main' ? 'server.tokenEnv' : `server.tokens.${token.name}.tokenEnv`,
            message: `the ${token.name} token is the same as the ${other.name} token (${other.variable ?? other.file}): each token must be different`,
          },
        ],
        { code: 'INVALID_CONFIG' },
      );
    seen.set(token.token.reveal(), token);
  }
  return { main, scoped };
}

/** The line the hub shows for a token: where it came from, never its value. */
export function describeToken(token: ResolvedToken): string {
  const what =
    token.name === 'main' ? 'the custom WS server token' : `the ${token.name} token (${SCOPED_TOKEN_SCOPES[token.name].join(', ')})`;
  switch (token.origin) {
    case 'env':
      return `${what} comes from ${token.variable}`;
    case 'file':
      return `${what} is the one saved in ${token.file} (owner-only)${token.variable ? `; set ${token.variable} to use another` : ''}`;
    case 'generated':
      return `${token.variable ? `no ${token.variable} set: ` : ''}generated ${what} and saved it to ${token.file} (owner-only)`;
  }
}
