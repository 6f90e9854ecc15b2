import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAsyncProperty,
  checkProperty,
  expectValidEvent,
  mutatedJsonOf,
  streamlabsFixtures,
  waitUntil,
  type JsonLike,
  expectSessionSurvived,
} from '@vmsc/testing';
import { normalizeStreamlabsEvent } from '../src/index.js';
import { livePerTest } from './helpers.js';

const live = livePerTest();

const fixtures = Object.values(streamlabsFixtures).map((fixture) => JSON.parse(JSON.stringify(fixture)) as JsonLike);

/** Every alert item becomes a valid event; an `unknown` one carries a reason; a reported problem is an `unknown` event. */
function check(payload: unknown): void {
  for (const alert of normalizeStreamlabsEvent(payload)) {
    const event = expectValidEvent(alert.event);
    if (event.type === 'unknown') expect(typeof (event.data as { reason?: unknown }).reason).toBe('string');
    if (alert.problem !== undefined) expect(event.type).toBe('unknown');
  }
}

describe('Streamlabs Socket.IO `event` payloads through the pure normalizer', () => {
  it('mutated real payloads of every fixture', () => {
    checkProperty('streamlabs normalizeStreamlabsEvent(mutated fixture)', mutatedJsonOf(fixtures), check, { numRuns: 3000 });
  });

  it('arbitrary JSON values', () => {
    checkProperty('streamlabs normalizeStreamlabsEvent(arbitrary JSON)', fc.jsonValue(), check, { numRuns: 1000 });
  });

  it('arbitrary objects with a known alert type and arbitrary items', () => {
    const payload = fc.record({
      type: fc.constantFrom(
        'donation',
        'follow',
        'subscription',
        'resub',
        'host',
        'bits',
        'raid',
        'superchat',
        'merch',
        'loyalty_store_redemption',
      ),
      for: fc.oneof(fc.constantFrom('twitch_account', 'youtube_account', 'facebook_account', 'streamlabs'), fc.jsonValue()),
      message: fc.oneof(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 3 }), fc.jsonValue()),
      event_id: fc.oneof(fc.string(), fc.jsonValue()),
    });
    checkProperty('streamlabs normalizeStreamlabsEvent(known type, arbitrary items)', payload, check, { numRuns: 1500 });
  });
});

describe('the real connector on its socket.io 2 fake', () => {
  it('arbitrary and mutated payloads (and arguments that are not one object) never cost the session; the next real alert is delivered', async () => {
    const { fake, connector, events, notices } = await live();
    notices.length = 0;
    const donation = streamlabsFixtures['event-donation'];
    let sentinel = 0;
    await checkAsyncProperty(
      'streamlabs connector(arbitrary / mutated payload on the socket)',
      fc.oneof(
        { arbitrary: mutatedJsonOf(fixtures).map((payload) => ['event', payload] as const), weight: 4 },
        { arbitrary: fc.jsonValue().map((payload) => ['event', payload] as const), weight: 1 },
        { arbitrary: fc.tuple(fc.constant('event'), fc.jsonValue(), fc.jsonValue()), weight: 1 },
      ),
      async ([name, ...args]) => {
        fake.emitRaw(name, ...args);
        const id = `sentinel-${++sentinel}`;
        fake.emitEvent({ ...donation, message: [{ ...donation.message[0], _id: id }] });
        await waitUntil(() => events.some((event) => event.meta?.platformMessageId === id), id);
        expect(connector.status).toBe('connected');
      },
      { numRuns: 300 },
    );
    expect(fake.connections).toHaveLength(1);
    expectSessionSurvived({ events, notices });
  });
});
