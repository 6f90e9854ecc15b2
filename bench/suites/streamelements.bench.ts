import { normalizeActivity } from '@vmsc/connector-streamelements';
import { streamelementsActivityFixtures } from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/**
 * StreamElements: a Realtime `event` activity (as the text the socket delivers) to a typed
 * StreamEvent, against bare `JSON.parse` of the same text.
 */
const suite: Suite = async () => {
  const payloads = Object.values(streamelementsActivityFixtures).map((fixture) => JSON.stringify(fixture));
  let i = 0;
  let sink = 0;
  const comparison = await compare({
    title: 'StreamElements: payload to typed event',
    description: `The ${payloads.length} StreamElements activity fixtures (all ten types) as JSON text, round-robin. Candidate: JSON.parse + normalizeActivity.`,
    baseline: { name: 'JSON.parse', fn: () => JSON.parse(payloads[i++ % payloads.length]!) as unknown },
    candidates: [
      {
        name: 'JSON.parse + normalizeActivity',
        fn: () => {
          sink += normalizeActivity(JSON.parse(payloads[i++ % payloads.length]!) as unknown).test ? 1 : 0;
        },
      },
    ],
    targets: [{ label: 'within 1.5x of JSON.parse', max: 1.5 }],
  });
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
