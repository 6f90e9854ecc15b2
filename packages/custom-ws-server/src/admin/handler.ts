import { VmscError, type Connector, type RuleEngine, type StreamEvent, type Unsubscribe } from '@vmsc/core';
import type {
  AdminConnectorInfo,
  AdminExplanation,
  AdminQueueStatus,
  AdminReloadResult,
  AdminResult,
  AdminRule,
  AdminRuleRun,
} from '@vmsc/core/protocol';
import { connectorJson, explanationJson, queueJson, ruleJson, runJson } from './json.js';

/**
 * What the server's admin actions call (the hub implements it with {@link engineAdmin}). Methods
 * throw typed errors whose `code` the server turns into protocol error codes: `RULE_NOT_FOUND`,
 * `RULE_QUEUE_NOT_FOUND` (→ `QUEUE_NOT_FOUND`), `CONNECTOR_NOT_FOUND`, `INVALID_RULES` (a
 * `ValidationError`: its issues are answered), anything else → `INTERNAL_ERROR`.
 */
export interface AdminHandler {
  listRules(): AdminRule[];
  setRuleEnabled(idOrName: string, enabled: boolean): AdminRule;
  getState(): AdminResult<'getState'>;
  /** Reads the rules file(s) again and applies them, or rejects (`INVALID_RULES`) keeping the running rules. */
  reloadRules(): Promise<AdminReloadResult>;
  connectors(): AdminConnectorInfo[];
  /** Starts connecting (does not wait for the connection); answers the status right after. */
  connect(connectorId: string): AdminConnectorInfo;
  disconnect(connectorId: string): Promise<AdminConnectorInfo>;
  /** Every rule's explanation for the event, or only the rule named. */
  explain(event: StreamEvent, idOrName?: string): AdminExplanation[];
  pauseQueue(name: string): AdminQueueStatus;
  resumeQueue(name: string): AdminQueueStatus;
  /** Run reports, as they end. */
  onRun(listener: (run: AdminRuleRun) => void): Unsubscribe;
}

/** Options of {@link engineAdmin}. */
export interface EngineAdminOptions {
  engine: RuleEngine;
  /** The connectors `connectorStatus`, `connectConnector` and `disconnectConnector` act on. */
  connectors: readonly Connector[];
  /** What `reloadRules` does; absent: it answers `ADMIN_UNAVAILABLE` (nothing to reload from). */
  reloadRules?: () => Promise<AdminReloadResult>;
  /** Called with a connector's `connect()` rejection (its status shows it too). Default: ignored. */
  onConnectError?: (connector: Connector, error: unknown) => void;
}

/** The admin handler of a rule engine and its connectors. */
export function engineAdmin(options: EngineAdminOptions): AdminHandler {
  const { engine, connectors } = options;
  const find = (id: string): Connector => {
    const connector = connectors.find((candidate) => candidate.id === id);
    if (!connector) {
      throw new VmscError('CONNECTOR_NOT_FOUND', `no connector "${id}" (known: ${connectors.map((c) => c.id).join(', ') || 'none'})`);
    }
    return connector;
  };
  return {
    listRules: () => engine.listRules().map(ruleJson),
    setRuleEnabled: (idOrName, enabled) => ruleJson(engine.setEnabled(idOrName, enabled)),
    getState: () => ({ state: engine.getState(), queues: engine.queues().map(queueJson) }),
    reloadRules: () =>
      options.reloadRules
        ? options.reloadRules()
        : Promise.reject(new VmscError('ADMIN_UNAVAILABLE', 'this hub has no rules file to reload')),
    connectors: () => connectors.map(connectorJson),
    connect: (id) => {
      const connector = find(id);
      connector.connect().catch((error: unknown) => options.onConnectError?.(connector, error));
      return connectorJson(connector);
    },
    disconnect: async (id) => {
      const connector = find(id);
      await connector.disconnect();
      return connectorJson(connector);
    },
    explain: (event, idOrName) => {
      // An unknown rule throws RuleNotFoundError (RULE_NOT_FOUND).
      const wanted = idOrName === undefined ? engine.listRules().map((rule) => rule.id) : [idOrName];
      return wanted.map((rule) => explanationJson(engine.explain(rule, event)));
    },
    pauseQueue: (name) => queueJson(engine.pauseQueue(name)),
    resumeQueue: (name) => queueJson(engine.resumeQueue(name)),
    onRun: (listener) => engine.onRun((run) => listener(runJson(run))),
  };
}
