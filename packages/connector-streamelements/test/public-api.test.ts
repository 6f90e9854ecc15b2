import { expect, it } from 'vitest';
import * as entry from '../src/index.js';

it('the public entry exports the connector and the activity normalizer, not the realtime internals', () => {
  // The test-event and other-message mappers, the unknown-event factory and the type table only make
  // sense inside the connector's socket handling.
  expect(Object.keys(entry).sort()).toEqual(['STREAMELEMENTS_REALTIME_URL', 'StreamElementsConnector', 'normalizeActivity']);
});
