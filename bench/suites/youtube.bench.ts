/**
 * YouTube: one 2,000-item `liveChatMessages.list` page (the largest `maxResults`), as text, to typed
 * events delivered on the bus, against bare `JSON.parse` of the same page.
 *
 * The VMSC task runs the connector's per-page path: JSON.parse, then `ChatPipeline.process`
 * (id dedupe, poll tracking, end detection, `normalizeMessage` with exact BigInt amount maths) and
 * `EventBus.publish` for every event. The page mixes the fixture's item types in the proportions of
 * a busy chat (mostly text messages), each item with a fresh id so that nothing is deduped away.
 */
import { EventBus } from '@vmsc/core';
import { ChatPipeline, type RawListResponse } from '@vmsc/connector-youtube';
import { youtubeListPage1Fixture, youtubeTextMessage } from '@vmsc/testing';
import { checkedFloorEvent, floorEvent, floorTarget, piecesOf } from '../floor.js';
import { compare, floorNote, type Suite } from '../lib.js';

const ITEMS = 2_000;
const CANDIDATE = 'VMSC: parse + dedupe + normalize + bus.publish';
const FLOOR = 'floor: JSON.parse + per event UUID v4 + event object + shape check + bus.publish';

function page(): string {
  const extras = youtubeListPage1Fixture.items.filter((item) => item.snippet.type !== 'tombstone');
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const base = i % 10 === 0 ? extras[(i / 10) % extras.length]! : youtubeTextMessage(`message number ${i}: pog, what a play! 🎉`);
    const item = structuredClone(base);
    item.id = `LCC.bench-${i}-${item.snippet.type}`;
    if (item.snippet.type === 'pollEvent') item.snippet.type = 'textMessageEvent';
    return item;
  });
  return JSON.stringify({
    ...youtubeListPage1Fixture,
    pageInfo: { totalResults: ITEMS, resultsPerPage: ITEMS },
    items,
    activePollItem: undefined,
  });
}

const suite: Suite = async () => {
  const text = page();
  const bus = new EventBus({ idMemory: 1_000 });
  let sink = 0;
  bus.onAny(() => {
    sink++;
  });
  // The floor (bench/floor.ts): the page parsed, then each of its events rebuilt at the least cost the
  // spec allows (a UUID v4, the event object, the catalogue's shape check, which the connector runs)
  // and published; the mapping of the fields is left out of it (done once, here).
  const pieces = new ChatPipeline({ liveChatId: 'bench' })
    .process(JSON.parse(text) as RawListResponse)
    .events.map((event) => piecesOf(event, text));
  const comparison = await compare({
    title: 'YouTube: a 2,000-item list page to typed events',
    description: `One liveChatMessages.list page of ${ITEMS} items (${Math.round(text.length / 1024)} KiB of JSON, 90% text messages, 10% Super Chats, stickers, memberships, bans, deletions), as text, to events on the bus.`,
    targets: [{ label: 'within 1.5x of bare JSON.parse, bus.publish included', task: CANDIDATE, max: 1.5 }, floorTarget(CANDIDATE, FLOOR)],
    profile: [CANDIDATE],
    notes: [
      "The floor task (bench/floor.ts) parses the page and rebuilds each of its events at the least cost the spec allows: a UUID v4, the event object and the catalogue's shape check of the data (which the connector runs for every type but chat: the API's field types are not guaranteed), then publishes it on the bus; the mapping of the fields is left out of it (done once, outside the loop).",
      'The second candidate adds EventBus.publish (same-id dedupe and dispatch, @vmsc/core) for each of the 2,000 events; that part is the bus, not the connector.',
    ],
    baseline: { name: 'JSON.parse of the page', fn: () => void (sink += (JSON.parse(text) as RawListResponse).items!.length) },
    candidates: [
      {
        name: FLOOR,
        fn: () => {
          const items = (JSON.parse(text) as RawListResponse).items!;
          for (let k = 0; k < pieces.length; k++) {
            const piece = pieces[k]!;
            // The connector checks every type's data but chat's (whose few fields it checks directly).
            const event = piece.type === 'chat' ? floorEvent(piece, items[k]) : checkedFloorEvent(piece, items[k]);
            if (event) bus.publish(event);
          }
        },
      },
      {
        name: 'VMSC: parse + dedupe + normalize (typed events)',
        fn: () => {
          const pipeline = new ChatPipeline({ liveChatId: 'bench' });
          sink += pipeline.process(JSON.parse(text) as RawListResponse).events.length;
        },
      },
      {
        name: CANDIDATE,
        fn: () => {
          const pipeline = new ChatPipeline({ liveChatId: 'bench' });
          for (const event of pipeline.process(JSON.parse(text) as RawListResponse).events) bus.publish(event);
        },
      },
    ],
  });
  comparison.notes!.push(
    floorNote(comparison, {
      parse: 'JSON.parse of the page',
      floor: FLOOR,
      candidate: CANDIDATE,
      floorIs: 'the UUID v4s, the event objects, the shape checks and bus.publish',
      per: `page of ${ITEMS} items`,
    }) +
      ` That is ${Math.round((comparison.rows.find((row) => row.name === CANDIDATE)!.meanNs - comparison.rows.find((row) => row.name === FLOOR)!.meanNs) / pieces.length)} ns per event above the floor.`,
  );
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
