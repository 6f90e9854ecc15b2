import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthError,
  Backoff,
  BaseConnector,
  ConnectionError,
  createEvent,
  EventBus,
  Reconnector,
  canSendChat,
  type BaseConnectorOptions,
  type BusNotice,
  type StatusChange,
} from '@vmsc/core';

describe('Backoff', () => {
  it('follows spec 003: 1, 2, 4, 8, 16, 16 s, plus 0–1 s jitter, reset on success', () => {
    const none = new Backoff({ random: () => 0 });
    expect(Array.from({ length: 7 }, () => none.next())).toEqual([1000, 2000, 4000, 8000, 16000, 16000, 16000]);
    none.reset();
    expect(none.next()).toBe(1000);
    const full = new Backoff({ random: () => 0.999 });
    expect(full.next()).toBe(1999);
    const half = new Backoff({ random: () => 0.5 });
    expect(half.next()).toBe(1500);
  });

  it('nextAtLeast honours a server minimum but never undercuts the backoff', () => {
    const backoff = new Backoff({ random: () => 0 });
    expect(backoff.nextAtLeast(5_000)).toBe(5_000); // backoff says 1 s
    expect(backoff.nextAtLeast(undefined)).toBe(2_000);
    expect(backoff.nextAtLeast(100)).toBe(4_000);
    expect(backoff.attempt).toBe(3);
  });

  it('Reconnector runs one pending attempt after the delay, cancellable', () => {
    vi.useFakeTimers();
    const reconnector = new Reconnector({ backoff: { random: () => 0 } });
    const attempt = vi.fn();
    expect(reconnector.schedule(attempt)).toBe(1000);
    expect(reconnector.schedule(attempt)).toBe(2000); // replaces the first
    vi.advanceTimersByTime(1999);
    expect(attempt).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(attempt).toHaveBeenCalledTimes(1);
    reconnector.schedule(attempt, 50);
    reconnector.cancel();
    vi.advanceTimersByTime(10_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

/** A connector over an in-memory "transport", to test the shared half. */
class MemoryConnector extends BaseConnector {
  up = false;
  constructor(options: BaseConnectorOptions) {
    super('my-game', options);
  }
  async connect(): Promise<void> {
    this.setStatus('connecting');
    this.up = true;
    this.setStatus('connected');
  }
  async disconnect(): Promise<void> {
    this.reconnector.cancel();
    this.up = false;
    this.setStatus('disconnected');
  }
  drop(): void {
    const at = this.clock.now();
    this.up = false;
    this.setStatus('reconnecting', new ConnectionError('socket closed'));
    this.reconnector.schedule(() => {
      this.up = true;
      this.setStatus('connected');
      this.reportGap(at, this.clock.now(), 'reconnected without replay');
    });
  }
  deliver(): void {
    this.publish(createEvent({ source: 'my-game', type: 'chat', data: { message: 'gg' } }));
  }
  fail(): void {
    this.setStatus('error', new AuthError('token rejected'));
  }
}

describe('BaseConnector', () => {
  afterEach(() => vi.useRealTimers());

  it('walks the five states, reports them on itself and on the bus, with health and gaps', () => {
    vi.useFakeTimers();
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice((notice) => void notices.push(notice));
    const connector = new MemoryConnector({ bus, id: 'game-1', backoff: { random: () => 0 } });
    const changes: StatusChange[] = [];
    connector.on('status', (change) => void changes.push(change));
    expect(connector.status).toBe('disconnected');
    void connector.connect();
    connector.deliver();
    expect(connector.health).toMatchObject({ status: 'connected', eventCount: 1, lastEventAt: Date.now() });
    connector.drop();
    expect(connector.status).toBe('reconnecting');
    expect(connector.lastError).toBeInstanceOf(ConnectionError);
    expect(connector.health.reconnectAttempts).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(connector.status).toBe('connected');
    expect(connector.health.reconnectAttempts).toBe(0);
    expect(connector.health.lastGap).toMatchObject({ reason: 'reconnected without replay' });
    connector.fail();
    expect(changes.map((change) => change.status)).toEqual(['connecting', 'connected', 'reconnecting', 'connected', 'error']);
    expect(notices.filter((notice) => notice.kind === 'gap')).toMatchObject([{ connector: 'game-1', source: 'my-game' }]);
    expect(notices.filter((notice) => notice.kind === 'status').at(-1)).toMatchObject({ status: 'error', error: { code: 'AUTH_FAILED' } });
    expect(canSendChat(connector)).toBe(false);
  });
});

/** A connector whose transport is driven by the test: `opens` counts attempts, the test says what happened. */
class LifecycleConnector extends BaseConnector {
  opens = 0;
  constructor(options: BaseConnectorOptions) {
    super('my-game', options);
  }
  connect(): Promise<void> {
    return this.startConnecting(() => {
      this.opens++;
    });
  }
  async disconnect(): Promise<void> {
    this.markDisconnected(new ConnectionError('disconnect() was called before the connection was established'));
  }
  up(): void {
    this.markConnected('the game does not replay');
  }
  drop(): void {
    this.markLost(new ConnectionError('socket closed'), () => {
      this.opens++;
    });
  }
  refuse(): void {
    this.markFailed(new AuthError('bad token'));
  }
}

describe('BaseConnector connection lifecycle helpers', () => {
  afterEach(() => vi.useRealTimers());

  it('one pending connect() for concurrent callers; lost while connected → reconnect with backoff and a gap', async () => {
    vi.useFakeTimers();
    const bus = new EventBus();
    const connector = new LifecycleConnector({ bus, backoff: { random: () => 0 } });
    const gaps: string[] = [];
    connector.on('gap', (gap) => gaps.push(gap.reason));
    const first = connector.connect();
    expect(connector.connect()).toBe(first);
    expect(connector.status).toBe('connecting');
    expect(connector.opens).toBe(1);
    connector.up();
    await expect(first).resolves.toBeUndefined();
    vi.advanceTimersByTime(5_000);
    connector.drop();
    expect(connector.status).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(connector.opens).toBe(1);
    vi.advanceTimersByTime(1);
    expect(connector.opens).toBe(2);
    connector.up();
    expect(gaps).toEqual(['the game does not replay']);
    expect(connector.health.lastGap?.to).toBeGreaterThanOrEqual(connector.health.lastGap!.from);
  });

  it('a refusal rejects the pending connect() and stops retrying; disconnect() rejects it and cancels the retry', async () => {
    vi.useFakeTimers();
    const bus = new EventBus();
    const refused = new LifecycleConnector({ bus, backoff: { random: () => 0 } });
    const attempt = refused.connect();
    refused.drop(); // network failure before the first connection: pending stays pending, retry scheduled
    refused.refuse();
    await expect(attempt).rejects.toBeInstanceOf(AuthError);
    vi.advanceTimersByTime(60_000);
    expect(refused.opens).toBe(1);
    expect(refused.status).toBe('error');

    const stopped = new LifecycleConnector({ bus, backoff: { random: () => 0 } });
    const pending = stopped.connect();
    stopped.drop();
    await stopped.disconnect();
    await expect(pending).rejects.toBeInstanceOf(ConnectionError);
    vi.advanceTimersByTime(60_000);
    expect(stopped.opens).toBe(1);
    expect(stopped.status).toBe('disconnected');
    stopped.drop(); // a late transport event after disconnect() changes nothing
    expect(stopped.status).toBe('disconnected');
  });
});
