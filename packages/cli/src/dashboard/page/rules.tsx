import type { AdminRule, AdminRuleRun } from '@vmsc/core/protocol';
import type { Explained, Session } from './session.js';
import { clock } from './format.js';

/** The rules with their enabled switch and run count, and the recent runs. */
export function Rules({
  session,
  rules,
  runs,
  counts,
}: {
  session: Session;
  rules: AdminRule[];
  runs: AdminRuleRun[];
  counts: Record<string, number>;
}) {
  return (
    <section class="panel" aria-label="Rules">
      <h2>
        Rules{' '}
        <button type="button" class="button button--small" onClick={() => void session.reloadRules()}>
          Reload files
        </button>
      </h2>
      <ul class="rules">
        {rules.map((rule) => (
          <li class="rule" key={rule.id} data-rule={rule.name}>
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={rule.enabled}
                aria-label={`${rule.name} enabled`}
                onChange={(e) => void session.setRuleEnabled(rule, (e.target as HTMLInputElement).checked)}
              />
              <span>{rule.name}</span>
            </label>
            <span class="rule__count" title="runs since this page connected">
              {counts[rule.id] ?? 0}
            </span>
          </li>
        ))}
      </ul>
      <h3>Runs</h3>
      <ol class="runs">
        {runs.map((run) => (
          <li class={`run run--${run.outcome}`} key={run.runId} data-rule={run.rule.name} data-outcome={run.outcome}>
            <time>{clock(run.startedAt)}</time> <b>{run.rule.name}</b> <span class="run__outcome">{run.outcome}</span>{' '}
            <span class="run__duration">{run.durationMs} ms</span>
            {run.event && (
              <span class="run__event">
                {' '}
                for {run.event.source} {run.event.type}
              </span>
            )}
            {run.error && (
              <p class="run__error">
                {run.failedAction ? `${run.failedAction}: ` : ''}
                {run.error.message}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Why each rule would or would not run for the chosen event. */
export function Explanation({ session, explained }: { session: Session; explained: Explained }) {
  return (
    <section class="panel panel--explain" aria-label="Explain">
      <h2>
        Explain {explained.event.source} {explained.event.type}{' '}
        <button type="button" class="button button--small" onClick={() => session.closeExplain()}>
          Close
        </button>
      </h2>
      <ul class="explain">
        {explained.explanations.map((item) => (
          <li key={item.rule.id} class={item.wouldRun ? 'explain--yes' : 'explain--no'} data-rule={item.rule.name}>
            <b>{item.rule.name}</b>: {item.wouldRun ? 'would run' : 'would not run'}
            {item.reasons.length > 0 && <span> — {item.reasons.join('; ')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
