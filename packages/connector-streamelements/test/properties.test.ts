import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAsyncProperty,
  checkProperty,
  expectValidEvent,
  mutatedJsonOf,
  streamelementsActivityFixtures,
  streamelementsSessionUpdateFixture,
  streamelementsTestFixtures,
  waitUntil,
  type JsonLike,
  expectSessionSurvived,
} from '@vmsc/testing';
import { normalizeActivity, type NormalizedActivity } from '../src/index.js';
import { normalizeOtherMessage, normalizeTestEvent } from '../src/normalize/realtime-messages.js';
import { livePerTest } from './helpers.js';

const live = livePerTest();

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonLike;
const activities = Object.values(streamelementsActivityFixtures).map(json);
const tests = Object.values(streamelementsTestFixtures).map(json);

function check(result: NormalizedActivity): void {
  const event = expectValidEvent(result.event);
  if (event.type === 'unknown') expect(typeof (event.data as { reason?: unknown }).reason).toBe('string');
  if (result.problem !== undefined) expect(event.type).toBe('unknown');
}

describe('StreamElements Socket.IO payloads through the pure normalizers', () => {
  it('`event`: mutated real activities of all ten types', () => {
    checkProperty(
      'streamelements normalizeActivity(mutated fixture)',
      mutatedJsonOf(activities),
      (value) => check(normalizeActivity(value)),
      {
        numRuns: 3000,
      },
    );
  });

  it('`event`: arbitrary JSON values', () => {
    checkProperty('streamelements normalizeActivity(arbitrary JSON)', fc.jsonValue(), (value) => check(normalizeActivity(value)), {
      numRuns: 1000,
    });
  });

  it('`event:test`: mutated real test payloads and arbitrary JSON', () => {
    checkProperty(
      'streamelements normalizeTestEvent(mutated fixture / arbitrary JSON)',
      fc.oneof(mutatedJsonOf(tests), fc.jsonValue()),
      (value) => normalizeTestEvent(value).forEach(check),
      { numRuns: 2000 },
    );
  });

  it('other server messages (`event:update`, `event:reset`, anything): arbitrary names and arguments', () => {
    checkProperty(
      'streamelements normalizeOtherMessage(arbitrary name, arguments)',
      fc.tuple(
        fc.oneof(fc.constantFrom('event:update', 'event:reset', 'session:reset', '__proto__'), fc.string()),
        fc.array(fc.oneof(mutatedJsonOf([json(streamelementsSessionUpdateFixture)]), fc.jsonValue()), { maxLength: 3 }),
      ),
      ([name, args]) => check(normalizeOtherMessage(name, args)),
      { numRuns: 1500 },
    );
  });
});

describe('the real connector on its socket.io 4 fake', () => {
  it('arbitrary and mutated payloads on any event name never cost the session; the next real activity is delivered', async () => {
    const { fake, connector, events, notices } = await live();
    notices.length = 0;
    const tip = streamelementsActivityFixtures['event-tip'];
    let sentinel = 0;
    await checkAsyncProperty(
      'streamelements connector(arbitrary / mutated payload on the socket)',
      fc.oneof(
        { arbitrary: mutatedJsonOf(activities).map((payload) => ['event', payload] as const), weight: 4 },
        { arbitrary: mutatedJsonOf(tests).map((payload) => ['event:test', payload] as const), weight: 1 },
        {
          arbitrary: fc.tuple(fc.constantFrom('event', 'event:test', 'event:update', 'event:reset', 'whatever'), fc.jsonValue()),
          weight: 2,
        },
      ),
      async ([name, payload]) => {
        fake.emitRaw(name, payload);
        const id = `sentinel-${++sentinel}`;
        fake.emitEvent({ ...tip, _id: id });
        await waitUntil(() => events.some((event) => event.meta?.platformMessageId === id), id);
        expect(connector.status).toBe('connected');
      },
      { numRuns: 300 },
    );
    expect(fake.connections).toHaveLength(1);
    expectSessionSurvived({ events, notices });
  });
});
