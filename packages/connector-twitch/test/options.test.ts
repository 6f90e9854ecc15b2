import { EventBus, ValidationError, VmscError } from '@vmsc/core';
import { describe, expect, it } from 'vitest';
import { TwitchConnector, TwitchUnknownEventError } from '../src/index.js';
import { TWITCH_EVENT_TYPES } from '../src/subscriptions.js';

const base = { bus: new EventBus(), clientId: 'client', auth: 'token', broadcaster: 'twitchdev' };

describe('TwitchConnector options', () => {
  it('an unknown name in events is a typed error at construction naming the unknown and the valid ones', () => {
    const events = ['cheer', 'cheers', 'gift'] as unknown as ['cheer'];
    let error: unknown;
    try {
      new TwitchConnector({ ...base, events });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TwitchUnknownEventError);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(VmscError);
    const unknown = error as TwitchUnknownEventError;
    expect(unknown.code).toBe('TWITCH_UNKNOWN_EVENT');
    expect(unknown.unknown).toEqual(['cheers', 'gift']);
    expect(unknown.validEvents).toEqual(TWITCH_EVENT_TYPES);
    expect(unknown.message).toContain('"cheers"');
    expect(unknown.message).toContain('"gift"');
    for (const name of TWITCH_EVENT_TYPES) expect(unknown.message).toContain(name);
  });

  it('valid names, and the default, construct', () => {
    expect(() => new TwitchConnector({ ...base, events: ['cheer', 'chat'] })).not.toThrow();
    expect(() => new TwitchConnector(base)).not.toThrow();
  });
});
