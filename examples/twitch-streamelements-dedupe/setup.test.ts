import { afterEach, describe, expect, it } from 'vitest';
import type { DedupedNotice, StreamEvent } from '@vmsc/core';
import { closeAllFakes, streamelementsActivityFixtures, waitUntil, type StreamElementsFake } from '@vmsc/testing';
import { startFakes } from './fakes.js';
import { start, type DedupeSetup } from './setup.js';

let setup: DedupeSetup | undefined;
afterEach(async () => {
  await setup?.stop();
  setup = undefined;
  await closeAllFakes();
});

async function startAll() {
  const { twitchFake, seFake, options } = await startFakes();
  setup = await start(options);
  const events: StreamEvent[] = [];
  const notices: DedupedNotice[] = [];
  setup.bus.onAny((event) => void events.push(event));
  setup.bus.onNotice('deduped', (notice) => void notices.push(notice));
  return { twitchFake, seFake, setup, events, notices };
}

/** cool_user (Twitch user 1234) cheering 1000 bits, as StreamElements relays the Twitch cheer fixture. */
function relayCheer(
  seFake: StreamElementsFake,
  id: string,
  user = { username: 'cool_user', displayName: 'Cool_User', providerId: '1234' },
) {
  const cheer = streamelementsActivityFixtures['event-cheer'];
  seFake.emitEvent({ ...cheer, _id: id, data: { ...cheer.data, ...user, amount: 1000 } });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 700)); // past the 500 ms hold

describe('examples/twitch-streamelements-dedupe', () => {
  it('StreamElements relays the cheer first: the bus holds it, Twitch’s copy wins, one cheer is delivered', async () => {
    const { twitchFake, seFake, setup, events, notices } = await startAll();
    relayCheer(seFake, 'se-cheer-1');
    await waitUntil(() => setup.streamelements.health.eventCount === 1, 'the relayed cheer');
    twitchFake.notify('channel.cheer');
    await waitUntil(() => setup.twitch.health.eventCount === 1, 'the EventSub cheer');
    await settle();

    const cheers = events.filter((event) => event.type === 'cheer');
    expect(cheers).toHaveLength(1);
    expect(cheers[0]).toMatchObject({ source: 'twitch', user: { id: '1234' }, data: { bits: 1000 } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.dropped.source).toBe('streamelements');
  });

  it('Twitch delivers first: the relayed copy is dropped on arrival', async () => {
    const { twitchFake, seFake, setup, events, notices } = await startAll();
    twitchFake.notify('channel.cheer');
    await waitUntil(() => events.length === 1, 'the EventSub cheer');
    relayCheer(seFake, 'se-cheer-2');
    await waitUntil(() => setup.streamelements.health.eventCount === 1 && notices.length === 1, 'the dropped relay');
    expect(events.map((event) => `${event.source}:${event.type}`)).toEqual(['twitch:cheer']);
  });

  it('different events stay apart: another viewer’s relayed cheer and a follow both come through', async () => {
    const { twitchFake, seFake, events, notices } = await startAll();
    relayCheer(seFake, 'se-cheer-3', { username: 'someone_else', displayName: 'Someone_Else', providerId: '4321' });
    twitchFake.notify('channel.cheer');
    twitchFake.notify('channel.follow');
    await waitUntil(() => events.length === 3, 'three distinct events', { timeoutMs: 3_000 });
    await settle();
    expect(notices).toEqual([]);
    expect(events.map((event) => `${event.source}:${event.type}:${event.user.username}`).sort()).toEqual([
      'streamelements:cheer:someone_else',
      'twitch:cheer:cool_user',
      'twitch:follow:cool_user',
    ]);
  });
});
