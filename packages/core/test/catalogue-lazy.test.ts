/**
 * The catalogue builds each event type's schema on first use (cold start): importing core builds
 * none of them, reading one builds that one only and always returns the same schema, and the
 * lists built from the catalogue's keys (platforms, event types) are complete without building.
 */
import { describe, expect, it } from 'vitest';
import * as core from '@vmsc/core';

const { catalogue } = core;

function unbuilt(): string[] {
  return Object.entries(catalogue).flatMap(([platform, events]) =>
    Object.keys(events)
      .filter((type) => typeof Object.getOwnPropertyDescriptor(events, type)?.get === 'function')
      .map((type) => `${platform}.${type}`),
  );
}

describe('the lazy catalogue', () => {
  it('builds no event schema when core is imported, and one per type on first read, kept', () => {
    const all = Object.entries(catalogue).flatMap(([platform, events]) => Object.keys(events).map((type) => `${platform}.${type}`));
    expect(all.length).toBeGreaterThan(80);
    expect(unbuilt()).toEqual(all);
    const chat = catalogue.twitch.chat;
    expect(chat.safeParse({}).success).toBe(false);
    expect(catalogue.twitch.chat).toBe(chat);
    expect(unbuilt()).toEqual(all.filter((name) => name !== 'twitch.chat'));
    // Shared schemas stay shared: every platform's `unknown` is the exported unknownDataSchema.
    expect(catalogue.kick.unknown).toBe(core.unknownDataSchema);
    expect(catalogue.tiktok.unknown).toBe(core.unknownDataSchema);
  });

  it('lists platforms and event types from the keys, and validates every type', () => {
    expect(core.platforms).toEqual(Object.keys(catalogue));
    const types = [...new Set(Object.values(catalogue).flatMap((events) => Object.keys(events)))];
    expect(core.eventTypes).toEqual(types);
    expect(core.isStreamEventType('gift')).toBe(true);
    expect(core.isStreamEventType('toString')).toBe(false);
    expect(core.isPlatform('constructor')).toBe(false);
    const result = core.validateData('twitch', 'cheer', { bits: 'many' });
    expect(result.ok).toBe(false);
    expect(core.validateData('my-game', 'no_such_type', {})).toEqual({
      ok: false,
      issues: [{ path: 'type', message: 'unknown event type "no_such_type"' }],
    });
  });
});
