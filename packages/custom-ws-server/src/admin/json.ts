import type { ActionRecord, Connector, QueueStatus, Rule, RuleExplanation, RuleRunResult, VmscError } from '@vmsc/core';
import type {
  AdminActionRecord,
  AdminConnectorInfo,
  AdminErrorInfo,
  AdminExplanation,
  AdminQueueStatus,
  AdminRule,
  AdminRuleRun,
} from '@vmsc/core/protocol';

/**
 * Core's objects as the JSON the admin actions answer with: errors as `{ code, message }`, events
 * as `{ id, type, source }`, no functions, no `raw` payloads.
 *
 * @packageDocumentation
 */

/** An error as `{ code, message }`. */
export function errorInfo(error: VmscError | Error): AdminErrorInfo {
  return { code: (error as { code?: unknown }).code === undefined ? 'ERROR' : String((error as VmscError).code), message: error.message };
}

/** A rule as JSON (a deep copy of the frozen rule). */
export function ruleJson(rule: Rule): AdminRule {
  return JSON.parse(JSON.stringify(rule)) as AdminRule;
}

/** A connector's status and health. */
export function connectorJson(connector: Connector): AdminConnectorInfo {
  const health = connector.health;
  const lastError = connector.lastError ?? health.lastError;
  return {
    id: connector.id,
    source: connector.source,
    status: connector.status,
    ...(lastError ? { lastError: errorInfo(lastError) } : {}),
    ...(health.lastEventAt !== undefined ? { lastEventAt: health.lastEventAt } : {}),
    ...(health.connectedAt !== undefined ? { connectedAt: health.connectedAt } : {}),
    eventCount: health.eventCount,
    reconnectAttempts: health.reconnectAttempts,
    ...(health.lastGap ? { lastGap: { from: health.lastGap.from, to: health.lastGap.to, reason: health.lastGap.reason } } : {}),
  };
}

/** A queue's status. */
export function queueJson(queue: QueueStatus): AdminQueueStatus {
  return { ...queue };
}

function actionJson(record: ActionRecord): AdminActionRecord {
  return {
    path: record.path,
    type: record.type,
    status: record.status,
    ...(record.reason !== undefined ? { reason: record.reason } : {}),
    ...(record.error ? { error: errorInfo(record.error) } : {}),
  };
}

/** A run report: the event by id, type and source; the failing action's path when one failed. */
export function runJson(run: RuleRunResult): AdminRuleRun {
  const failed = run.actions.find((record) => record.status === 'failed');
  return {
    runId: run.runId,
    rule: { id: run.rule.id, name: run.rule.name },
    cause: run.cause,
    ...(run.event ? { event: { id: run.event.id, type: run.event.type, source: run.event.source } } : {}),
    outcome: run.outcome,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    actions: run.actions.map(actionJson),
    ...(run.error ? { error: errorInfo(run.error) } : {}),
    ...(failed ? { failedAction: failed.path } : {}),
  };
}

/** An explanation as JSON (errors and functions dropped by the JSON round trip). */
export function explanationJson(explanation: RuleExplanation): AdminExplanation {
  return JSON.parse(JSON.stringify(explanation)) as AdminExplanation;
}
