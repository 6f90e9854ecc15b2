import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, ConnectionError, EventBus, RateLimitedError, type BusNotice, type ConnectorStatus, type StreamEvent } from '@vmsc/core';
import { startHypeRateFake, startPulsoidFake, waitUntil, type UpgradeRefusal, seededRandom, trackConnectors } from '@vmsc/testing';
import { HypeRateConnector, PulsoidConnector } from '../src/index.js';

const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };
const DEVICE = 'internal-testing';

const connectors = trackConnectors();
afterEach(connectors.cleanup);

async function pulsoid() {
  const fake = await startPulsoidFake({ tokens: ['good-token-1234'] });
  const bus = new EventBus();
  const connector = new PulsoidConnector({ bus, token: 'good-token-1234', url: fake.url, backoff: fastBackoff });
  return { fake, ...observe(bus, connector) };
}

async function hyperate() {
  const fake = await startHypeRateFake({ tokens: ['good-key-1234'] });
  const bus = new EventBus();
  const connector = new HypeRateConnector({ bus, token: 'good-key-1234', deviceId: DEVICE, url: fake.url, backoff: fastBackoff });
  return { fake, ...observe(bus, connector) };
}

function observe<C extends PulsoidConnector | HypeRateConnector>(bus: EventBus, connector: C) {
  connectors.track(connector);
  const events: StreamEvent[] = [];
  const notices: BusNotice[] = [];
  const statuses: ConnectorStatus[] = [];
  bus.onAny((event) => void events.push(event));
  bus.onNotice((notice) => void notices.push(notice));
  connector.on('status', ({ status }) => void statuses.push(status));
  return { bus, connector, events, notices, statuses };
}

const bpms = (events: readonly StreamEvent[]) => events.flatMap((event) => (event.type === 'bpm_update' ? [event.data.bpm] : []));

describe('drops at random points (heart rate streams have no replay: a gap per drop)', () => {
  it('Pulsoid: drops at seeded random points: reconnecting → connected, a gap per drop, no reading twice, every reading after each reconnect arrives', async () => {
    const random = seededRandom(0x9015);
    const { fake, connector, events, notices } = await pulsoid();
    await connector.connect();
    let bpm = 50;
    for (let round = 0; round < 5; round++) {
      for (let i = Math.floor(random() * 5); i > 0; i--) fake.sendReading(++bpm, 1_700_000_000_000 + bpm);
      if (random() < 0.5) await waitUntil(() => bpms(events).includes(bpm) || bpm === 50, `round ${round}: before the drop`);
      fake.dropAll();
      await waitUntil(
        () => notices.filter((n) => n.kind === 'gap').length === round + 1 && connector.status === 'connected',
        `round ${round}: back`,
      );
      fake.sendReading(++bpm, 1_700_000_000_000 + bpm);
      const expected = bpm;
      await waitUntil(() => bpms(events).includes(expected), `round ${round}: after the drop`);
    }
    const got = bpms(events);
    expect(new Set(got).size).toBe(got.length);
    expect([...got].sort((a, b) => a - b)).toEqual(got);
  });

  it('HypeRate: drops at seeded random points: reconnecting → rejoined → connected, a gap per drop, no reading twice', async () => {
    const random = seededRandom(0x4e7a);
    const { fake, connector, events, notices } = await hyperate();
    await connector.connect();
    let hr = 60;
    for (let round = 0; round < 5; round++) {
      for (let i = Math.floor(random() * 5); i > 0; i--) fake.sendHeartRate(DEVICE, ++hr);
      if (random() < 0.5) await waitUntil(() => bpms(events).includes(hr) || hr === 60, `round ${round}: before the drop`);
      fake.dropAll();
      await waitUntil(
        () =>
          notices.filter((n) => n.kind === 'gap').length === round + 1 &&
          connector.status === 'connected' &&
          fake.joinedTopics().includes(`hr:${DEVICE}`),
        `round ${round}: rejoined`,
      );
      fake.sendHeartRate(DEVICE, ++hr);
      const expected = hr;
      await waitUntil(() => bpms(events).includes(expected), `round ${round}: after the drop`);
    }
    const got = bpms(events);
    expect(new Set(got).size).toBe(got.length);
  });
});

describe('HTTP refusals of the WebSocket upgrade', () => {
  const cases: Array<[string, UpgradeRefusal, 'fatal' | 'retry']> = [
    ['401', { status: 401, body: { error_code: 7010, error_message: 'error_authorization_header_has_wrong_format' } }, 'fatal'],
    ['403', { status: 403, body: { error_code: 7005, error_message: 'token_not_found' } }, 'fatal'],
    ['429', { status: 429, body: 'slow down', headers: { 'retry-after': '0' } }, 'retry'],
    ['502', { status: 502, body: 'Bad Gateway' }, 'retry'],
    ['503', { status: 503, body: 'Service Unavailable' }, 'retry'],
  ];
  for (const [name, refusal, outcome] of cases) {
    it(`Pulsoid ${name}: ${outcome === 'fatal' ? 'status error with an AuthError, no retry' : 'reconnecting with a typed error, retried, then connected'}`, async () => {
      const { fake, connector, statuses } = await pulsoid();
      fake.failNextUpgrades(1, refusal);
      if (outcome === 'fatal') {
        const error = await connector.connect().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AuthError);
        expect(statuses).toEqual(['connecting', 'error']);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(fake.requests).toHaveLength(1);
        return;
      }
      await connector.connect();
      expect(statuses).toEqual(['connecting', 'reconnecting', 'connected']);
      expect(connector.lastError).toBeInstanceOf(refusal.status === 429 ? RateLimitedError : ConnectionError);
      if (refusal.status === 429) expect((connector.lastError as RateLimitedError).retryAfterMs).toBe(0);
      expect(fake.requests).toHaveLength(2);
    });
  }

  for (const [status, outcome] of [
    [401, 'fatal'],
    [429, 'retry'],
    [500, 'retry'],
  ] as const) {
    it(`HypeRate ${status}: ${outcome === 'fatal' ? 'status error with a HypeRate AuthError, no retry' : 'reconnecting with a typed error, retried, joined'}`, async () => {
      const { fake, connector, statuses } = await hyperate();
      fake.failNextUpgrades(1, { status, body: `HTTP ${status}` });
      if (outcome === 'fatal') {
        const error = await connector.connect().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AuthError);
        expect(statuses).toEqual(['connecting', 'error']);
        return;
      }
      await connector.connect();
      expect(statuses).toEqual(['connecting', 'reconnecting', 'connected']);
      expect(connector.lastError).toBeInstanceOf(status === 429 ? RateLimitedError : ConnectionError);
      expect(fake.joinedTopics()).toContain(`hr:${DEVICE}`);
    });
  }
});
