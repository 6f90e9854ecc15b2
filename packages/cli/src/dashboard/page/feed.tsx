import { useState } from 'preact/hooks';
import type { StreamEvent } from '@vmsc/custom-ws-client/browser-admin';
import type { Session, SessionState } from './session.js';
import { clock, summary } from './format.js';

/** The live event feed: newest first, filter by source and type, each event expandable to its JSON, "explain". */
export function Feed({ session, events, dedupes }: { session: Session; events: StreamEvent[]; dedupes: SessionState['dedupes'] }) {
  const [source, setSource] = useState('');
  const [type, setType] = useState('');
  const sources = [...new Set(events.map((event) => event.source))].sort();
  const types = [...new Set(events.map((event) => event.type))].sort();
  const shown = events.filter((event) => (!source || event.source === source) && (!type || event.type === type));
  return (
    <section class="panel panel--feed" aria-label="Event feed">
      <h2>
        Events <small>({shown.length})</small>
      </h2>
      <div class="filters">
        <label>
          Source{' '}
          <select name="source" value={source} onChange={(e) => setSource((e.target as HTMLSelectElement).value)}>
            <option value="">all</option>
            {sources.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Type{' '}
          <select name="type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
            <option value="">all</option>
            {types.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
      </div>
      {dedupes.length > 0 && (
        <ul class="dedupes" aria-label="Duplicates dropped">
          {dedupes.slice(0, 3).map((notice) => (
            <li class="dedupe" key={`${notice.dropped.id}-${notice.kept.id}-${notice.dropped.timestamp}`} data-reason={notice.reason}>
              Dropped a duplicate {notice.dropped.type} from <b>{notice.dropped.source}</b>, kept the copy from <b>{notice.kept.source}</b>:{' '}
              {notice.detail}
            </li>
          ))}
        </ul>
      )}
      <ol class="feed">
        {shown.map((event) => (
          <li class="feed__item" key={event.id} data-id={event.id} data-source={event.source} data-type={event.type}>
            <details>
              <summary>
                <time>{clock(event.timestamp)}</time> <span class={`badge badge--${event.source}`}>{event.source}</span>{' '}
                <b class="feed__type">{event.type}</b> <span class="feed__user">{event.user.nickname}</span>{' '}
                <span class="feed__text">{summary(event)}</span>
                {event.meta?.simulated === true && <span class="tag tag--simulated">simulated</span>}
              </summary>
              <button type="button" class="button button--small" onClick={() => void session.explain(event)}>
                Explain
              </button>
              <pre class="json">{JSON.stringify(event, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
