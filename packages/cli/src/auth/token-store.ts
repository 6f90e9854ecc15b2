import { chmod, readFile } from 'node:fs/promises';
import { Secret, ValidationError } from '@vmsc/core';
import { writeStateFile } from '../hub/state-file.js';

/** Name of the login store beside the config (owner-only, never committed). */
export const AUTH_FILE = '.vmsc-auth.json';

/** One platform's stored login. The tokens are {@link Secret}s: they print as `[redacted]`. */
export interface StoredLogin {
  accessToken: Secret;
  /** Absent when the platform gave none. */
  refreshToken?: Secret;
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  /** The scopes granted. */
  scopes: string[];
  /** The app the tokens were issued to. */
  clientId: string;
}

interface StoredLoginJson {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
  scopes: string[];
  clientId: string;
}

function fromJson(platform: string, value: unknown, file: string): StoredLogin {
  const v = value as Partial<StoredLoginJson> | null;
  if (!v || typeof v.accessToken !== 'string' || typeof v.expiresAt !== 'number' || typeof v.clientId !== 'string') {
    throw new ValidationError(
      `invalid login store ${file}`,
      [{ path: `logins.${platform}`, message: 'not a stored login; run `vmsc auth` again' }],
      {
        code: 'INVALID_AUTH_FILE',
      },
    );
  }
  return {
    accessToken: new Secret(v.accessToken),
    ...(typeof v.refreshToken === 'string' ? { refreshToken: new Secret(v.refreshToken) } : {}),
    expiresAt: v.expiresAt,
    scopes: Array.isArray(v.scopes) ? v.scopes.filter((s): s is string => typeof s === 'string') : [],
    clientId: v.clientId,
  };
}

function toJson(login: StoredLogin): StoredLoginJson {
  return {
    accessToken: login.accessToken.reveal(),
    ...(login.refreshToken ? { refreshToken: login.refreshToken.reveal() } : {}),
    expiresAt: login.expiresAt,
    scopes: login.scopes,
    clientId: login.clientId,
  };
}

/**
 * The owner-only file (mode 0600) that holds the logins `vmsc auth` obtained, one per platform.
 * Every save is atomic (temp file, fsync, rename) and serialized, so a rotated refresh token is never
 * half-written nor lost to a concurrent save. Prints as `TokenStore(<file>)`: no token ever.
 */
export class TokenStore {
  /** The file's path. */
  readonly file: string;
  #logins = new Map<string, StoredLogin>();
  #writing: Promise<void> = Promise.resolve();

  private constructor(file: string) {
    this.file = file;
  }

  /** Opens the store at `file` (a missing file is an empty store; an unreadable one a ValidationError). */
  static async open(file: string): Promise<TokenStore> {
    const store = new TokenStore(file);
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      let json: { logins?: Record<string, unknown> };
      try {
        json = JSON.parse(text) as { logins?: Record<string, unknown> };
      } catch (error) {
        throw new ValidationError(`invalid login store ${file}`, [{ path: '', message: `not JSON: ${(error as Error).message}` }], {
          code: 'INVALID_AUTH_FILE',
        });
      }
      for (const [platform, value] of Object.entries(json.logins ?? {})) store.#logins.set(platform, fromJson(platform, value, file));
    }
    return store;
  }

  /** The stored login of `platform`, if any. */
  get(platform: string): StoredLogin | undefined {
    return this.#logins.get(platform);
  }

  /** Stores (replaces) the login of `platform` and writes the file. */
  async set(platform: string, login: StoredLogin): Promise<void> {
    this.#logins.set(platform, login);
    await this.#save();
  }

  #save(): Promise<void> {
    const next = this.#writing.then(async () => {
      const logins = Object.fromEntries([...this.#logins].map(([platform, login]) => [platform, toJson(login)]));
      await writeStateFile(this.file, { version: 1, logins });
      await chmod(this.file, 0o600);
    });
    this.#writing = next.catch(() => undefined);
    return next;
  }

  /** `TokenStore(<file>)`. */
  toString(): string {
    return `TokenStore(${this.file})`;
  }

  /** No token: the file and the platforms stored. */
  toJSON(): { file: string; platforms: string[] } {
    return { file: this.file, platforms: [...this.#logins.keys()] };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
