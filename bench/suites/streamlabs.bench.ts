import { normalizeStreamlabsEvent } from '@vmsc/connector-streamlabs';
import { streamlabsFixtures } from '@vmsc/testing';
import { floorEvent, floorTarget, piecesOf } from '../floor.js';
import { compare, floorNote, type Suite } from '../lib.js';

const CANDIDATE = 'JSON.parse + normalizeStreamlabsEvent';
const FLOOR = 'floor: JSON.parse + UUID v4 + event object';

/**
 * Streamlabs: a Socket.IO `event` payload (as the text the socket delivers) to typed StreamEvents,
 * against bare `JSON.parse` of the same text, and against the floor (bench/floor.ts).
 */
const suite: Suite = async () => {
  const payloads = Object.values(streamlabsFixtures).map((fixture) => JSON.stringify(fixture));
  const pieces = payloads.map((text) => normalizeStreamlabsEvent(JSON.parse(text) as unknown).map((alert) => piecesOf(alert.event, text)));
  let i = 0;
  let sink = 0;
  const comparison = await compare({
    title: 'Streamlabs: payload to typed event',
    description: `The ${payloads.length} Streamlabs fixtures (every alert type, several platforms, 120–440 bytes) as JSON text, round-robin. Candidate: JSON.parse + normalizeStreamlabsEvent (exact decimal amounts, platform, dedupe key).`,
    baseline: { name: 'JSON.parse', fn: () => JSON.parse(payloads[i++ % payloads.length]!) as unknown },
    candidates: [
      {
        name: FLOOR,
        fn: () => {
          const k = i++ % payloads.length;
          const raw = JSON.parse(payloads[k]!) as unknown;
          // Streamlabs sends no time: each event reads the clock, as the connector's do.
          for (const piece of pieces[k]!) sink += floorEvent(piece, raw, Date.now()).timestamp > 0 ? 1 : 0;
        },
      },
      {
        name: CANDIDATE,
        fn: () => {
          sink += normalizeStreamlabsEvent(JSON.parse(payloads[i++ % payloads.length]!) as unknown).length;
        },
      },
    ],
    targets: [{ label: 'within 1.5x of JSON.parse', task: CANDIDATE, max: 1.5 }, floorTarget(CANDIDATE, FLOOR)],
    notes: [
      "The floor task (bench/floor.ts) rebuilds each payload's events (a payload may carry several alerts) at the least cost the spec allows: `JSON.parse`, a UUID v4 per event, the clock read for its timestamp (Streamlabs sends none) and the event object; the mapping of the fields is left out of it (done once, outside the loop).",
    ],
    profile: [CANDIDATE],
  });
  comparison.notes!.push(
    floorNote(comparison, { parse: 'JSON.parse', floor: FLOOR, candidate: CANDIDATE, floorIs: 'the UUID v4 and the event object' }),
  );
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
