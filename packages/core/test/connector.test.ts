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
