import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, EventBus, TimeoutError, type BusNotice, type ConnectorStatus, type VmscError } from '@vmsc/core';
import { closeAllFakes, collectEvents, heartrateFixtures as fx, startHypeRateFake, waitForEvent, waitUntil } from '@vmsc/testing';
import { connectorContract } from '@vmsc/testing/contract';
import { HypeRateAuthError, HypeRateConnector, HypeRateJoinError, PhoenixReplyError, type HypeRateConnectorOptions } from '../src/index.js';
import { settle, spinUntil, useFakeTimers } from './helpers.js';

const fastBackoff = { initialDelayMs: 20, maxDelayMs: 80, jitterMs: 0 };
const DEVICE = 'internal-testing';

connectorContract('HypeRateConnector', async () => {
  const fake = await startHypeRateFake();
  const bus = new EventBus();
  const connector = new HypeRateConnector({ bus, token: fake.token, deviceId: DEVICE, url: fake.url, backoff: fastBackoff });
  return {
    connector,
    bus,
    // HypeRate's Phoenix channel pushes live readings only; readings from while it was down are gone.
    reconnectGap: 'reported',
    secrets: [fake.token],
    sendEvent: async () => fake.sendHeartRate(DEVICE, 72),
    dropConnection: async () => fake.dropAll(),
  };
});

describe('HypeRateConnector', () => {
  let connector: HypeRateConnector | undefined;

  afterEach(async () => {
    vi.useRealTimers();
    await connector?.disconnect();
    connector = undefined;
    await closeAllFakes();
  });

  async function setup(options: Partial<HypeRateConnectorOptions> = {}) {
    const fake = await startHypeRateFake({ tokens: ['good-key-1234'] });
    const bus = new EventBus();
    const statuses: ConnectorStatus[] = [];
    const notices: BusNotice[] = [];
    const errors: VmscError[] = [];
    connector = new HypeRateConnector({ bus, token: 'good-key-1234', deviceId: DEVICE, url: fake.url, backoff: fastBackoff, ...options });
    connector.on('status', ({ status }) => void statuses.push(status));
    connector.on('error', (error) => void errors.push(error));
    bus.onNotice((notice) => void notices.push(notice));
    return { fake, bus, connector, statuses, notices, errors };
  }

  it('joins hr:<deviceId> and is connected only once the join is acknowledged', async () => {
    const { fake, connector } = await setup();
    await connector.connect();
    expect(fake.received[0]).toMatchObject({ topic: `hr:${DEVICE}`, event: 'phx_join', payload: {} });
    expect(fake.joinedTopics()).toEqual([`hr:${DEVICE}`]);
    expect(connector.topic).toBe(`hr:${DEVICE}`);
  });

  it('maps hr_update to bpm_update with the device as meta.channel', async () => {
    const { fake, bus, connector } = await setup();
    await connector.connect();
    const next = waitForEvent(bus, 'bpm_update');
    const before = Date.now();
    fake.sendRaw(fx.hypeRateHrUpdate);
    const event = await next;
    expect(event.data).toMatchObject({ bpm: 79, provider: 'hyperate' });
    expect(event.data.measuredAt).toBeGreaterThanOrEqual(before);
    expect(event.meta).toEqual({ channel: DEVICE });
  });

  it('publishes hr: 0 as inactive and clip:created as unknown, in order', async () => {
    const { fake, bus, connector } = await setup();
    const collector = collectEvents(bus);
    await connector.connect();
    fake.sendRaw(fx.hypeRateHrUpdateZero);
    fake.sendRaw(fx.hypeRateClipCreated);
    fake.sendHeartRate(DEVICE, 65);
    const events = await collector.waitForCount(3);
    expect(events.map((event) => event.type)).toEqual(['bpm_update', 'unknown', 'bpm_update']);
    expect(events[0]!.data).toMatchObject({ bpm: 0, inactive: true });
    expect(events[1]!.data).toMatchObject({ kind: 'clip:created', payload: { payload: { twitch_slug: expect.any(String) } } });
  });

  it('stops in "error" with HypeRateAuthError when the key is refused (HTTP 403), without a reconnect loop', async () => {
    const { connector, statuses } = await setup({ token: 'bad-key-0000' });
    const error = await connector.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(HypeRateAuthError);
    expect(error).toMatchObject({ code: 'HYPERATE_AUTH_FAILED', httpStatus: 403 });
    expect(statuses).toEqual(['connecting', 'error']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(connector.status).toBe('error');
    expect((error as Error).message).not.toContain('bad-key-0000');
  });

  it('stops with HypeRateJoinError when the join is refused (phx_reply error)', async () => {
    const { fake, connector } = await setup();
    fake.refuseJoin(DEVICE, 'unmatched topic');
    const error = await connector.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(HypeRateJoinError);
    expect(error).toMatchObject({ topic: `hr:${DEVICE}`, reason: 'unmatched topic', code: 'HYPERATE_JOIN_REFUSED' });
    expect(connector.status).toBe('error');
    await waitUntil(() => fake.connectionCount === 0, 'the socket closed');
  });

  it('treats an "unauthorized" join refusal as an auth error', async () => {
    const { fake, connector } = await setup();
    fake.refuseJoin(DEVICE, 'unauthorized');
    await expect(connector.connect()).rejects.toBeInstanceOf(HypeRateAuthError);
  });

  it('retries a 503 with backoff and joins once HypeRate recovers', async () => {
    const { fake, connector, statuses } = await setup();
    fake.failNextUpgrades(2);
    await connector.connect();
    expect(statuses).toEqual(['connecting', 'reconnecting', 'connected']);
    expect(connector.lastError).toBeInstanceOf(ConnectionError);
  });

  it('rejoins on a fresh socket after phx_error, reporting a gap', async () => {
    const { fake, bus, connector, notices } = await setup();
    await connector.connect();
    fake.crashChannel(DEVICE);
    await waitUntil(() => notices.some((notice) => notice.kind === 'gap'), 'a gap notice');
    expect(connector.status).toBe('connected');
    expect(connector.lastError?.code).toBe('PHOENIX_CHANNEL_LOST');
    const next = waitForEvent(bus, 'bpm_update');
    fake.sendHeartRate(DEVICE, 81);
    expect((await next).data.bpm).toBe(81);
    expect(fake.received.filter((message) => message.event === 'phx_join')).toHaveLength(2);
  });

  it('reports malformed frames and error replies without dropping the connection', async () => {
    const { fake, bus, connector, errors } = await setup();
    await connector.connect();
    fake.sendRaw('garbage');
    fake.sendRaw('{"event":"phx_reply","payload":{"status":"error","response":{"reason":"boom"}},"ref":"99","topic":"hr:other"}');
    const next = waitForEvent(bus, 'bpm_update');
    fake.sendHeartRate(DEVICE, 70);
    await next;
    expect(errors.map((error) => error.code)).toEqual(['PHOENIX_MALFORMED_FRAME', 'PHOENIX_REPLY_ERROR']);
    expect(errors[1]).toBeInstanceOf(PhoenixReplyError);
    expect(connector.status).toBe('connected');
  });

  it('sends phx_leave and closes cleanly on disconnect()', async () => {
    const { fake, connector } = await setup();
    await connector.connect();
    await connector.disconnect();
    expect(fake.received.at(-1)).toMatchObject({ topic: `hr:${DEVICE}`, event: 'phx_leave' });
    await waitUntil(() => fake.connectionCount === 0, 'the socket closed');
    expect(connector.status).toBe('disconnected');
  });

  describe('heartbeat and watchdog (fake timers)', () => {
    it('sends a heartbeat on topic "phoenix" every 10 s; replies keep the socket', async () => {
      useFakeTimers();
      const { fake, connector } = await setup();
      await connector.connect();
      const beats = () => fake.received.filter((message) => message.topic === 'phoenix' && message.event === 'heartbeat');
      vi.advanceTimersByTime(9_999);
      await settle();
      expect(beats()).toHaveLength(0);
      for (let i = 1; i <= 3; i++) {
        vi.advanceTimersByTime(i === 1 ? 1 : 10_000);
        await spinUntil(() => beats().length === i, `heartbeat ${i}`);
        await settle(200); // the phx_reply travels back
      }
      expect(new Set(beats().map((beat) => beat.ref)).size).toBe(3);
      expect(connector.status).toBe('connected');
      expect(fake.connectionCount).toBe(1);
    });

    it('reconnects when heartbeat replies stop, and rejoins', async () => {
      useFakeTimers();
      const { fake, connector, statuses } = await setup();
      await connector.connect();
      fake.setHeartbeatReplies(false);
      vi.advanceTimersByTime(10_000);
      await spinUntil(() => fake.received.some((message) => message.event === 'heartbeat'), 'a heartbeat');
      vi.advanceTimersByTime(9_999);
      await settle();
      expect(connector.status).toBe('connected');
      vi.advanceTimersByTime(1);
      expect(connector.status).toBe('reconnecting');
      expect(connector.lastError).toBeInstanceOf(TimeoutError);
      fake.setHeartbeatReplies(true);
      vi.advanceTimersByTime(20);
      await spinUntil(() => connector.status === 'connected', 'connected again');
      expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
      expect(fake.received.filter((message) => message.event === 'phx_join')).toHaveLength(2);
    });

    it('reconnects when the join gets no reply in time', async () => {
      useFakeTimers();
      const { fake, connector } = await setup({ joinTimeoutMs: 5_000 });
      const server = fake.nextConnection();
      const connected = connector.connect();
      const socket = await server;
      // Swallow the first join: a server that accepted the socket but never answers.
      socket.removeAllListeners('message');
      await settle(100);
      vi.advanceTimersByTime(5_000);
      expect(connector.status).toBe('reconnecting');
      expect(connector.lastError?.message).toMatch(/did not answer the join/);
      vi.advanceTimersByTime(20);
      await connected;
      expect(connector.status).toBe('connected');
    });

    it('survives a server that closes silent sockets (idle timeout), because heartbeats keep it busy', async () => {
      useFakeTimers();
      const fake = await startHypeRateFake({ tokens: ['good-key-1234'], idleTimeoutMs: 15_000 });
      connector = new HypeRateConnector({ bus: new EventBus(), token: 'good-key-1234', deviceId: DEVICE, url: fake.url });
      await connector.connect();
      for (let i = 0; i < 4; i++) {
        vi.advanceTimersByTime(10_000);
        await spinUntil(() => fake.received.filter((message) => message.event === 'heartbeat').length === i + 1, `heartbeat ${i + 1}`);
        await settle(200);
      }
      expect(connector.status).toBe('connected');
      expect(fake.connectionCount).toBe(1);
    });
  });

  it('refuses an empty key or device id at construction', () => {
    expect(() => new HypeRateConnector({ bus: new EventBus(), token: '', deviceId: DEVICE })).toThrow(/empty/);
    expect(() => new HypeRateConnector({ bus: new EventBus(), token: 'k-123', deviceId: '' })).toThrow(/deviceId/);
  });
});
