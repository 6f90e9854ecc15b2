import { afterEach, expect, it } from 'vitest';
import { EventBus, type StreamEvent } from '@vmsc/core';
import { normalizeNotification, type RawNotificationMessage } from '@vmsc/connector-twitch';
import { closeAllFakes, startStreamlabsFake, STREAMLABS_FAKE_TOKEN, twitchNotificationFixtures, waitUntil } from '@vmsc/testing';
import { StreamlabsConnector } from '../src/index.js';

afterEach(closeAllFakes);

it('a Twitch follow received directly and through Streamlabs (which gives no user id, only the login) is delivered once', async () => {
  const fake = await startStreamlabsFake();
  const bus = new EventBus({ crossSourceDedupe: true });
  const follows: StreamEvent[] = [];
  bus.on('follow', (event) => void follows.push(event));
  const deduped: string[] = [];
  bus.onNotice('deduped', (notice) => void deduped.push(notice.detail));
  const streamlabs = new StreamlabsConnector({ bus, socketToken: STREAMLABS_FAKE_TOKEN, url: fake.url });
  await streamlabs.connect();
  bus.publish(normalizeNotification(twitchNotificationFixtures['channel.follow'] as unknown as RawNotificationMessage)); // user 1234, cool_user
  fake.emitEvent({
    type: 'follow',
    for: 'twitch_account',
    event_id: 'evt_cf',
    message: [{ name: 'cool_user', _id: 'sl-follow-cool-user' }],
  });
  fake.emitEvent({ type: 'follow', for: 'youtube_account', event_id: 'evt_yt', message: [{ name: 'cool_user', _id: 'sl-yt-follow' }] });
  await waitUntil(() => streamlabs.health.eventCount === 2, 'both Streamlabs follows published');
  // The Twitch copy is kept; the YouTube follow by a same-named user is another platform: kept too.
  expect(follows.map((event) => [event.source, event.meta?.platform ?? event.source])).toEqual([
    ['twitch', 'twitch'],
    ['streamlabs', 'youtube'],
  ]);
  expect(deduped).toHaveLength(1);
  await streamlabs.disconnect();
});
