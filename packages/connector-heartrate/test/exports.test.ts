import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('the public entry of @vmsc/connector-heartrate', () => {
  it('keeps the internals out (the Phoenix codec, the error classifier)', () => {
    for (const name of ['decodePhoenixFrame', 'encodePhoenixMessage', 'classifyPulsoidError']) expect(api, name).not.toHaveProperty(name);
  });

  it('keeps what a user needs: the connectors, their errors, the error-code table and the offline decoders', () => {
    for (const name of [
      'PulsoidConnector',
      'HypeRateConnector',
      'PulsoidAuthError',
      'PULSOID_ERROR_CODES',
      'normalizePulsoidFrame',
      'normalizeHypeRateFrame',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });
});
