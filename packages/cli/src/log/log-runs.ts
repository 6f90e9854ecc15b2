import type { RuleEngine, RuleRunResult, Unsubscribe } from '@vmsc/core';
import type { HubLog } from './hub-log.js';

/** The log level of a run's outcome: `failed` is an error, `dropped`/`rejected` a warning, the rest debug. */
export function runLevel(run: RuleRunResult): 'error' | 'warn' | 'debug' {
  if (run.outcome === 'failed') return 'error';
  if (run.outcome === 'dropped' || run.outcome === 'rejected') return 'warn';
  return 'debug';
}

/**
 * Writes one structured line per rule run to the log (beside the terminal's rule line): which rule,
 * why it ran, the outcome, the failed action's path and its error (code and message).
 */
export function logRuleRuns(engine: Pick<RuleEngine, 'onRun'>, log: HubLog): Unsubscribe {
  return engine.onRun((run) => {
    const level = runLevel(run);
    if (!log.enabled(level)) return;
    const failed = run.actions.find((action) => action.status === 'failed');
    log.write(level, `rule "${run.rule.name}" ${run.outcome}${run.error ? `: ${run.error.message}` : ''}`, {
      kind: 'run',
      runId: run.runId,
      rule: run.rule,
      cause: run.cause,
      outcome: run.outcome,
      durationMs: run.durationMs,
      ...(run.event ? { event: { id: run.event.id, type: run.event.type, source: run.event.source } } : {}),
      ...(failed ? { action: { path: failed.path, type: failed.type } } : {}),
      ...(run.error ? { error: { code: run.error.code, message: run.error.message } } : {}),
    });
  });
}
