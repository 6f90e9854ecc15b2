import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '@vmsc/core';
import {
  arbitraryFrameText,
  checkAsyncProperty,
  checkProperty,
  closeAllFakes,
  expectTypedError,
  expectValidEvent,
  heartrateFixtures as fx,
  mutatedJsonOf,
  startHypeRateFake,
  startPulsoidFake,
  waitUntil,
  type JsonLike,
  expectSessionSurvived,
  recordBus,
} from '@vmsc/testing';
import { HypeRateConnector, normalizeHypeRateFrame, normalizePulsoidFrame, PulsoidConnector } from '../src/index.js';

afterEach(() => closeAllFakes());

const RECEIVED_AT = 1_700_000_000_000;
const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };
const DEVICE = 'internal-testing';

const pulsoidJson: JsonLike[] = [JSON.parse(fx.pulsoidMessage) as JsonLike, { ...fx.pulsoidError7010 }, { ...fx.pulsoidError7005 }];
const phoenixTexts = [
  fx.hypeRateHrUpdate,
  fx.hypeRateHrUpdateReal,
  fx.hypeRateHrUpdateZero,
  fx.hypeRateJoinReply,
  fx.hypeRateHeartbeatReply,
  fx.hypeRateJoinErrorReply,
  fx.hypeRateClipCreated,
];
const phoenixJson = phoenixTexts.map((text) => JSON.parse(text) as JsonLike);
// The V2 array form [join_ref, ref, topic, event, payload] of the same messages.
const phoenixV2 = phoenixJson.map((message) => {
  const m = message as { ref: JsonLike; topic: JsonLike; event: JsonLike; payload: JsonLike };
  return [null, m.ref, m.topic, m.event, m.payload] as JsonLike;
});

const pulsoidFrames = fc.oneof(
  arbitraryFrameText(),
  mutatedJsonOf(pulsoidJson).map((value) => JSON.stringify(value)),
  fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double({ noNaN: true })).map(String),
);
const phoenixFrames = fc.oneof(
  arbitraryFrameText(),
  mutatedJsonOf([...phoenixJson, ...phoenixV2]).map((value) => JSON.stringify(value)),
);

function checkPulsoid(text: string): void {
  const result = normalizePulsoidFrame(text, RECEIVED_AT);
  if (result.kind === 'event') {
    const event = expectValidEvent(result.event);
    if (event.type === 'unknown') expect(typeof (event.data as { reason?: unknown }).reason).toBe('string');
  } else expectTypedError(result.error);
}

function checkPhoenix(text: string): void {
  const result = normalizeHypeRateFrame(text, RECEIVED_AT);
  switch (result.kind) {
    case 'event': {
      const event = expectValidEvent(result.event);
      if (event.type === 'unknown') expect(typeof (event.data as { reason?: unknown }).reason).toBe('string');
      return;
    }
    case 'reply':
      expect(typeof result.topic).toBe('string');
      expect(typeof result.status).toBe('string');
      return;
    case 'channel_lost':
      expect(typeof result.topic).toBe('string');
      return;
    case 'malformed':
      expectTypedError(result.error);
  }
}

describe('Pulsoid and HypeRate frames through the pure normalizers', () => {
  it('Pulsoid: arbitrary text, mutated readings and error bodies, bare numbers', () => {
    checkProperty('heartrate normalizePulsoidFrame(arbitrary / mutated frame)', pulsoidFrames, checkPulsoid, { numRuns: 3000 });
  });

  it('HypeRate: arbitrary text, mutated Phoenix messages (object and V2 array forms)', () => {
    checkProperty('heartrate normalizeHypeRateFrame(arbitrary / mutated frame)', phoenixFrames, checkPhoenix, { numRuns: 3000 });
  });
});

describe('the real connectors on their fakes', () => {
  it('Pulsoid: arbitrary and mutated frames (fatal auth error bodies aside) never cost the session; the next reading is delivered', async () => {
    const fake = await startPulsoidFake({ tokens: ['good-token-1234'] });
    const bus = new EventBus();
    const connector = new PulsoidConnector({ bus, token: 'good-token-1234', url: fake.url, backoff: fastBackoff });
    const { events, notices } = recordBus(bus);
    await connector.connect();
    notices.length = 0;
    let sentinel = 0;
    await checkAsyncProperty(
      'heartrate Pulsoid connector(arbitrary / mutated frame on the socket)',
      // An error body Pulsoid marks fatal (expired token...) correctly stops the connector: not sent here.
      pulsoidFrames.filter((text) => {
        const result = normalizePulsoidFrame(text, RECEIVED_AT);
        return result.kind !== 'error';
      }),
      async (text) => {
        fake.sendRaw(text);
        const measuredAt = RECEIVED_AT + ++sentinel;
        fake.sendReading(60 + (sentinel % 100), measuredAt);
        await waitUntil(
          () => events.some((event) => event.type === 'bpm_update' && event.data.measuredAt === measuredAt),
          `reading ${sentinel}`,
        );
        expect(connector.status).toBe('connected');
      },
      { numRuns: 300 },
    );
    expectSessionSurvived({ events, notices });
    await connector.disconnect();
  });

  it('HypeRate: arbitrary and mutated frames (replies and channel closes aside) never cost the session; the next reading is delivered', async () => {
    const fake = await startHypeRateFake({ tokens: ['good-key-1234'] });
    const bus = new EventBus();
    const connector = new HypeRateConnector({ bus, token: 'good-key-1234', deviceId: DEVICE, url: fake.url, backoff: fastBackoff });
    const { events, notices } = recordBus(bus);
    await connector.connect();
    notices.length = 0;
    let sentinel = 0;
    await checkAsyncProperty(
      'heartrate HypeRate connector(arbitrary / mutated frame on the socket)',
      // Replies to our pushes and phx_error/phx_close legitimately change the session: tested in hyperate.test.ts.
      phoenixFrames.filter((text) => {
        const kind = normalizeHypeRateFrame(text, RECEIVED_AT).kind;
        return kind === 'event' || kind === 'malformed';
      }),
      async (text) => {
        fake.sendRaw(text);
        const count = events.length;
        const hr = 40 + (++sentinel % 150);
        fake.sendHeartRate(DEVICE, hr);
        await waitUntil(
          () => events.slice(count).some((event) => event.type === 'bpm_update' && event.data.bpm === hr && event.meta?.channel === DEVICE),
          `reading ${sentinel}`,
        );
        expect(connector.status).toBe('connected');
      },
      { numRuns: 300 },
    );
    expectSessionSurvived({ events, notices });
    await connector.disconnect();
  });
});
