import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser.js';
import * as api from '../src/index.js';

describe('the public entries of @vmsc/custom-ws-client', () => {
  it('keep the internals out (runtime probe, the Multistreamer preset normalizers)', () => {
    for (const entry of [api, browser]) {
      for (const name of ['runtimeCanSetHeaders', 'normalizeChat', 'normalizeViewCount', 'diffStatus', 'sourceFor']) {
        expect(entry, name).not.toHaveProperty(name);
      }
    }
  });

  it('keep what a user needs: the clients, the presets, the mapping compiler', () => {
    for (const name of ['CustomWsClient', 'MultistreamerClient', 'VmscMirrorClient', 'compileMapping', 'compilePath']) {
      expect(api, name).toHaveProperty(name);
      expect(browser, name).toHaveProperty(name);
    }
    expect(api).toHaveProperty('MULTISTREAMER_SOURCE');
  });
});
