import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, EventBus, ProtocolError, TimeoutError, type BusNotice, type ConnectorStatus, type VmscError } from '@vmsc/core';
import { closeAllFakes, collectEvents, heartrateFixtures as fx, startPulsoidFake, waitForEvent, waitUntil } from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import { PulsoidAuthError, PulsoidConnector, type PulsoidConnectorOptions } from '../src/index.js';
import { settle, spinUntil, useFakeTimers } from './helpers.js';

const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };

connectorContract('PulsoidConnector', async () => {
  const fake = await startPulsoidFake();
  const bus = new EventBus();
  const connector = new PulsoidConnector({ bus, token: fake.token, url: fake.url, backoff: fastBackoff });
  return {
    connector,
    bus,
    // Pulsoid's read WebSocket pushes live readings only; readings from while it was down are gone.
    reconnectGap: 'reported',
    secrets: [fake.token],
    sendEvent: async () => fake.sendReading(72),
    dropConnection: async () => fake.dropAll(),
  };
});

describe('PulsoidConnector', () => {
  let connector: PulsoidConnector | undefined;

  afterEach(async () => {
    vi.useRealTimers();
    await connector?.disconnect();
    connector = undefined;
    await closeAllFakes();
  });

  async function setup(options: Partial<PulsoidConnectorOptions> = {}) {
    const fake = await startPulsoidFake({ tokens: ['good-token-1234', 'other-token-5678'] });
    const bus = new EventBus();
    const statuses: ConnectorStatus[] = [];
    const notices: BusNotice[] = [];
    const errors: VmscError[] = [];
    connector = new PulsoidConnector({ bus, token: 'good-token-1234', url: fake.url, backoff: fastBackoff, ...options });
    connector.on('status', ({ status }) => void statuses.push(status));
    connector.on('error', (error) => void errors.push(error));
    bus.onNotice((notice) => void notices.push(notice));
    return { fake, bus, connector, statuses, notices, errors };
  }

  it('sends the token as a Bearer header by default and maps readings to bpm_update', async () => {
    const { fake, bus, connector } = await setup();
    await connector.connect();
    expect(fake.requests[0]).toMatchObject({ tokenIn: 'header', token: 'good-token-1234', responseMode: 'json' });
    const next = waitForEvent(bus, 'bpm_update');
    fake.sendRaw(fx.pulsoidMessage);
    const event = await next;
    expect(event.data).toEqual({ bpm: 40, measuredAt: 1625310655000, provider: 'pulsoid' });
    expect(connector.health.eventCount).toBe(1);
  });

  it('uses ?access_token= and the plain-text response mode when asked', async () => {
    const { fake, bus, connector } = await setup({ tokenIn: 'query', responseMode: 'text_plain_only_heart_rate' });
    await connector.connect();
    expect(fake.requests[0]).toMatchObject({ tokenIn: 'query', token: 'good-token-1234', responseMode: 'text_plain_only_heart_rate' });
    const next = waitForEvent(bus, 'bpm_update');
    const before = Date.now();
    fake.sendReading(123);
    const event = await next;
    expect(event.data.bpm).toBe(123);
    expect(event.data.measuredAt).toBeGreaterThanOrEqual(before);
    expect(event.raw).toBe('123');
  });

  it('publishes 0 bpm as inactive and messages without a reading as unknown, in order', async () => {
    const { fake, bus, connector } = await setup();
    const collector = collectEvents(bus);
    await connector.connect();
    fake.sendReading(0, 1_000);
    fake.sendRaw('{"measured_at":2000,"data":{}}');
    fake.sendReading(88, 3_000);
    const events = await collector.waitForCount(3);
    expect(events.map((event) => event.type)).toEqual(['bpm_update', 'unknown', 'bpm_update']);
    expect(events[0]!.data).toEqual({ bpm: 0, measuredAt: 1_000, provider: 'pulsoid', inactive: true });
  });

  it.each([
    ['an unknown token', 'wrong-token-0000', 'PULSOID_7005', 403],
    ['a malformed header', 'has spaces in it', 'PULSOID_7010', 403],
  ])('stops in "error" with PulsoidAuthError for %s, without a reconnect loop', async (_what, token, code, httpStatus) => {
    const { fake, connector, statuses } = await setup({ token });
    const error = await connector.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PulsoidAuthError);
    expect(error).toMatchObject({ code, httpStatus });
    expect(connector.status).toBe('error');
    expect(connector.lastError).toBe(error);
    expect(statuses).toEqual(['connecting', 'error']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.requests).toHaveLength(1);
    expect(String((error as Error).message)).not.toContain(token);
  });

  it('reports an expired token (7006) and premium_required (7007, HTTP 402) as fatal auth errors', async () => {
    const { fake, connector } = await setup();
    fake.expireToken('good-token-1234');
    await expect(connector.connect()).rejects.toMatchObject({ code: 'PULSOID_7006', httpStatus: 403 });
    const second = new PulsoidConnector({ bus: new EventBus(), token: 'other-token-5678', url: fake.url, backoff: fastBackoff });
    fake.requirePremium('other-token-5678');
    await expect(second.connect()).rejects.toMatchObject({ code: 'PULSOID_7007', httpStatus: 402 });
    expect(second.status).toBe('error');
  });

  it('says what 7006 and 7007 mean: an expired token, a plan without this API (not a refused token)', async () => {
    const { fake, connector } = await setup();
    fake.expireToken('good-token-1234');
    const expired = (await connector.connect().catch((error: unknown) => error)) as Error;
    expect(expired.message).toContain('has expired');
    const second = new PulsoidConnector({ bus: new EventBus(), token: 'other-token-5678', url: fake.url, backoff: fastBackoff });
    fake.requirePremium('other-token-5678');
    const premium = (await second.connect().catch((error: unknown) => error)) as Error;
    expect(premium.message).toContain('premium required');
    expect(premium.message).not.toContain('was refused');
  });

  it.each(['header', 'query'] as const)(
    'hints at a token pasted with its "Bearer " prefix (token in the %s), never printing it',
    async (tokenIn) => {
      const { connector } = await setup({ token: 'Bearer good-token-1234', tokenIn });
      const error = (await connector.connect().catch((caught: unknown) => caught)) as Error;
      expect(error).toBeInstanceOf(PulsoidAuthError);
      expect(error.message).toContain('starts with "Bearer "');
      expect(error.message).not.toContain('good-token-1234');
    },
  );

  it('gives no Bearer hint for a token without that prefix', async () => {
    const { connector } = await setup({ token: 'wrong-token-0000' });
    const error = (await connector.connect().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('does not exist');
    expect(error.message).not.toContain('Bearer');
  });

  it('retries a 500 (7001) with backoff and connects once Pulsoid recovers', async () => {
    const { fake, connector, statuses } = await setup();
    fake.failNextUpgrades(2);
    await connector.connect();
    expect(fake.requests).toHaveLength(3);
    expect(statuses).toEqual(['connecting', 'reconnecting', 'connected']);
    expect(connector.lastError).toBeInstanceOf(ConnectionError);
    expect(connector.lastError?.code).toBe('PULSOID_7001');
  });

  it('honours Retry-After on a 429', async () => {
    const { fake, connector } = await setup({ backoff: { initialDelayMs: 5_000, jitterMs: 0 } });
    fake.failNextUpgrades(1, { status: 429, body: 'slow down', headers: { 'retry-after': '0' } });
    await connector.connect();
    expect(fake.requests).toHaveLength(2);
    expect(connector.lastError?.code).toBe('PULSOID_RATE_LIMITED');
  });

  it('stops when Pulsoid sends an auth error body on the open socket', async () => {
    const { fake, connector } = await setup();
    await connector.connect();
    fake.sendRaw(JSON.stringify(fx.pulsoidError7005));
    await waitUntil(() => connector.status === 'error', 'status "error"');
    expect(connector.lastError).toBeInstanceOf(PulsoidAuthError);
    await waitUntil(() => fake.connectionCount === 0, 'the socket closed');
  });

  it('reports a malformed frame as a ProtocolError and keeps going', async () => {
    const { fake, bus, connector, errors, notices } = await setup();
    await connector.connect();
    fake.sendRaw('<html>oops</html>');
    const next = waitForEvent(bus, 'bpm_update');
    fake.sendReading(90);
    await next;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ProtocolError);
    expect(notices.some((notice) => notice.kind === 'error')).toBe(true);
    expect(connector.status).toBe('connected');
  });

  it('reconnects after a drop and reports the interval without a connection as a gap', async () => {
    const { fake, bus, connector, notices } = await setup();
    await connector.connect();
    fake.dropAll();
    await waitUntil(() => notices.some((notice) => notice.kind === 'gap'), 'a gap notice');
    expect(connector.status).toBe('connected');
    const gap = connector.health.lastGap!;
    expect(gap.to).toBeGreaterThanOrEqual(gap.from);
    const next = waitForEvent(bus, 'bpm_update');
    fake.sendReading(77);
    expect((await next).data.bpm).toBe(77);
    expect(fake.requests).toHaveLength(2);
  });

  it('pings on schedule and reconnects when pongs stop (fake timers)', async () => {
    useFakeTimers();
    const { fake, connector, statuses } = await setup({ pingIntervalMs: 30_000, pongTimeoutMs: 10_000 });
    const pings: number[] = [];
    const socketPromise = fake.nextConnection();
    await connector.connect();
    const serverSide = await socketPromise;
    serverSide.on('ping', () => void pings.push(Date.now()));
    vi.advanceTimersByTime(29_999);
    await settle();
    expect(pings).toHaveLength(0);
    vi.advanceTimersByTime(1);
    await spinUntil(() => pings.length === 1, 'the first ping');
    await settle(200); // the pong travels back over loopback
    vi.advanceTimersByTime(30_000);
    await spinUntil(() => pings.length === 2, 'the second ping');
    await settle(200);
    expect(connector.status).toBe('connected');

    fake.setAutoPong(false);
    vi.advanceTimersByTime(30_000);
    await spinUntil(() => pings.length === 3, 'the third ping');
    vi.advanceTimersByTime(9_999);
    await settle();
    expect(connector.status).toBe('connected');
    vi.advanceTimersByTime(1);
    expect(connector.status).toBe('reconnecting');
    expect(connector.lastError).toBeInstanceOf(TimeoutError);
    fake.setAutoPong(true);
    vi.advanceTimersByTime(20);
    await spinUntil(() => connector.status === 'connected', 'reconnected');
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(fake.requests).toHaveLength(2);
  });

  it('never puts the token in the URL (header mode), errors, notices or toString', async () => {
    const { fake, connector, notices } = await setup({ token: 'secret-token-zzzz' });
    await connector.connect().catch(() => undefined);
    expect(fake.requests[0]!.token).toBe('secret-token-zzzz');
    const seen = [
      String(connector),
      connector.lastError?.message,
      JSON.stringify(notices, (_k, v: unknown) => (v instanceof Error ? v.message : v)),
    ].join('\n');
    expect(seen).not.toContain('secret-token-zzzz');
    expect(String(connector)).toContain('PulsoidConnector');
  });

  it('refuses an empty token at construction', () => {
    expect(() => new PulsoidConnector({ bus: new EventBus(), token: '' })).toThrow(/empty/);
  });
});

describe('PulsoidConnector options', () => {
  it('stops in "error" with INVALID_OPTIONS for a URL that cannot be parsed', async () => {
    const connector = new PulsoidConnector({ bus: new EventBus(), token: 'tok-1234', url: 'not a url' });
    await expect(connector.connect()).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(connector.status).toBe('error');
  });
});
