import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the file the hub writes a generated server token to (owner-only permissions). */
export const TOKEN_FILE = '.vmsc-token';

/**
 * Saves a generated custom WS server token next to the config, readable only by its owner, so that
 * `vmsc simulate` and the user's clients can use it without it ever being printed or logged.
 * `name` is the file's name (default {@link TOKEN_FILE}; the scoped tokens have their own).
 */
export async function writeTokenFile(dir: string, token: string, name: string = TOKEN_FILE): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  // `mode` only applies when the file is created: a file that was already there keeps its permissions.
  await chmod(path, 0o600);
  return path;
}

/** Reads a token file written by {@link writeTokenFile}, or `undefined` if there is none. */
export async function readTokenFile(dir: string, name: string = TOKEN_FILE): Promise<string | undefined> {
  const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
  const token = text?.trim();
  return token ? token : undefined;
}
