import { normalizeStreamlabsEvent } from '@vmsc/connector-streamlabs';
import { streamlabsFixtures } from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/**
 * Streamlabs: a Socket.IO `event` payload (as the text the socket delivers) to typed StreamEvents,
 * against bare `JSON.parse` of the same text.
 */
const suite: Suite = async () => {
  const payloads = Object.values(streamlabsFixtures).map((fixture) => JSON.stringify(fixture));
  let i = 0;
  let sink = 0;
  const comparison = await compare({
    title: 'Streamlabs: payload to typed event',
    description: `The ${payloads.length} Streamlabs fixtures (every alert type, several platforms) as JSON text, round-robin. Candidate: JSON.parse + normalizeStreamlabsEvent (exact decimal amounts, platform, dedupe key).`,
    baseline: { name: 'JSON.parse', fn: () => JSON.parse(payloads[i++ % payloads.length]!) as unknown },
    candidates: [
      {
        name: 'JSON.parse + normalizeStreamlabsEvent',
        fn: () => {
          sink += normalizeStreamlabsEvent(JSON.parse(payloads[i++ % payloads.length]!) as unknown).length;
        },
      },
    ],
    targets: [{ label: 'within 1.5x of JSON.parse', max: 1.5 }],
  });
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
