/**
 * Twitch: an EventSub notification frame (as it arrives on the socket) to a typed event delivered
 * on the bus, against bare `JSON.parse` of the same frames and against `@twurple/eventsub-ws` fed the
 * same frames.
 *
 * The VMSC task is the real `TwitchConnector`, connected to the @vmsc/testing Twitch fake over
 * loopback: the bench emits each frame on the connector's own `ws` socket (`message`, a Buffer, as
 * `ws` delivers it), so it pays everything the connector does per frame: the text decoding, the
 * generation and socket checks, the keepalive watchdog, JSON.parse, the staleness check, the
 * `message_id` dedupe, `normalizeNotification` and `EventBus.publish`. twurple's socket handler is a
 * closure on its private connection: the bench emits the frame (text) on that connection's `receive`
 * event (after decoding it, as `ws` does for twurple's `onmessage`), with the subscriptions registered
 * under the frames' subscription ids; twurple pays its per-message `setTimeout` for its own dedupe.
 */
import WebSocket from 'ws';
import { ApiClient } from '@twurple/api';
import { StaticAuthProvider } from '@twurple/auth';
import { EventSubWsListener } from '@twurple/eventsub-ws';
import { EventBus } from '@vmsc/core';
import { TwitchConnector, normalizeNotification, type RawNotificationMessage } from '@vmsc/connector-twitch';
import { startTwitchFake, twitchNotificationFixtures, type TwitchNotificationFixtureName } from '@vmsc/testing';
import { checkedFloorEvent, floorTarget, piecesOf } from '../floor.js';
import { compare, floorNote, type Suite } from '../lib.js';
// twurple's socket class is not exported from the package index.
import * as twurpleSocketModule from '../../node_modules/@twurple/eventsub-ws/lib/EventSubWsSocket.js';

const FRAMES = 4096;
const VMSC = 'VMSC: TwitchConnector socket message → bus';
const FLOOR = 'floor: decode + JSON.parse + UUID v4 + event object + shape check + bus.publish';

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

/**
 * A real TwitchConnector connected to the fake, and a function that hands it one frame on its socket.
 * Its dedupe remembers 1,024 ids, so a lap of {@link FRAMES} frames never meets its own ids again.
 */
async function vmscConnector(): Promise<{ feed: (frame: Buffer) => void; close: () => Promise<void>; delivered: () => number }> {
  const fake = await startTwitchFake({});
  const bus = new EventBus({ idMemory: 1_000 });
  let delivered = 0;
  bus.onAny(() => void delivered++);
  const connector = new TwitchConnector({
    bus,
    clientId: fake.clientId,
    auth: 'test-token',
    broadcaster: 'cool_user',
    events: ['chat', 'cheer', 'follow', 'subscribe'],
    urls: { eventsub: fake.eventsubUrl, helix: fake.helixUrl, auth: fake.authUrl },
    keepaliveTimeoutSeconds: 600,
    dedupeMaxIds: 1_024,
  });
  // The connector's socket is private: catch it as it registers its `message` listener.
  let socket: WebSocket | undefined;
  const on = WebSocket.prototype.on;
  WebSocket.prototype.on = function (this: WebSocket, event: string, listener: (...args: unknown[]) => void) {
    // The fake's own server-side sockets live in this process too: keep the client's.
    if (event === 'message' && !(this as unknown as { _isServer: boolean })._isServer) socket = this;
    return on.call(this, event as 'message', listener);
  } as typeof on;
  try {
    await connector.connect();
  } finally {
    WebSocket.prototype.on = on;
  }
  const live = socket!;
  return {
    feed: (frame) => void live.emit('message', frame, false),
    delivered: () => delivered,
    close: async () => {
      await connector.disconnect();
      await fake.close();
    },
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
  const allBuffers = all.map((text) => Buffer.from(text));
  const vmsc = await vmscConnector();
  let i = 0;
  let parsed = 0;
  // The floor (bench/floor.ts): decode and parse the frame, rebuild its event at the least cost the
  // spec allows (a UUID v4, the event object, the catalogue's shape check, which the connector runs
  // on every type) and publish it on a bus like the connector's; the mapping is done once, here.
  const pieces = all.map((text) => piecesOf(normalizeNotification(JSON.parse(text) as RawNotificationMessage), text));
  const floorBus = new EventBus({ idMemory: 1_000 });
  floorBus.onAny(() => void parsed++);
  try {
    const allTypes = await compare({
      title: 'Twitch: EventSub notification frame → typed event on the bus',
      description: `${FRAMES} notification frames built from Twitch's documented examples of all 27 fixture types (1–2.5 KB each, unique message ids), round-robin, into a connected TwitchConnector's socket.`,
      targets: [{ label: 'within 1.5x of bare JSON.parse', task: VMSC, max: 1.5 }, floorTarget(VMSC, FLOOR)],
      baseline: { name: 'JSON.parse of the frame', fn: () => (parsed += (JSON.parse(all[i++ & (FRAMES - 1)]!) as object) ? 1 : 0) },
      candidates: [
        {
          name: FLOOR,
          fn: () => {
            const k = i++ & (FRAMES - 1);
            const event = checkedFloorEvent(pieces[k]!, JSON.parse(allBuffers[k]!.toString()) as unknown);
            if (event) floorBus.publish(event);
          },
        },
        { name: VMSC, fn: () => vmsc.feed(allBuffers[i++ & (FRAMES - 1)]!) },
      ],
      notes: [
        "The floor task (bench/floor.ts) decodes and parses each frame, rebuilds its event at the least cost the spec allows (a UUID v4, the event object, the catalogue's shape check of the data, which the connector runs on every type) and publishes it on a bus like the connector's; the mapping of the fields is left out of it (done once, outside the loop). What the connector adds above it: the socket and generation checks, the keepalive watchdog, the staleness check, the `message_id` dedupe (Twitch redelivers), the mapping and the clock read.",
      ],
    });
    allTypes.notes!.push(
      floorNote(allTypes, {
        parse: 'JSON.parse of the frame',
        floor: FLOOR,
        candidate: VMSC,
        floorIs: 'the decode, the UUID v4, the event object, the shape check and bus.publish',
      }),
    );

    const twurple = twurplePipeline();
    const four = frames(['channel.chat.message', 'channel.cheer', 'channel.follow', 'channel.subscribe'], twurple.subscriptionIds);
    const fourBuffers = four.map((text) => Buffer.from(text));
    let j = 0;
    const versusTwurple = await compare({
      title: 'Twitch: VMSC vs @twurple/eventsub-ws on the same frames',
      description: `${FRAMES} frames of channel.chat.message, channel.cheer, channel.follow (v2) and channel.subscribe, round-robin; twurple's handlers read one field.`,
      baseline: { name: 'JSON.parse of the frame', fn: () => (parsed += (JSON.parse(four[j++ & (FRAMES - 1)]!) as object) ? 1 : 0) },
      candidates: [
        { name: 'VMSC: TwitchConnector socket message → bus', fn: () => vmsc.feed(fourBuffers[j++ & (FRAMES - 1)]!) },
        { name: '@twurple/eventsub-ws socket receive → handler', fn: () => twurple.feed(fourBuffers[j++ & (FRAMES - 1)]!.toString()) },
      ],
      targets: [
        {
          label: "VMSC's per-frame path at or below twurple's",
          task: 'VMSC: TwitchConnector socket message → bus',
          against: '@twurple/eventsub-ws socket receive → handler',
          max: 1,
        },
      ],
      profile: ['VMSC: TwitchConnector socket message → bus', '@twurple/eventsub-ws socket receive → handler'],
      notes: [
        "Both sides are fed without a network: VMSC on its `ws` socket's `message` event (a Buffer, decoded by the connector, as `ws` delivers it), twurple on its connection's `receive` event, with the frame decoded to text in the task (`ws` decodes a text frame for `onmessage`, which twurple's WebSocketConnection listens to), so both pay one decode. VMSC pays its keepalive watchdog, its dedupe, the staleness check, the event's UUID and shape, and the bus; twurple keeps each message id for 10 minutes with one `setTimeout` per message.",
      ],
    });
    versusTwurple.notes?.push(`Events the connector delivered to its bus in this suite: ${vmsc.delivered()} (none dropped as duplicates).`);
    if (parsed < 0) console.log(parsed);
    return [allTypes, versusTwurple];
  } finally {
    await vmsc.close();
  }
};

export default suite;
