import { AdminRequestError, VmscAdminClient, type StreamEvent } from '@vmsc/custom-ws-client/browser-admin';
import type {
  AdminConnectorInfo,
  AdminExplanation,
  AdminQueueStatus,
  AdminRule,
  AdminRuleRun,
  AdminResult,
  DedupedMessage,
} from '@vmsc/core/protocol';

/**
 * The dashboard's connection to the hub: one {@link VmscAdminClient} over the custom WebSocket
 * protocol (admin actions, pushed run reports and connector changes, the event feed, test events),
 * and the state the page shows. It reconnects by itself (resuming the feed after the last event);
 * a refused token ends the session.
 */

/** How many events and runs the page keeps (newest first). */
export const FEED_LIMIT = 200;
export const RUNS_LIMIT = 100;

/** Where the session stands. */
export type SessionStatus = 'connecting' | 'open' | 'reconnecting' | 'ended';

/** The last explanation asked for. */
export interface Explained {
  event: StreamEvent;
  explanations: AdminExplanation[];
}

/** What the session knows. */
export interface SessionState {
  status: SessionStatus;
  /** Why the session ended or is reconnecting, in plain words. */
  problem: string | undefined;
  connectors: AdminConnectorInfo[];
  rules: AdminRule[];
  /** Runs per rule id since the page connected. */
  runCounts: Record<string, number>;
  runs: AdminRuleRun[];
  events: StreamEvent[];
  /** Events the hub dropped as duplicates (newest first, the last 50). */
  dedupes: Array<Omit<DedupedMessage, 'action'>>;
  state: AdminResult<'getState'> | undefined;
  /** Test event catalogue: platform → event type → JSON Schema of `data`. */
  catalogue: Record<string, Record<string, Record<string, unknown>>>;
  explained: Explained | undefined;
  /** The last action's failure, shown as a banner. */
  notice: string | undefined;
}

function plain(error: unknown): string {
  if (error instanceof AdminRequestError) {
    const issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return `${error.code}: ${error.message}${issues && !error.message.includes(issues) ? ` (${issues})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** One dashboard session with the hub at `url`, logged in with an admin-scoped token. */
export class Session {
  readonly #url: string;
  readonly #token: string;
  readonly #listeners = new Set<() => void>();
  #client: VmscAdminClient | undefined;
  #lastEventId: string | undefined;
  #retryMs = 500;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  /** Counts switch flips, so that a refresh begun before one does not put the old state back. */
  #ruleChanges = 0;
  #ended = false;
  state: SessionState = {
    status: 'connecting',
    problem: undefined,
    connectors: [],
    rules: [],
    runCounts: {},
    runs: [],
    events: [],
    dedupes: [],
    state: undefined,
    catalogue: {},
    explained: undefined,
    notice: undefined,
  };

  constructor(url: string, token: string) {
    this.#url = url;
    this.#token = token;
  }

  /** Calls `listener` after every change. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  /** Connects (first time: rejects with the reason when the token is refused or lacks the admin scope). */
  async start(): Promise<void> {
    const client = new VmscAdminClient({ url: this.#url, token: this.#token });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(/4401/.test(plain(error)) ? 'The hub refused this token.' : `Cannot reach the hub: ${plain(error)}`);
    }
    if (!client.hello?.scopes.includes('admin')) {
      client.close();
      throw new Error('This token has no admin scope: use the admin token.');
    }
    this.#attach(client);
  }

  #attach(client: VmscAdminClient): void {
    this.#client = client;
    this.#retryMs = 500;
    client.onRuleRun((run) => {
      const runCounts = { ...this.state.runCounts, [run.rule.id]: (this.state.runCounts[run.rule.id] ?? 0) + 1 };
      this.#set({ runs: [run, ...this.state.runs].slice(0, RUNS_LIMIT), runCounts });
    });
    client.onConnectorStatus(({ connector }) => this.#upsertConnector(connector));
    client.onEvent((event) => {
      this.#lastEventId = event.id;
      this.#set({ events: [event, ...this.state.events].slice(0, FEED_LIMIT) });
    });
    client.onDeduped((notice) => this.#set({ dedupes: [notice, ...this.state.dedupes].slice(0, 50) }));
    client.onClose((code) => this.#lost(code));
    const catalogue = client.hello?.catalogue.sources ?? {};
    this.#set({ status: 'open', problem: undefined, catalogue: catalogue as SessionState['catalogue'] });
    void (async () => {
      try {
        await client.admin.subscribe({ runs: true, connectors: true, notices: true });
        await client.subscribeEvents(this.#lastEventId ? { since: this.#lastEventId } : {});
        await this.refresh();
      } catch (error) {
        this.#set({ notice: plain(error) });
      }
    })();
    clearInterval(this.#poll);
    this.#poll = setInterval(() => void this.refresh().catch(() => undefined), 2_000);
  }

  #upsertConnector(connector: AdminConnectorInfo): void {
    const connectors = [...this.state.connectors];
    const at = connectors.findIndex((known) => known.id === connector.id);
    if (at >= 0) connectors[at] = connector;
    else connectors.push(connector);
    this.#set({ connectors });
  }

  #lost(code: number): void {
    clearInterval(this.#poll);
    this.#client = undefined;
    if (this.#ended) return;
    if (code === 4401) {
      this.end('The hub refused the token (it may have been regenerated): log in again.');
      return;
    }
    this.#set({ status: 'reconnecting', problem: `Connection to the hub lost (code ${code}); reconnecting…` });
    this.#timer = setTimeout(() => void this.#reconnect(), this.#retryMs);
    this.#retryMs = Math.min(this.#retryMs * 2, 5_000);
  }

  async #reconnect(): Promise<void> {
    const client = new VmscAdminClient({ url: this.#url, token: this.#token });
    try {
      await client.connect();
      this.#attach(client);
    } catch (error) {
      if (/4401/.test(plain(error))) this.end('The hub refused the token: log in again.');
      else this.#lost(1006);
    }
  }

  /** Reads rules, connectors and state again. */
  async refresh(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const asked = this.#ruleChanges;
    const [rules, connectors, state] = await Promise.all([
      client.admin.listRules(),
      client.admin.connectorStatus(),
      client.admin.getState(),
    ]);
    // A switch flipped while this was in flight: these rules predate it, the next refresh brings the hub's answer.
    if (asked !== this.#ruleChanges) this.#set({ connectors, state });
    else this.#set({ rules, connectors, state });
  }

  /** Runs an action, then reads the hub again; a failure becomes the banner notice. */
  async #act(what: (client: VmscAdminClient) => Promise<unknown>): Promise<void> {
    const client = this.#client;
    if (!client) return this.#set({ notice: 'Not connected to the hub.' });
    try {
      await what(client);
      this.#set({ notice: undefined });
      await this.refresh();
    } catch (error) {
      this.#set({ notice: plain(error) });
      // What the hub holds after a refusal (a rule switch flipped ahead of its answer goes back).
      await this.refresh().catch(() => undefined);
    }
  }

  /** Flips a rule's switch at once (a re-render keeps the new state), then asks the hub; a refusal restores its state. */
  async setRuleEnabled(rule: AdminRule, enabled: boolean): Promise<void> {
    this.#ruleChanges += 1;
    this.#set({ rules: this.state.rules.map((known) => (known.id === rule.id ? { ...known, enabled } : known)) });
    await this.#act((client) => client.admin.setRuleEnabled(rule.id, enabled));
  }

  connect(connectorId: string): Promise<void> {
    return this.#act((client) => client.admin.connectConnector(connectorId));
  }

  disconnect(connectorId: string): Promise<void> {
    return this.#act((client) => client.admin.disconnectConnector(connectorId));
  }

  toggleQueue(queue: AdminQueueStatus): Promise<void> {
    return this.#act((client) => (queue.paused ? client.admin.resumeQueue(queue.name) : client.admin.pauseQueue(queue.name)));
  }

  reloadRules(): Promise<void> {
    return this.#act((client) => client.admin.reloadRules());
  }

  /** Sends a simulated event, as `vmsc simulate` does (`meta.simulated`). */
  sendTest(source: string, type: string, data: Record<string, unknown>): Promise<void> {
    return this.#act((client) =>
      client.injectEvent({
        source,
        type,
        user: { id: 'simulated:dashboard_tester', username: 'dashboard_tester', nickname: 'Dashboard tester' },
        data,
        meta: { simulated: true },
      }),
    );
  }

  explain(event: StreamEvent): Promise<void> {
    return this.#act(async (client) => {
      const { explanations } = await client.admin.explain(event as Parameters<VmscAdminClient['admin']['explain']>[0]);
      this.#set({ explained: { event, explanations } });
    });
  }

  closeExplain(): void {
    this.#set({ explained: undefined });
  }

  /** Ends the session (log out), with an optional reason shown on the login form. */
  end(problem?: string): void {
    this.#ended = true;
    clearTimeout(this.#timer);
    clearInterval(this.#poll);
    this.#client?.close();
    this.#client = undefined;
    this.#set({ status: 'ended', problem });
  }
}
