import { resolve } from 'node:path';
import type { Secret } from '@vmsc/core';
import type { LoadedConfig } from '../config/load-config.js';
import { SCOPED_TOKEN_FILES } from '../hub/server-tokens.js';
import { readTokenFile, TOKEN_FILE } from '../hub/token-file.js';
import type { Unsubscribe } from '@vmsc/core';
import type { Hub } from '../hub/hub.js';
import { HubLog } from './hub-log.js';
import { logRuleRuns } from './log-runs.js';

/**
 * The values of every environment variable the config names (each `...Env` field: tokens, keys,
 * passwords, webhook URLs): what the log must never write.
 */
export function configSecrets(config: unknown, env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value)) {
        if (/Env$/.test(key) && typeof child === 'string') {
          const secret = env[child];
          if (secret) found.push(secret);
        } else walk(child);
      }
  };
  walk(config);
  return found;
}

/** The tokens saved beside the config (`.vmsc-token` and the scoped ones), also secrets for the log. */
export async function savedTokens(dir: string): Promise<string[]> {
  const names = [TOKEN_FILE, ...Object.values(SCOPED_TOKEN_FILES)];
  const tokens = await Promise.all(names.map((name) => readTokenFile(dir, name)));
  return tokens.filter((token): token is string => token !== undefined);
}

/**
 * Opens the log file a config asks for (`log`, paths relative to the config), or `undefined` when
 * `log.enabled` is false. The credentials the config names are secrets of the log from the start.
 */
export async function openConfiguredLog(
  loaded: LoadedConfig,
  env: NodeJS.ProcessEnv,
  onError: (error: Error) => void,
  extraSecrets: readonly (string | Secret)[] = [],
): Promise<HubLog | undefined> {
  const { log } = loaded.config;
  if (!log.enabled) return undefined;
  return HubLog.open({
    file: resolve(loaded.baseDir, log.file),
    level: log.level,
    maxSizeMb: log.maxSizeMb,
    keep: log.keep,
    secrets: [...configSecrets(loaded.config, env), ...(await savedTokens(loaded.baseDir)), ...extraSecrets],
    onError,
  });
}

/**
 * Connects a built hub to its log: its tokens (also the generated ones) become secrets of the log,
 * every rule run gets its structured line, and a first line says which config runs. Returns what
 * detaches the run lines.
 */
export async function startHubLog(log: HubLog, hub: Hub, loaded: LoadedConfig): Promise<Unsubscribe> {
  if (hub.server) log.addSecrets([hub.server.token]);
  log.addSecrets(await savedTokens(loaded.baseDir));
  log.write('info', `hub starting${loaded.file ? ` from ${loaded.file}` : ''}`, {
    kind: 'start',
    connectors: hub.connectors.map((connector) => ({ id: connector.id, source: connector.source })),
  });
  return logRuleRuns(hub.engine, log);
}
