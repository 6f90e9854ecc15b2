import { describe, expect, it } from 'vitest';
import * as core from '@vmsc/core';
import { identityKeys } from '../src/bus/identity.js';

describe('the public entry of @vmsc/core', () => {
  it('does not export the cross-source identity internals (identityKeys, identityKind)', () => {
    expect(Object.keys(core)).not.toContain('identityKeys');
    expect(Object.keys(core)).not.toContain('identityKind');
    // They stay available to core itself (the cross-source dedupe) and to its tests, from the source file.
    const follow = core.createEvent({
      source: 'twitch',
      type: 'follow',
      user: { id: '1', username: 'Viewer1', nickname: 'Viewer1' },
      data: {},
    });
    expect(identityKeys(follow)).toEqual(['twitch|follow|id:1|', 'twitch|follow|name:viewer1|']);
  });
});
