/**
 * Twitch: an EventSub notification frame (text, as it arrives on the socket) to a typed event
 * delivered on the bus, against bare `JSON.parse` of the same frames and against
 * `@twurple/eventsub-ws` fed the same frames.
 *
 * The VMSC task runs the connector's per-frame path: JSON.parse, the staleness check, the
 * `message_id` dedupe, `normalizeNotification` and `EventBus.publish` (the connector's `#onFrame`
 * is private, so the bench calls the same modules in the same order). twurple's socket handler is a
 * closure on its private connection: the bench emits the frame on that connection's `receive`
 * event (no network), with the subscriptions registered under the frames' subscription ids.
 */
import { ApiClient } from '@twurple/api';
import { StaticAuthProvider } from '@twurple/auth';
import { EventSubWsListener } from '@twurple/eventsub-ws';
import { EventBus, parseTimestamp } from '@vmsc/core';
import { normalizeNotification, type RawNotificationMessage } from '@vmsc/connector-twitch';
import { twitchNotificationFixtures, type TwitchNotificationFixtureName } from '@vmsc/testing';
import { MessageDeduplicator } from '../../packages/connector-twitch/src/dedupe.js';
import { compare, type Suite } from '../lib.js';
// twurple's socket class is not exported from the package index.
import * as twurpleSocketModule from '../../node_modules/@twurple/eventsub-ws/lib/EventSubWsSocket.js';

const FRAMES = 4096;

function frames(names: TwitchNotificationFixtureName[], subscriptionIds?: Map<string, string>): string[] {
  const now = new Date().toISOString();
  return Array.from({ length: FRAMES }, (_, i) => {
    const fixture = structuredClone(twitchNotificationFixtures[names[i % names.length]!]) as unknown as RawNotificationMessage;
    fixture.metadata.message_id = crypto.randomUUID();
    fixture.metadata.message_timestamp = now;
    const id = subscriptionIds?.get(fixture.payload.subscription.type);
    if (id) fixture.payload.subscription.id = id;
    return JSON.stringify(fixture);
  });
}

/** The connector's notification path, frame text in, event on the bus out. */
function vmscPipeline(): (text: string) => void {
  const bus = new EventBus({ idMemory: 1_000 });
  let sink = 0;
  bus.onAny(() => {
    sink++;
  });
  const dedupe = new MessageDeduplicator(600_000);
  return (text) => {
    const frame = JSON.parse(text) as RawNotificationMessage;
    if (frame.metadata.message_type !== 'notification') return;
    const now = Date.now();
    const sentAt = parseTimestamp(frame.metadata.message_timestamp);
    if (sentAt !== undefined && now - sentAt > 600_000) return;
    if (dedupe.isDuplicate(frame.metadata.message_id, now)) {
      dedupe.clear(); // the bench replays its frames in a loop: start the window over each lap
      dedupe.isDuplicate(frame.metadata.message_id, now);
    }
    bus.publish(normalizeNotification(frame, now));
    if (sink < 0) console.log(sink);
  };
}

/** twurple's EventSubWsSocket, fed frames without a network, with one handler per type. */
function twurplePipeline(): { feed: (text: string) => void; subscriptionIds: Map<string, string> } {
  const apiClient = new ApiClient({ authProvider: new StaticAuthProvider('bench-client', 'bench-token') });
  const listener = new EventSubWsListener({ apiClient });
  let sink = 0;
  const subs = {
    'channel.chat.message': listener.onChannelChatMessage('1971641', '2914196', (e) => void (sink += e.messageText.length)),
    'channel.cheer': listener.onChannelCheer('1337', (e) => void (sink += e.bits)),
    'channel.follow': listener.onChannelFollow('1337', '1337', (e) => void (sink += e.userId.length)),
    'channel.subscribe': listener.onChannelSubscription('1337', (e) => void (sink += e.tier.length)),
  };
  const internals = listener as unknown as { _subscriptionsByTwitchId: Map<string, unknown>; _seenEventIds: Set<string> };
  const subscriptionIds = new Map<string, string>();
  for (const [type, sub] of Object.entries(subs)) {
    const id = crypto.randomUUID();
    subscriptionIds.set(type, id);
    internals._subscriptionsByTwitchId.set(id, sub);
  }
  type Connection = { emit(event: unknown, data: string): void; onReceive: unknown };
  const { EventSubWsSocket } = twurpleSocketModule as unknown as { EventSubWsSocket: unknown };
  const socket = new (EventSubWsSocket as new (...args: unknown[]) => { _connection: Connection })(
    listener,
    '1337',
    'ws://127.0.0.1:9/ws',
    undefined,
  );
  let fed = 0;
  return {
    subscriptionIds,
    feed: (text) => {
      if ((++fed & (FRAMES - 1)) === 0) internals._seenEventIds.clear();
      socket._connection.emit(socket._connection.onReceive, text);
      if (sink < 0) console.log(sink);
    },
  };
}

const suite: Suite = async () => {
  const all = frames(Object.keys(twitchNotificationFixtures) as TwitchNotificationFixtureName[]);
  const vmsc = vmscPipeline();
  let i = 0;
  let parsed = 0;
  const allTypes = await compare({
    title: 'Twitch: EventSub notification frame → typed event on the bus',
    description: `${FRAMES} notification frames built from Twitch's documented examples of all 27 fixture types (1–2.5 KB each, unique message ids), round-robin.`,
    targets: [{ label: 'within 1.5x of bare JSON.parse', max: 1.5 }],
    baseline: { name: 'JSON.parse of the frame', fn: () => (parsed += (JSON.parse(all[i++ & (FRAMES - 1)]!) as object) ? 1 : 0) },
    candidates: [{ name: 'VMSC: parse + dedupe + normalize + bus.publish', fn: () => vmsc(all[i++ & (FRAMES - 1)]!) }],
  });

  const twurple = twurplePipeline();
  const four = frames(['channel.chat.message', 'channel.cheer', 'channel.follow', 'channel.subscribe'], twurple.subscriptionIds);
  const vmsc4 = vmscPipeline();
  let j = 0;
  const versusTwurple = await compare({
    title: 'Twitch: VMSC vs @twurple/eventsub-ws on the same frames',
    description: `${FRAMES} frames of channel.chat.message, channel.cheer, channel.follow (v2) and channel.subscribe, round-robin; twurple's handlers read one field.`,
    baseline: { name: 'JSON.parse of the frame', fn: () => (parsed += (JSON.parse(four[j++ & (FRAMES - 1)]!) as object) ? 1 : 0) },
    candidates: [
      { name: 'VMSC: parse + dedupe + normalize + bus.publish', fn: () => vmsc4(four[j++ & (FRAMES - 1)]!) },
      { name: '@twurple/eventsub-ws socket receive → handler', fn: () => twurple.feed(four[j++ & (FRAMES - 1)]!) },
    ],
    targets: [
      {
        label: "VMSC's per-frame path at or below twurple's",
        task: 'VMSC: parse + dedupe + normalize + bus.publish',
        against: '@twurple/eventsub-ws socket receive → handler',
        max: 1,
      },
    ],
    notes: [
      "twurple's receive handler is private: the bench emits on its connection's `receive` event, which is exactly what a socket message does. twurple keeps each message id for 10 minutes with one `setTimeout` per message, which this bench also pays.",
    ],
  });
  if (parsed < 0) console.log(parsed);
  return [allTypes, versusTwurple];
};

export default suite;
