import { normalizeActivity } from '@vmsc/connector-streamelements';
import { streamelementsActivityFixtures } from '@vmsc/testing';
import { checkedFloorEvent, floorTarget, piecesOf } from '../floor.js';
import { compare, floorNote, type Suite } from '../lib.js';

const CANDIDATE = 'JSON.parse + normalizeActivity';
const FLOOR = 'floor: JSON.parse + UUID v4 + event object + shape check';

/**
 * StreamElements: a Realtime `event` activity (as the text the socket delivers) to a typed
 * StreamEvent, against bare `JSON.parse` of the same text, and against the floor (bench/floor.ts).
 */
const suite: Suite = async () => {
  const payloads = Object.values(streamelementsActivityFixtures).map((fixture) => JSON.stringify(fixture));
  const pieces = payloads.map((text) => piecesOf(normalizeActivity(JSON.parse(text) as unknown).event, text));
  let i = 0;
  let sink = 0;
  const comparison = await compare({
    title: 'StreamElements: payload to typed event',
    description: `The ${payloads.length} StreamElements activity fixtures (all ten types, 400–480 bytes) as JSON text, round-robin. Candidate: JSON.parse + normalizeActivity.`,
    baseline: { name: 'JSON.parse', fn: () => JSON.parse(payloads[i++ % payloads.length]!) as unknown },
    candidates: [
      {
        name: FLOOR,
        fn: () => {
          const k = i++ % payloads.length;
          sink += checkedFloorEvent(pieces[k]!, JSON.parse(payloads[k]!) as unknown) ? 1 : 0;
        },
      },
      {
        name: CANDIDATE,
        fn: () => {
          sink += normalizeActivity(JSON.parse(payloads[i++ % payloads.length]!) as unknown).test ? 1 : 0;
        },
      },
    ],
    targets: [{ label: 'within 1.5x of JSON.parse', task: CANDIDATE, max: 1.5 }, floorTarget(CANDIDATE, FLOOR)],
    notes: [
      "The floor task (bench/floor.ts) rebuilds each fixture's event at the least cost the spec allows: `JSON.parse`, a UUID v4, the event object and the catalogue's shape check of the data (`validateData`, which the connector runs because the Realtime API's field types are not guaranteed); the mapping of the fields is left out of it (done once, outside the loop).",
    ],
    profile: [CANDIDATE],
  });
  comparison.notes!.push(
    floorNote(comparison, {
      parse: 'JSON.parse',
      floor: FLOOR,
      candidate: CANDIDATE,
      floorIs: 'the UUID v4, the event object and the shape check',
    }),
  );
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
