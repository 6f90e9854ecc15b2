import { expect, it } from 'vitest';
import * as entry from '../src/index.js';

it('the public entry exports the connector and the payload normalizer, not the parsing internals', () => {
  // parseDecimal, platformOf and the alert-type tables are implementation details of the normalizer.
  expect(Object.keys(entry).sort()).toEqual(['STREAMLABS_SOCKET_URL', 'StreamlabsConnector', 'normalizeStreamlabsEvent']);
});
