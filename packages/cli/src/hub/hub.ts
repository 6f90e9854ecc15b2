import {
  EventBus,
  RuleEngine,
  type BusNotice,
  type Connector,
  type CrossSourceDedupeOptions,
  type HttpActionOptions,
  type Rule,
  type Unsubscribe,
  type Clock,
  ValidationError,
  VmscError,
} from '@vmsc/core';
import type { AdminReloadResult } from '@vmsc/core/protocol';
import { KickWebhookReceiver } from '@vmsc/connector-kick';
import { CustomWsServer, engineAdmin } from '@vmsc/custom-ws-server';
import type { ObsController } from '@vmsc/obs';
import { hubActions } from './hub-actions.js';
import { describeReloadError, RulesReloader, watchRulesFiles, type RulesSource } from './rules-reload.js';
import { EventJournal } from '../journal/event-journal.js';
import { moveAside, readStateFile, writeStateFile } from './state-file.js';
import type { HubView } from '../view/hub-view.js';
import { DASHBOARD_PATH, dashboardDir, isLoopbackHost } from '../dashboard/assets.js';
import type { Secret } from '@vmsc/core';
import type { ScopedToken } from '@vmsc/custom-ws-server';

/** Options of {@link Hub}. */
export interface HubOptions {
  view: HubView;
  /** The bus to use (connectors built beforehand publish to it); a new one when absent. */
  bus?: EventBus;
  rules?: readonly Rule[];
  /**
   * Where `rules` came from: `reloadRules()` (and the admin action of the same name) reads it again,
   * and with `watchRules` the hub reloads when its files change.
   */
  rulesSource?: RulesSource;
  /** Reload the rules when the files of `rulesSource` change (debounced). Default true when there is a `rulesSource`. */
  watchRules?: boolean | { debounceMs: number };
  connectors?: readonly Connector[];
  /** Custom WS server settings; `false` runs without it. */
  server?:
    | false
    | {
        port: number;
        host: string;
        token?: string | Secret;
        /** Scoped tokens beside the main one (an overlay's read-only token...). */
        tokens?: readonly ScopedToken[];
        maxConnections: number;
        allowedOrigins?: readonly string[] | '*';
        /**
         * Serve the dashboard at `http://<host>:<port>/dashboard/` (behind the admin token). Default:
         * when `host` is loopback (127.0.0.1, ::1, localhost) only; `true` serves it on any host.
         */
        dashboard?: boolean;
      };
  /** Directory of the event journal; `false` turns the journal off. */
  journalDir?: string | false;
  /** File the rule engine's cooldowns and counters are saved to on stop and restored from on start. */
  stateFile?: string;
  /** Cross-source duplicate suppression of the bus the hub creates (ignored when `bus` is given). */
  dedupe?: false | CrossSourceDedupeOptions;
  /**
   * The OBS controller `obs` actions drive (connected on `start()`, with its own reconnect backoff);
   * absent: rules with `obs` actions are refused.
   */
  obs?: ObsController;
  /** The allow-list and targets of `http` actions; absent: rules with `http` actions are refused. */
  http?: HttpActionOptions;
  /** The rule engine's clock (timers, cooldowns, delays); default the system clock. A test may drive it (`ManualClock`). */
  clock?: Clock;
  /** How often the state is saved while the hub runs, ms (besides on stop). Default 10,000. */
  saveEveryMs?: number;
  /**
   * How long `stop()` lets runs in progress finish (real milliseconds) before it closes the engine,
   * which cuts their delays and drops queued runs (each reported). Default 5000.
   */
  drainMs?: number;
  /** Called once `stop()` has closed everything (e.g. stops the stored logins' background refreshes). */
  onStop?: () => void;
}

/**
 * The running hub: one bus, the rule engine with its rules, the custom WS server, the journal and the
 * connectors, all reporting to a view. `start()` brings everything up (a connector that fails does not
 * stop the others: its status shows the error); `stop()` shuts everything down cleanly.
 */
export class Hub {
  readonly bus: EventBus;
  readonly engine: RuleEngine;
  readonly server: CustomWsServer | undefined;
  readonly journal: EventJournal | undefined;
  readonly connectors: readonly Connector[];
  /** The OBS controller, when the config has an `obs` entry. */
  readonly obs: ObsController | undefined;
  readonly #view: HubView;
  readonly #stateFile: string | undefined;
  readonly #drainMs: number;
  readonly #saveEveryMs: number;
  #saveTimer: ReturnType<typeof setInterval> | undefined;
  #saving: Promise<void> | undefined;
  #lastSaved: string | undefined;
  #saveFailing = false;
  readonly #subscriptions: Unsubscribe[] = [];
  readonly #rulesSource: RulesSource | undefined;
  readonly #watchRules: false | { debounceMs: number };
  readonly #reloader: RulesReloader;
  /** The dashboard folder served, when it is. */
  readonly #dashboard: string | undefined;
  #reloading: Promise<AdminReloadResult> | undefined;
  readonly #onStop: (() => void) | undefined;

  constructor(options: HubOptions) {
    this.#view = options.view;
    this.#stateFile = options.stateFile;
    this.#onStop = options.onStop;
    this.#drainMs = options.drainMs ?? 5_000;
    this.#saveEveryMs = options.saveEveryMs ?? 10_000;
    this.bus = options.bus ?? new EventBus(options.dedupe ? { crossSourceDedupe: options.dedupe } : {});
    this.connectors = options.connectors ?? [];
    this.engine = new RuleEngine({
      bus: this.bus,
      connectors: this.connectors,
      ...(options.clock ? { clock: options.clock } : {}),
      logger: (level, message, context) =>
        level === 'error' ? this.#view.error(context.rule.name, message) : this.#view.ruleMessage(context.rule.name, message),
    });
    this.obs = options.obs;
    this.#rulesSource = options.rulesSource;
    this.#watchRules =
      !options.rulesSource || options.watchRules === false
        ? false
        : typeof options.watchRules === 'object'
          ? options.watchRules
          : { debounceMs: 300 };
    const parts: Connector[] = this.obs ? [...this.connectors, this.obs] : [...this.connectors];
    const wantDashboard = options.server ? (options.server.dashboard ?? isLoopbackHost(options.server.host)) : false;
    this.#dashboard = wantDashboard ? dashboardDir() : undefined;
    if (wantDashboard && !this.#dashboard) this.#view.info('the dashboard is not built (pnpm run build): not serving it');
    this.server = options.server
      ? new CustomWsServer({
          bus: this.bus,
          engine: this.engine,
          port: options.server.port,
          host: options.server.host,
          maxConnections: options.server.maxConnections,
          ...(options.server.tokens ? { tokens: options.server.tokens } : {}),
          ...(options.server.allowedOrigins ? { allowedOrigins: options.server.allowedOrigins } : {}),
          ...(options.server.token ? { token: options.server.token } : {}),
          ...(this.#dashboard ? { staticRoutes: [{ path: DASHBOARD_PATH, dir: this.#dashboard }] } : {}),
          admin: engineAdmin({
            engine: this.engine,
            connectors: parts,
            ...(options.rulesSource ? { reloadRules: () => this.reloadRules() } : {}),
          }),
        })
      : undefined;
    const actions = hubActions({ obs: this.obs ?? false, http: options.http ?? false, overlay: this.server ?? false });
    for (const action of actions) this.engine.registerActionType(action);
    if (options.rules) this.engine.addRules(options.rules);
    this.#reloader = new RulesReloader(this.engine, this.engine.listRules());
    this.journal = options.journalDir
      ? new EventJournal({
          dir: options.journalDir,
          onError: (error, { waiting, lost }) => this.#view.error('journal', `${error.message} (${waiting} event(s) wait, ${lost} lost)`),
        })
      : undefined;
  }

  #watch(): void {
    const view = this.#view;
    this.#subscriptions.push(
      this.bus.onAny((event) => view.event(event)),
      this.bus.onNotice((notice) => {
        switch (notice.kind) {
          case 'status':
            view.connectorStatus(notice.connector, notice.source, notice.status, notice.error?.message);
            break;
          case 'gap':
            view.info(`${notice.connector}: events may be missing from ${new Date(notice.from).toISOString()} (${notice.reason})`);
            break;
          case 'deduped':
            view.info(`dropped a duplicate ${notice.dropped.type} from ${notice.dropped.source}: ${notice.detail}`);
            break;
          case 'error':
            view.error(notice.origin, notice.error.message);
            break;
          case 'handler-error':
            view.error('handler', String(notice.error instanceof Error ? notice.error.message : notice.error));
            break;
          case 'chat-waiting':
            view.info(`${notice.connector}: ${notice.waiting} chat message(s) wait ${notice.delayMs} ms (${notice.reason})`);
            break;
          case 'chat-dropped':
            view.error(notice.connector, `chat message not sent: ${notice.error.message}`);
            break;
          case 'viewer-evicted':
            view.info(
              `forgot viewer ${notice.viewer.nickname} (${notice.viewer.source}:${notice.viewer.id}) and their variables ${JSON.stringify(notice.vars)}: more than ${notice.maxViewers} viewers`,
            );
            break;
          default: {
            const unhandled: never = notice;
            view.info(`notice ${(unhandled as BusNotice).kind}`);
          }
        }
      }),
      this.engine.onRun((run) => {
        const what = run.event ? ` for ${run.event.source} ${run.event.type}` : '';
        view.ruleRun(`${run.rule.name}${what} → ${run.outcome} (${run.durationMs} ms)${run.error ? `: ${run.error.message}` : ''}`);
      }),
    );
    if (this.journal) this.#subscriptions.push(this.journal.attach(this.bus));
    const source = this.#rulesSource;
    if (source && this.#watchRules) {
      this.#subscriptions.push(
        watchRulesFiles({
          files: source.files,
          debounceMs: this.#watchRules.debounceMs,
          onChange: () => void this.reloadRules().catch(() => undefined),
          onError: (error) => view.error('rules', `cannot watch ${source.files.join(', ')}: ${error.message} (reloadRules still works)`),
        }),
      );
    }
  }

  /**
   * Reads the rules file(s) again and applies them: rules that disappeared are removed, changed ones
   * replaced, new ones added; counters, variables, cooldowns and points are kept. A file with any
   * problem changes nothing: the running rules stay, and every problem is reported with its path
   * (on the view, and in the thrown `ValidationError`, code `INVALID_RULES`). One reload at a time.
   */
  reloadRules(): Promise<AdminReloadResult> {
    const source = this.#rulesSource;
    if (!source) return Promise.reject(new VmscError('ADMIN_UNAVAILABLE', 'the hub was started without a rules file to reload'));
    const run = async (): Promise<AdminReloadResult> => {
      try {
        const rules = await source.load();
        try {
          return this.#reloader.apply(rules, source.files);
        } catch (error) {
          // The engine refused them (a name another rule of the engine has...): the file is what must change.
          const issues = error instanceof ValidationError ? error.issues : [{ path: '', message: (error as Error).message }];
          throw new ValidationError(`invalid rules in ${source.files.join(', ')}`, issues, { code: 'INVALID_RULES', cause: error });
        }
      } catch (error) {
        this.#view.error('rules', describeReloadError(error, source.files));
        throw error;
      }
    };
    const previous = this.#reloading ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(run)
      .then((result) => {
        const changes = [
          result.added.length > 0 ? `added ${result.added.join(', ')}` : '',
          result.replaced.length > 0 ? `replaced ${result.replaced.join(', ')}` : '',
          result.removed.length > 0 ? `removed ${result.removed.join(', ')}` : '',
        ].filter(Boolean);
        this.#view.info(
          `reloaded ${result.files.join(', ')}: ${changes.length > 0 ? changes.join('; ') : 'no change'} (${result.unchanged} unchanged)`,
        );
        return result;
      })
      .finally(() => {
        if (this.#reloading === next) this.#reloading = undefined;
      });
    this.#reloading = next;
    return next;
  }

  /** The dashboard's address (`http://127.0.0.1:7895/dashboard/`) once the server listens, when it is served. */
  get dashboardUrl(): string | undefined {
    if (!this.#dashboard || !this.server) return undefined;
    try {
      return `${this.server.url.replace(/^ws/, 'http')}${DASHBOARD_PATH}`;
    } catch {
      return undefined;
    }
  }

  /** Starts the server, restores rule state, and connects every connector (in parallel). */
  async start(): Promise<void> {
    this.#watch();
    if (this.#stateFile) {
      await this.#restoreState(this.#stateFile);
      const file = this.#stateFile;
      this.#saveTimer = setInterval(() => void this.#savePeriodically(file), this.#saveEveryMs);
      this.#saveTimer.unref();
    }
    if (this.server) {
      await this.server.listen();
      this.#view.info(`custom WS server listening on ${this.server.url}`);
      const dashboard = this.dashboardUrl;
      if (dashboard) this.#view.info(`dashboard: ${dashboard} (log in with the admin token)`);
    }
    const parts: Connector[] = this.obs ? [...this.connectors, this.obs] : [...this.connectors];
    for (const connector of parts) this.#view.connectorStatus(connector.id, connector.source, connector.status);
    await Promise.all(
      parts.map((connector) =>
        connector.connect().then(
          () => {
            if (connector instanceof KickWebhookReceiver) this.#view.info(`${connector.id}: receiving Kick webhooks at ${connector.url}`);
          },
          (error: unknown) => {
            // The connector's status is `error` and the view shows it; the other connectors go on.
            if (connector.status !== 'error') this.#view.error(connector.id, (error as Error).message);
          },
        ),
      ),
    );
  }

  /**
   * Restores the engine's state. A file that cannot be read, is not JSON or is not a saved state is
   * moved aside (`<file>.bad-<time>`) and reported: the next save never overwrites it.
   */
  async #restoreState(file: string): Promise<void> {
    const read = await readStateFile(file);
    if (read.kind === 'none') return;
    if (read.kind === 'bad') {
      this.#view.error('state', `cannot use ${file} (${read.error.message}): moved it to ${read.movedTo} and started without state`);
      return;
    }
    try {
      this.engine.loadState(read.state);
      this.#view.info(`restored rule state from ${file}`);
    } catch (error) {
      const movedTo = await moveAside(file);
      this.#view.error('state', `cannot use ${file} (${(error as Error).message}): moved it to ${movedTo} and started without state`);
    }
  }

  /** Saves the state if it changed since the last save (one save at a time); a failure is reported once until a save works. */
  #savePeriodically(file: string): Promise<void> {
    if (this.#saving) return this.#saving;
    const state = this.engine.getState();
    const text = JSON.stringify({ ...state, savedAt: 0 });
    if (text === this.#lastSaved) return Promise.resolve();
    this.#saving = writeStateFile(file, state)
      .then(
        () => {
          this.#lastSaved = text;
          this.#saveFailing = false;
        },
        (error: unknown) => {
          if (!this.#saveFailing)
            this.#view.error('state', `could not save the rule state to ${file}: ${(error as Error).message} (retrying)`);
          this.#saveFailing = true;
        },
      )
      .finally(() => {
        this.#saving = undefined;
      });
    return this.#saving;
  }

  /** Disconnects everything, saves rule state, closes the server and the journal. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.connectors, ...(this.obs ? [this.obs] : [])].map((connector) => connector.disconnect()));
    // Runs in progress may finish, for a while: a long `delay` (up to an hour) must not hold the shutdown.
    // Past it, close() cuts delays and drops queued runs, each reported.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.engine.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#drainMs)))]);
    clearTimeout(timer);
    let saveError: Error | undefined;
    clearInterval(this.#saveTimer);
    await this.#saving;
    if (this.#stateFile) {
      try {
        await writeStateFile(this.#stateFile, this.engine.getState());
      } catch (error) {
        saveError = error as Error;
        this.#view.error('state', `could not save the rule state to ${this.#stateFile}: ${saveError.message}`);
      }
    }
    // Whatever happened to the save, nothing keeps running.
    this.engine.close();
    // The runs close() cut end at once: let their reports reach the view (a stuck action gets 1 s).
    await Promise.race([this.engine.idle(), new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]);
    await this.server?.close();
    await this.journal?.close();
    for (const off of this.#subscriptions.splice(0)) off();
    this.#onStop?.();
    this.#view.close();
    if (saveError)
      throw new VmscError(
        'STATE_SAVE_FAILED',
        `the hub stopped, but its rule state was not saved to ${this.#stateFile}: ${saveError.message}`,
        { cause: saveError },
      );
  }
}
