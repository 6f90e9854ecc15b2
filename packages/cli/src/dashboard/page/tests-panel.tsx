import { useState } from 'preact/hooks';
import type { Session, SessionState } from './session.js';
import { sampleData } from './sample-data.js';

/** Test buttons per platform and type: simulated events through `injectEvent`, as `vmsc simulate` sends them. */
export function TestButtons({ session, catalogue }: { session: Session; catalogue: SessionState['catalogue'] }) {
  const platforms = Object.keys(catalogue).sort();
  const [platform, setPlatform] = useState('twitch');
  const chosen = catalogue[platform] ? platform : platforms[0];
  const types = chosen ? Object.keys(catalogue[chosen] ?? {}).sort() : [];
  return (
    <section class="panel" aria-label="Test events">
      <h2>Test events</h2>
      <label>
        Platform{' '}
        <select name="platform" value={chosen} onChange={(e) => setPlatform((e.target as HTMLSelectElement).value)}>
          {platforms.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <div class="test-buttons">
        {types.map((type) => (
          <button
            type="button"
            class="button button--small"
            key={type}
            data-test={`${chosen}:${type}`}
            onClick={() => void session.sendTest(chosen!, type, sampleData(catalogue[chosen!]?.[type]))}
          >
            {type}
          </button>
        ))}
      </div>
    </section>
  );
}
