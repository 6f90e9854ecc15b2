import { EventBus } from '@vmsc/core';
import { KickConnectionPool, KickConnector, decodeFrameText, normalizeKickFrame } from '@vmsc/connector-kick';
import { kickEventFrames, startKickPusherFake, waitUntil, closeAllFakes } from '@vmsc/testing';
import { checkedFloorEvent, floorEvent, floorTarget, piecesOf } from '../floor.js';
import { compare, floorNote, type Comparison, type Suite } from '../lib.js';

/** Heap after two GCs when `--expose-gc` is on (bench/run.ts is started with it by `pnpm bench`), else one reading. */
function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function memoryPerChannel(
  channels: number,
  shared: boolean,
  throughputEvents = 0,
): Promise<{ perChannelKiB: number; sockets: number; subscriptions: number; gcExposed: boolean; eventsPerSecond?: number }> {
  const pusher = await startKickPusherFake();
  const sharedPool = new KickConnectionPool({ maxSubscriptionsPerConnection: 1_000 });
  const pools: KickConnectionPool[] = [sharedPool];
  const bus = new EventBus();
  const before = heapUsed();
  const connectors = Array.from({ length: channels }, (_, i) => {
    const pool = shared ? sharedPool : new KickConnectionPool();
    if (!shared) pools.push(pool);
    return new KickConnector({
      bus,
      pool,
      channel: { chatroomId: 100_000 + i, channelId: 200_000 + i, slug: `streamer${i}` },
      wsHost: pusher.host,
      wsPort: pusher.port,
      forceTLS: false,
    });
  });
  await Promise.all(connectors.map((connector) => connector.connect()));
  await waitUntil(() => pusher.subscriptions().length === channels * 5, 'every subscription on the fake', { timeoutMs: 60_000 });
  const after = heapUsed();
  const result = {
    perChannelKiB: (after - before) / channels / 1024,
    sockets: pools.reduce((sum, pool) => sum + pool.connectionCount, 0),
    subscriptions: pools.reduce((sum, pool) => sum + pool.subscriptionCount, 0),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    ...(throughputEvents > 0 ? { eventsPerSecond: await chatThroughput(pusher, bus, channels, throughputEvents) } : {}),
  };
  await Promise.all(connectors.map((connector) => connector.disconnect()));
  for (const pool of pools) pool.closeAll();
  await closeAllFakes();
  return result;
}

/**
 * Events/s through the whole path: the fake sends `count` chat messages (unique ids) spread round-robin
 * over every channel, over the loopback sockets, and the clock stops when the bus has delivered all of them.
 * Fake and connectors share this process, so the figure includes the fake's own sending cost.
 */
async function chatThroughput(
  pusher: Awaited<ReturnType<typeof startKickPusherFake>>,
  bus: EventBus,
  channels: number,
  count: number,
): Promise<number> {
  const template = JSON.parse(JSON.parse(kickEventFrames['ChatMessageEvent-2023']).data as string) as Record<string, unknown>;
  let delivered = 0;
  const off = bus.on('chat', () => {
    delivered++;
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const chatroomId = 100_000 + (i % channels);
    pusher.sendEvent(`chatrooms.${chatroomId}.v2`, 'App\\Events\\ChatMessageEvent', {
      ...template,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      chatroom_id: chatroomId,
    });
  }
  await waitUntil(() => delivered === count, `${count} chat events on the bus`, { timeoutMs: 120_000 });
  const seconds = (performance.now() - started) / 1000;
  off();
  return count / seconds;
}

const CANDIDATE = 'decodeFrameText + normalizeKickFrame';
const FLOOR = 'floor: double JSON.parse + UUID v4 + event object + shape check';

async function frameComparison(title: string, description: string, frames: readonly string[], withFloor: boolean): Promise<Comparison> {
  let i = 0;
  let j = 0;
  let sink = 0;
  const pieces = frames.map((text) => piecesOf(normalizeKickFrame(decodeFrameText(text)).event, text));
  const floor = {
    name: FLOOR,
    fn: () => {
      const k = i++ % frames.length;
      const envelope = JSON.parse(frames[k]!) as { data: string };
      const piece = pieces[k]!;
      const raw = JSON.parse(envelope.data) as unknown;
      // The connector checks every kind's data but chat's (whose fields it reads with checks).
      sink += (piece.type === 'chat' ? floorEvent(piece, raw) : checkedFloorEvent(piece, raw)) ? 1 : 0;
    },
  };
  const result = await compare({
    title,
    description,
    targets: [{ label: 'within 1.5x of bare parsing', task: CANDIDATE, max: 1.5 }, ...(withFloor ? [floorTarget(CANDIDATE, FLOOR)] : [])],
    baseline: {
      name: 'double JSON.parse',
      fn: () => {
        const envelope = JSON.parse(frames[i++ % frames.length]!) as { data: string };
        sink += (JSON.parse(envelope.data) as unknown) === null ? 1 : 0;
      },
    },
    candidates: [
      ...(withFloor ? [floor] : []),
      {
        name: CANDIDATE,
        fn: () => {
          sink += normalizeKickFrame(decodeFrameText(frames[j++ % frames.length]!)).event.timestamp > 0 ? 0 : 1;
        },
      },
    ],
    ...(withFloor
      ? {
          notes: [
            "The floor task (bench/floor.ts) rebuilds each frame's event at the least cost the spec allows: both `JSON.parse` calls, the event's id (Kick's own UUID when the frame has one, else a new UUID v4), the event object and the catalogue's shape check of the data, which the connector runs for every kind but chat; the mapping of the fields is left out of it (done once, outside the loop).",
          ],
          profile: [CANDIDATE],
        }
      : {}),
  });
  if (withFloor)
    result.notes!.push(
      floorNote(result, {
        parse: 'double JSON.parse',
        floor: FLOOR,
        candidate: CANDIDATE,
        floorIs: 'the id, the event object and the shape check',
      }),
    );
  if (sink < 0) console.log(sink);
  return result;
}

const suite: Suite = async () => {
  const names = Object.keys(kickEventFrames);
  const frames = Object.values(kickEventFrames) as string[];
  const chat = frames.filter((_, i) => names[i]!.startsWith('ChatMessageEvent'));
  const others = frames.filter((_, i) => !names[i]!.startsWith('ChatMessageEvent'));
  const parseComparison = await frameComparison(
    'Kick: chat frame to typed StreamEvent',
    `The ${chat.length} real \`ChatMessageEvent\` captures (the bulk of real Kick traffic), round-robin: the full path (both JSON parses, prefix strip, dispatch, emote parse, timestamp, event build) against two bare \`JSON.parse\` calls of the same frames.`,
    chat,
    false,
  );
  const otherComparison = await frameComparison(
    'Kick: every other captured event kind to typed StreamEvent',
    `The ${others.length} other real Kick captures (subs and their duplicate signals, gifts, Kicks, hosts, bans, polls, live/offline...), round-robin, same two paths. Most are small frames, so the fixed per-event cost (a UUID v4 for events without a Kick id, the event object) weighs more.`,
    others,
    true,
  );

  const shared = await memoryPerChannel(1_000, true, 20_000);
  const unshared = await memoryPerChannel(100, false);
  const gcNote = shared.gcExposed ? 'heap measured after forced GC' : 'no --expose-gc: single heap readings, upper bounds';
  otherComparison.notes = [
    ...(otherComparison.notes ?? []),
    `1,000 channels on shared connections: ${shared.perChannelKiB.toFixed(1)} KiB of heap per channel ` +
      `(1,000 KickConnectors, ${shared.subscriptions} Pusher subscriptions on ${shared.sockets} sockets of the local Pusher fake; ${gcNote}).`,
    `Events/s at that scale: ${Math.round(shared.eventsPerSecond ?? 0).toLocaleString('en-US')} chat events/s from the fake's sockets to typed events on the bus ` +
      '(20,000 chat messages with unique ids, round-robin over the 1,000 channels; the fake sends from the same process, so its cost is included).',
    `For contrast, one socket per channel (a private pool each, 100 channels): ${unshared.perChannelKiB.toFixed(1)} KiB per channel on ${unshared.sockets} sockets.`,
  ];
  return [parseComparison, otherComparison];
};

export default suite;
