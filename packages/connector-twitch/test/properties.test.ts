import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '@vmsc/core';
import {
  arbitraryFrameText,
  checkAsyncProperty,
  checkProperty,
  closeAllFakes,
  expectValidEvent,
  mutatedJsonOf,
  twitchNotificationFixtures,
  twitchProtocolFixtures,
  waitUntil,
  type JsonLike,
  expectSessionSurvived,
} from '@vmsc/testing';
import { normalizeNotification, type RawNotificationMessage } from '../src/index.js';
import { rig } from './helpers.js';

afterEach(() => closeAllFakes());

const notifications = Object.values(twitchNotificationFixtures).map((fixture) => JSON.parse(JSON.stringify(fixture)) as JsonLike);

describe('EventSub notifications: any payload ends as a valid event or an unknown event with a reason', () => {
  function check(value: JsonLike): void {
    const event = expectValidEvent(normalizeNotification(value as unknown as RawNotificationMessage, 1_700_000_000_000));
    if (event.type === 'unknown') expect(typeof event.data.reason).toBe('string');
  }

  it('mutated documented notifications of every subscription type', () => {
    checkProperty('twitch normalizeNotification(mutated fixture)', mutatedJsonOf(notifications), check, { numRuns: 3000 });
  });

  it('arbitrary JSON objects', () => {
    checkProperty(
      'twitch normalizeNotification(arbitrary object)',
      fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<JsonLike>,
      check,
      {
        numRuns: 500,
      },
    );
  });
});

describe('EventSub frame path: arbitrary frames never crash the connector nor cost it its session', () => {
  it('arbitrary text, mutated notifications and keepalives; the next real notification is delivered', async () => {
    const { fake, connector, bus, notices } = await rig();
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    await connector.connect();
    const session = fake.activeSession()!;
    notices.length = 0;
    const frames = mutatedJsonOf([...notifications, JSON.parse(JSON.stringify(twitchProtocolFixtures.sessionKeepalive)) as JsonLike]).map(
      (value) => JSON.stringify(value),
    );
    let sentinel = 0;
    await checkAsyncProperty(
      'twitch connector(arbitrary / mutated frame on the socket)',
      fc.oneof(arbitraryFrameText(), frames),
      async (text) => {
        const before = events.length;
        fake.sendFrame(text, session);
        const id = `sentinel-${++sentinel}`;
        fake.notify('channel.follow', { messageId: id });
        await waitUntil(() => events.slice(before).some((event) => event.meta?.platformMessageId === id), id);
        expect(connector.status).toBe('connected');
        expect(fake.activeSession()).toBe(session);
      },
      { numRuns: 300 },
    );
    expectSessionSurvived({ events, notices });
    await connector.disconnect();
  });
});
