import { afterEach, describe, expect, it } from 'vitest';
import { EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';
import { normalizeNotification, type RawNotificationMessage } from '@vmsc/connector-twitch';
import {
  closeAllFakes,
  startStreamElementsFake,
  STREAMELEMENTS_FAKE_JWT,
  streamelementsActivityFixtures,
  twitchNotificationFixtures,
} from '@vmsc/testing';
import { StreamElementsConnector } from '../src/index.js';

afterEach(closeAllFakes);

/** The Twitch EventSub `channel.follow` fixture, normalized by the Twitch connector's own normalizer. */
const twitchFollow = () => normalizeNotification(twitchNotificationFixtures['channel.follow'] as unknown as RawNotificationMessage);

/** The same follow (user 1234 / cool_user) as StreamElements relays it. */
const seFollow = {
  ...streamelementsActivityFixtures['event-follower'],
  _id: 'se-follow-cool-user',
  data: { ...streamelementsActivityFixtures['event-follower'].data, username: 'cool_user', displayName: 'Cool_User', providerId: '1234' },
};

describe('cross-source dedupe: a Twitch follow received directly and through StreamElements', () => {
  it('is delivered once, whichever copy comes first, with a deduped notice', async () => {
    for (const order of ['twitch-first', 'streamelements-first'] as const) {
      const fake = await startStreamElementsFake();
      const bus = new EventBus({ crossSourceDedupe: { windowMs: 10_000 } });
      const follows: StreamEvent[] = [];
      const notices: BusNotice[] = [];
      bus.on('follow', (event) => void follows.push(event));
      bus.onNotice('deduped', (notice) => void notices.push(notice));
      const se = new StreamElementsConnector({ bus, token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: fake.url });
      await se.connect();

      const direct = twitchFollow();
      if (order === 'twitch-first') bus.publish(direct);
      fake.emitEvent(seFollow);
      await new Promise<void>((resolve) => {
        const check = () => (se.health.eventCount >= 1 ? resolve() : setTimeout(check, 5));
        check();
      });
      if (order === 'streamelements-first') bus.publish(direct);

      expect(follows, order).toHaveLength(1);
      expect(follows[0]!.source).toBe(order === 'twitch-first' ? 'twitch' : 'streamelements');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ kind: 'deduped', reason: 'cross-source' });
      await se.disconnect();
      await fake.close();
    }
  });

  it('with priority and a hold, the Twitch copy wins even when StreamElements is faster', async () => {
    const fake = await startStreamElementsFake();
    const bus = new EventBus({ crossSourceDedupe: { priority: ['twitch', 'streamelements'], holdMs: 100 } });
    const follows: StreamEvent[] = [];
    bus.on('follow', (event) => void follows.push(event));
    const se = new StreamElementsConnector({ bus, token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: fake.url });
    await se.connect();
    fake.emitEvent(seFollow);
    await new Promise((resolve) => setTimeout(resolve, 30));
    bus.publish(twitchFollow());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(follows.map((event) => event.source)).toEqual(['twitch']);
    await se.disconnect();
  });

  it('a different user is not a duplicate', async () => {
    const fake = await startStreamElementsFake();
    const bus = new EventBus({ crossSourceDedupe: true });
    const follows: StreamEvent[] = [];
    bus.on('follow', (event) => void follows.push(event));
    const se = new StreamElementsConnector({ bus, token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: fake.url });
    await se.connect();
    bus.publish(twitchFollow());
    fake.emitFixture('event-follower'); // jtv / 14027
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(follows.map((event) => event.user.username)).toEqual(['cool_user', 'jtv']);
    await se.disconnect();
  });
});
