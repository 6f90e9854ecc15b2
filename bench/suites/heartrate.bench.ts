import { normalizeHypeRateFrame, normalizePulsoidFrame } from '@vmsc/connector-heartrate';
import { heartrateFixtures as fx } from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/** Frames as they arrive: the fixtures' shapes with varied readings and timestamps. */
function pulsoidFrames(): string[] {
  return Array.from({ length: 1024 }, (_, i) =>
    JSON.stringify({ measured_at: 1625310655000 + i * 1000, data: { heart_rate: 55 + (i % 60) } }),
  );
}

function hypeRateFrames(): string[] {
  const base = JSON.parse(fx.hypeRateHrUpdateReal) as { payload: { hr: number } };
  return Array.from({ length: 1024 }, (_, i) => JSON.stringify({ ...base, payload: { hr: 55 + (i % 60) } }));
}

const suite: Suite = async () => {
  const now = Date.now();
  let sink = 0;
  const pulsoid = pulsoidFrames();
  let i = 0;
  const pulsoidComparison = await compare({
    title: 'Pulsoid: frame to typed bpm_update',
    description: `${pulsoid.length} Pulsoid JSON frames (\`{"measured_at", "data": {"heart_rate"}}\`), round-robin.`,
    baseline: {
      name: 'JSON.parse',
      fn: () => {
        sink += (JSON.parse(pulsoid[i++ & 1023]!) as { data: { heart_rate: number } }).data.heart_rate;
      },
    },
    candidates: [
      {
        name: 'normalizePulsoidFrame',
        fn: () => {
          const result = normalizePulsoidFrame(pulsoid[i++ & 1023]!, now);
          if (result.kind === 'event' && result.event.type === 'bpm_update') sink += result.event.data.bpm;
        },
      },
    ],
    targets: [{ label: 'within 1.5x of bare JSON.parse', max: 1.5 }],
  });

  const hypeRate = hypeRateFrames();
  let j = 0;
  const hypeRateComparison = await compare({
    title: 'HypeRate: Phoenix frame to typed bpm_update',
    description: `${hypeRate.length} HypeRate \`hr_update\` frames (Phoenix V1 objects), round-robin.`,
    baseline: {
      name: 'JSON.parse',
      fn: () => {
        sink += (JSON.parse(hypeRate[j++ & 1023]!) as { payload: { hr: number } }).payload.hr;
      },
    },
    candidates: [
      {
        name: 'normalizeHypeRateFrame',
        fn: () => {
          const result = normalizeHypeRateFrame(hypeRate[j++ & 1023]!, now);
          if (result.kind === 'event' && result.event.type === 'bpm_update') sink += result.event.data.bpm;
        },
      },
    ],
    targets: [{ label: 'within 1.5x of bare JSON.parse', max: 1.5 }],
  });
  if (sink < 0) console.log(sink);
  return [pulsoidComparison, hypeRateComparison];
};

export default suite;
