import type { AdminResult } from '@vmsc/core/protocol';
import type { Session } from './session.js';

/** Counters and variables, viewer points (top 5) and the named queues with pause/resume. */
export function StatePanel({ session, state }: { session: Session; state: AdminResult<'getState'> | undefined }) {
  if (!state) return null;
  const variables = Object.entries(state.state.variables).filter(([, value]) => typeof value !== 'object');
  const points = state.state.viewers
    .map((viewer) => ({ name: `${viewer.source}:${viewer.id}`, points: Number(viewer.vars.points ?? NaN) }))
    .filter((viewer) => Number.isFinite(viewer.points))
    .sort((a, b) => b.points - a.points)
    .slice(0, 5);
  return (
    <section class="panel" aria-label="Counters and queues">
      <h2>Counters</h2>
      {variables.length === 0 ? (
        <p class="muted">none yet</p>
      ) : (
        <dl class="counters">
          {variables.map(([name, value]) => (
            <div key={name} data-counter={name}>
              <dt>{name}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>Points</h3>
      {points.length === 0 ? (
        <p class="muted">{state.state.viewers.length} viewers, no points yet</p>
      ) : (
        <ol class="points">
          {points.map((viewer) => (
            <li key={viewer.name}>
              {viewer.name}: {viewer.points}
            </li>
          ))}
        </ol>
      )}
      <h3>Queues</h3>
      {state.queues.length === 0 ? (
        <p class="muted">no named queues</p>
      ) : (
        <ul class="queues">
          {state.queues.map((queue) => (
            <li key={queue.name} data-queue={queue.name}>
              <b>{queue.name}</b> {queue.waiting} waiting{queue.running ? ', running' : ''}
              {queue.paused ? ', paused' : ''}{' '}
              <button type="button" class="button button--small" onClick={() => void session.toggleQueue(queue)}>
                {queue.paused ? 'Resume' : 'Pause'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
