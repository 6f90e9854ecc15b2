import type { AdminConnectorInfo } from '@vmsc/core/protocol';
import type { Session } from './session.js';
import { ago, STATUS_WORDS } from './format.js';

/** One card per connector: the spec's four states and colours, health figures, connect/disconnect. */
export function Connectors({ session, connectors, now }: { session: Session; connectors: AdminConnectorInfo[]; now: number }) {
  return (
    <section class="panel" aria-label="Connections">
      <h2>Connections</h2>
      <div class="cards">
        {connectors.map((connector) => {
          const words = STATUS_WORDS[connector.status] ?? { label: connector.status, meaning: '' };
          const down = connector.status === 'disconnected' || connector.status === 'error';
          return (
            <article
              class={`card card--${connector.status}`}
              data-connector={connector.id}
              data-status={connector.status}
              key={connector.id}
            >
              <header class="card__head">
                <span class="dot" aria-hidden="true" />
                <strong class="card__name">{connector.id}</strong>
                <span class="card__status" title={words.meaning}>
                  {words.label}
                </span>
              </header>
              <dl class="card__facts">
                <dt>Last event</dt>
                <dd class="card__last">{ago(connector.lastEventAt, now)}</dd>
                <dt>Events</dt>
                <dd>{connector.eventCount}</dd>
                <dt>Reconnects</dt>
                <dd class="card__attempts">{connector.reconnectAttempts}</dd>
                {connector.lastGap && (
                  <>
                    <dt>Gap</dt>
                    <dd class="card__gap" title={connector.lastGap.reason}>
                      {ago(connector.lastGap.to, now)}: {connector.lastGap.reason}
                    </dd>
                  </>
                )}
              </dl>
              {connector.lastError && connector.status !== 'connected' && (
                <p class="card__error" role="status">
                  {connector.lastError.message}
                </p>
              )}
              <button
                type="button"
                class="button"
                onClick={() => void (down ? session.connect(connector.id) : session.disconnect(connector.id))}
              >
                {down ? 'Connect' : 'Disconnect'}
              </button>
            </article>
          );
        })}
      </div>
    </section>
  );
}
