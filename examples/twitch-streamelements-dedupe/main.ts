/**
 * Cross-source dedupe (spec 001): the same Twitch follow arrives from Twitch directly (EventSub) and
 * again through StreamElements; the bus delivers it once and says which copy it dropped. Runs
 * against the local fakes: `npx tsx examples/twitch-streamelements-dedupe.ts`.
 */
import { TwitchConnector } from '@vmsc/connector-twitch';
import { StreamElementsConnector } from '@vmsc/connector-streamelements';
import { EventBus } from '@vmsc/core';
import {
  closeAllFakes,
  startStreamElementsFake,
  startTwitchFake,
  STREAMELEMENTS_FAKE_JWT,
  streamelementsActivityFixtures,
  waitUntil,
} from '@vmsc/testing';

const twitchFake = await startTwitchFake();
const seFake = await startStreamElementsFake();

// Prefer Twitch's copy, waiting up to 500 ms for it when StreamElements is faster.
const bus = new EventBus({ crossSourceDedupe: { priority: ['twitch', 'streamelements'], holdMs: 500 } });
bus.on('follow', (e) =>
  console.log(`follow: ${e.user.nickname} (id ${e.user.id}) via ${e.source}, platform ${e.meta?.platform ?? e.source}`),
);
bus.onNotice('deduped', (notice) => console.log(`duplicate dropped: ${notice.detail}`));

const twitch = new TwitchConnector({
  bus,
  clientId: twitchFake.clientId,
  auth: 'test-token',
  broadcaster: 'cool_user',
  events: ['follow'],
  urls: { eventsub: twitchFake.eventsubUrl, helix: twitchFake.helixUrl, auth: twitchFake.authUrl },
});
const streamelements = new StreamElementsConnector({ bus, token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: seFake.url });
await Promise.all([twitch.connect(), streamelements.connect()]);

// The follow of cool_user (Twitch user 1234): first as StreamElements relays it, then from EventSub.
const follower = streamelementsActivityFixtures['event-follower'];
seFake.emitEvent({
  ...follower,
  _id: 'se-1',
  data: { ...follower.data, username: 'cool_user', displayName: 'Cool_User', providerId: '1234' },
});
twitchFake.notify('channel.follow');

await waitUntil(() => twitch.health.eventCount === 1 && streamelements.health.eventCount === 1, 'both copies');
await new Promise((resolve) => setTimeout(resolve, 600));
await Promise.all([twitch.disconnect(), streamelements.disconnect()]);
await closeAllFakes();
