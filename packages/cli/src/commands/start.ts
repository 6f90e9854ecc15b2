import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  EventBus,
  validateRules,
  ValidationError,
  type Connector,
  type Rule,
  type HttpActionOptions,
  type ValidateRulesOptions,
  type ValidationIssue,
  type Clock,
} from '@vmsc/core';
import { ObsController, type ObsControllerOptions } from '@vmsc/obs';
import { loadConfig, parseConfig, readCredential, type LoadedConfig } from '../config/load-config.js';
import type { HubConfig } from '../config/schema.js';
import { KickConnector } from '@vmsc/connector-kick';
import { createConnector, createKickWebhookReceiver, type ConnectorOverrides } from '../hub/create-connector.js';
import { hubRuleValidation } from '../hub/hub-actions.js';
import { Hub } from '../hub/hub.js';
import { describeToken, resolveServerTokens } from '../hub/server-tokens.js';
import { createView, type HubView } from '../view/hub-view.js';
import { LogView, teeView } from '../log/log-view.js';
import type { HubLog } from '../log/hub-log.js';
import { openConfiguredLog, startHubLog } from '../log/open-log.js';
import type { CommandIo, ExitCode } from './io.js';
import { startClusterRoles, type ClusterRole } from '../cluster/start-roles.js';

/**
 * Loads the rules a config names (a file relative to the config, or inline), naming every problem;
 * `validation` says which action types they may use (default: the hub's, see {@link hubRuleValidation}).
 */
export async function loadRules(
  rules: string | readonly unknown[],
  baseDir: string,
  configFile: string | undefined,
  validation: ValidateRulesOptions = hubRuleValidation(),
): Promise<Rule[]> {
  let input: unknown = rules;
  let where = configFile ? `${configFile} (rules)` : 'rules';
  if (typeof rules === 'string') {
    const path = resolve(baseDir, rules);
    where = path;
    try {
      input = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ValidationError(`cannot load rules from ${path}`, [{ path: '', message: (error as Error).message }], {
        code: 'INVALID_RULES',
      });
    }
  }
  const result = validateRules(input, validation);
  if (!result.ok) throw new ValidationError(`invalid rules in ${where}`, result.issues, { code: 'INVALID_RULES' });
  return result.rules;
}

/** Options of {@link buildHub} and `vmsc start` beyond the config file. */
export interface BuildHubOptions {
  /**
   * Endpoints and backoff per connector type that a config file does not carry: point the
   * connectors at local fakes or a platform's mock server (`examples/answer-back` does).
   */
  overrides?: ConnectorOverrides;
  /** Replaces the config's custom WS server `port` (0: any free port). */
  server?: { port?: number };
  /** Replaces the config's OBS endpoint and backoff. */
  obs?: Pick<ObsControllerOptions, 'url' | 'backoff'>;
  /** The rule engine's clock (timers, cooldowns, delays): a test drives the hub's timers with `ManualClock`. */
  clock?: Clock;
}

/** The `http` action's options from the config's `http` entry: target URLs read from the environment. */
export function httpOptions(config: NonNullable<HubConfig['http']>, env: NodeJS.ProcessEnv): HttpActionOptions {
  const targets: Record<string, { url: string }> = {};
  for (const [name, target] of Object.entries(config.targets))
    targets[name] = { url: readCredential(env, target.urlEnv, `URL of the http target "${name}"`) };
  return { allowHosts: config.allowHosts, targets, env };
}

/** Builds a hub from a loaded config: connectors (credentials from the environment), rules, server, journal. */
export async function buildHub(loaded: LoadedConfig, env: NodeJS.ProcessEnv, view: HubView, options: BuildHubOptions = {}): Promise<Hub> {
  const { config, baseDir, file } = loaded;
  const issues: ValidationIssue[] = [];
  const bus = new EventBus(config.dedupe ? { crossSourceDedupe: config.dedupe } : {});
  const connectors: Connector[] = [];
  config.connectors.forEach((entry, index) => {
    if (!entry.enabled) return;
    try {
      const context = { bus, env, index, ...(options.overrides ? { overrides: options.overrides } : {}) };
      const connector = createConnector(entry, context);
      connectors.push(connector);
      if (entry.type === 'kick' && connector instanceof KickConnector) {
        const receiver = createKickWebhookReceiver(entry, connector, context);
        if (receiver) connectors.push(receiver);
      }
    } catch (error) {
      if (error instanceof ValidationError)
        issues.push(...error.issues.map((issue) => ({ ...issue, path: issue.path || `connectors.${index}` })));
      else issues.push({ path: `connectors.${index}`, message: (error as Error).message });
    }
  });
  if (issues.length > 0)
    throw new ValidationError(`cannot start the connectors${file ? ` of ${file}` : ''}`, issues, { code: 'INVALID_CONFIG' });
  const obs =
    config.obs && config.obs.enabled
      ? new ObsController({
          bus,
          url: config.obs.url,
          ...options.obs,
          ...(config.obs.passwordEnv ? { password: readCredential(env, config.obs.passwordEnv, 'OBS websocket password') } : {}),
        })
      : undefined;
  const http = config.http ? httpOptions(config.http, env) : false;
  const validation = hubRuleValidation(connectors, { obs: obs ?? false, http, ...(config.server.enabled ? {} : { overlay: false }) });
  const rules = await loadRules(config.rules, baseDir, file, validation);
  const rulesFile = typeof config.rules === 'string' ? resolve(baseDir, config.rules) : undefined;
  const tokens = config.server.enabled ? await resolveServerTokens(config.server, env, baseDir) : undefined;
  const hub = new Hub({
    view,
    bus,
    rules,
    ...(rulesFile ? { rulesSource: { files: [rulesFile], load: () => loadRules(rulesFile, baseDir, file, validation) } } : {}),
    connectors,
    server: config.server.enabled
      ? {
          port: options.server?.port ?? config.server.port,
          host: config.server.host,
          maxConnections: config.server.maxConnections,
          ...(config.server.allowedOrigins ? { allowedOrigins: config.server.allowedOrigins } : {}),
          ...(tokens ? { token: tokens.main.token, tokens: tokens.scoped.map((entry) => entry.grant) } : {}),
        }
      : false,
    journalDir: config.journal.enabled ? resolve(baseDir, config.journal.dir) : false,
    stateFile: resolve(baseDir, config.state.file),
    saveEveryMs: config.state.saveEveryMs,
    ...(obs ? { obs } : {}),
    ...(http ? { http } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  for (const token of tokens ? [tokens.main, ...tokens.scoped.map((entry) => entry.resolved)] : []) view.info(describeToken(token));
  return hub;
}

/**
 * `vmsc start [--config vmsc.config.json]`: runs the hub until Ctrl-C (or `signal` aborts), then
 * shuts down cleanly. Without `--config`, uses `vmsc.config.json` in the working directory if there
 * is one, else the defaults (server, journal, no connectors).
 */
export async function startCommand(
  options: { config?: string; signal?: AbortSignal; clusterRoles?: readonly ClusterRole[] } & BuildHubOptions,
  io: CommandIo,
): Promise<ExitCode> {
  let loaded: LoadedConfig;
  try {
    if (options.config) loaded = await loadConfig(resolve(io.cwd, options.config));
    else {
      const candidate = resolve(io.cwd, 'vmsc.config.json');
      const exists = await readFile(candidate, 'utf8').then(
        () => true,
        () => false,
      );
      loaded = exists ? await loadConfig(candidate) : { config: parseConfig({}), file: undefined, baseDir: io.cwd };
    }
  } catch (error) {
    io.stderr.write(formatError(error));
    return 2;
  }
  const terminal = createView(io.stdout);
  let log: HubLog | undefined;
  try {
    log = await openConfiguredLog(loaded, io.env, (error) =>
      terminal.error('log', `cannot write the log file: ${error.message} (the hub goes on)`),
    );
  } catch (error) {
    terminal.close();
    io.stderr.write(`cannot open the log file ${resolve(loaded.baseDir, loaded.config.log.file)}: ${(error as Error).message}\n`);
    return 2;
  }
  const view = log ? teeView(terminal, new LogView(log)) : terminal;
  let hub: Hub;
  let cluster: Awaited<ReturnType<typeof startClusterRoles>>;
  try {
    cluster = startClusterRoles(loaded, options.clusterRoles);
    hub = await buildHub(cluster?.hubConfig ?? loaded, io.env, view, options);
    await cluster?.prepare(hub, { env: io.env, view, ...options });
  } catch (error) {
    view.close();
    log?.write('error', formatError(error).trim(), { kind: 'start' });
    await log?.close();
    io.stderr.write(formatError(error));
    return 2;
  }
  const offRuns = log ? await startHubLog(log, hub, loaded) : () => undefined;
  // SIGINT or SIGTERM (either, once) starts the shutdown; a second signal while it runs is answered,
  // not obeyed (the state is being saved); every listener is removed when the hub has stopped.
  const again = () => view.info('still shutting down: saving the rule state (at most the drain period)…');
  const stopped = new Promise<void>((done) => {
    if (options.signal) {
      options.signal.addEventListener('abort', () => done(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.on('SIGINT', again);
      process.on('SIGTERM', again);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // A connector that cannot reach its platform keeps retrying and its connect() stays pending:
  // Ctrl-C must still shut down then.
  await Promise.race([Promise.all([hub.start(), cluster?.start()]), stopped]);
  await stopped;
  view.info('shutting down…');
  try {
    await cluster?.stop();
    await hub.stop();
    log?.write('info', 'the hub stopped', { kind: 'stop' });
  } catch (error) {
    log?.write('error', formatError(error).trim(), { kind: 'stop' });
    io.stderr.write(formatError(error));
    return 1;
  } finally {
    process.off('SIGINT', again);
    process.off('SIGTERM', again);
    offRuns();
    await log?.close();
  }
  return 0;
}

/** Formats an error for the terminal: a ValidationError lists every issue with its path. */
export function formatError(error: unknown): string {
  if (error instanceof ValidationError) {
    const [headline] = error.message.split(': ');
    return `${headline}:\n${error.issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')}\n`;
  }
  return `${error instanceof Error ? error.message : String(error)}\n`;
}
