import { resolve } from 'node:path';
import type { HubConfig } from '../config/schema.js';
import { AUTH_FILE } from './token-store.js';

/** Where the login store of a config lives: `auth.file` (relative to the config), default `.vmsc-auth.json` beside it. */
export function authFilePath(config: HubConfig | undefined, baseDir: string, override?: string): string {
  return resolve(baseDir, override ?? config?.auth?.file ?? AUTH_FILE);
}
