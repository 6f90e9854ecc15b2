import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent, EventBus, type BusNotice, type StreamEvent } from '@vmsc/core';

const chat = (message = 'hi') =>
  createEvent({ source: 'kick', type: 'chat', user: { id: '1', username: 'u', nickname: 'U' }, data: { message } });

const follow = (source: 'twitch' | 'streamelements', username = 'Viewer1', userId = '1001') =>
  createEvent({
    source,
    type: 'follow',
    user: { id: userId, username, nickname: username },
    data: {},
    ...(source === 'streamelements' ? { meta: { platform: 'twitch' } } : {}),
  });

describe('EventBus subscriptions', () => {
  it('delivers by type, source, predicate and to everything; unsubscribe stops delivery', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const offType = bus.on('chat', (e) => void seen.push(`type:${e.data.message}`));
    bus.onSource('kick', (e) => void seen.push(`source:${e.type}`));
    bus.onMatch(
      (e) => e.user.id === '1',
      () => void seen.push('match'),
    );
    bus.onAny(() => void seen.push('any'));
    bus.publish(chat('a'));
    expect(seen).toEqual(['type:a', 'source:chat', 'match', 'any']);
    offType();
    offType();
    seen.length = 0;
    bus.publish(chat('b'));
    expect(seen).toEqual(['source:chat', 'match', 'any']);
  });

  it('once delivers a single event', () => {
    const bus = new EventBus();
    const handler = vi.fn();
    bus.once('chat', handler);
    bus.publish(chat());
    bus.publish(chat());
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports a throwing or rejecting handler and still delivers to the others', async () => {
    const bus = new EventBus();
    const notices: BusNotice[] = [];
    bus.onNotice('handler-error', (notice) => void notices.push(notice));
    const after = vi.fn();
    bus.on('chat', () => {
      throw new Error('boom');
    });
    bus.on('chat', async () => {
      throw new Error('async boom');
    });
    bus.on('chat', after);
    const event = chat();
    bus.publish(event);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(after).toHaveBeenCalledWith(event);
    expect(notices.map((notice) => notice.kind === 'handler-error' && (notice.error as Error).message)).toEqual(['boom', 'async boom']);
  });
});

describe('EventBus duplicate suppression', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers an event id once and reports the drop', () => {
    const bus = new EventBus();
    const deduped: BusNotice[] = [];
    bus.onNotice('deduped', (notice) => void deduped.push(notice));
    const handler = vi.fn();
    bus.on('chat', handler);
    const event = chat();
    expect(bus.publish(event)).toBe(true);
    expect(bus.publish({ ...event })).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(deduped).toMatchObject([{ kind: 'deduped', reason: 'same-id', kept: event }]);
  });

  it('remembers ids beyond the events it holds: a repeat of an old id is still dropped, its notice says the earlier copy is gone', () => {
    const bus = new EventBus({ idMemory: 1_000 });
    const deduped: BusNotice[] = [];
    bus.onNotice('deduped', (notice) => void deduped.push(notice));
    const first = chat('first');
    bus.publish(first);
    const recent: StreamEvent[] = [];
    for (let i = 0; i < 500; i++) recent.push(chat(`m${i}`));
    for (const event of recent) bus.publish(event);
    // The 60th-last event is still held: the notice names the delivered copy.
    const held = recent[recent.length - 60]!;
    expect(bus.publish({ ...held })).toBe(false);
    expect(deduped[0]).toMatchObject({ reason: 'same-id', kept: held });
    // The first one is 500 events back: its id is remembered, the event itself is no longer held.
    const again = { ...first };
    expect(bus.publish(again)).toBe(false);
    expect(deduped[1]).toMatchObject({ reason: 'same-id', kept: again, dropped: again });
    expect((deduped[1] as { detail: string }).detail).toMatch(/no longer held/);
  });

  it('without the opt-in, the same follow from two sources is delivered twice', () => {
    const bus = new EventBus();
    const handler = vi.fn();
    bus.on('follow', handler);
    bus.publish(follow('twitch'));
    bus.publish(follow('streamelements'));
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('with crossSourceDedupe, drops the second copy and says why', () => {
    const bus = new EventBus({ crossSourceDedupe: { priority: ['twitch', 'streamelements'] } });
    const notices: BusNotice[] = [];
    bus.onNotice('deduped', (notice) => void notices.push(notice));
    const delivered: StreamEvent[] = [];
    bus.on('follow', (e) => void delivered.push(e));
    const direct = follow('twitch');
    const relayed = follow('streamelements', 'viewer1', 'se-internal-id'); // same user, name in other case
    bus.publish(direct);
    bus.publish(relayed);
    expect(delivered).toEqual([direct]);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ reason: 'cross-source', kept: direct, dropped: relayed });
    expect(notice.kind === 'deduped' && notice.detail).toMatch(/already delivered from twitch/);
  });

  it('with crossSourceDedupe, a name that differs only in _ and - is the same viewer (Kick slugs turn _ into -)', () => {
    const bus = new EventBus({ crossSourceDedupe: { priority: ['twitch', 'streamelements'] } });
    const delivered: StreamEvent[] = [];
    bus.on('follow', (e) => void delivered.push(e));
    bus.publish(follow('twitch', 'kl-vava', '75609757'));
    bus.publish(follow('streamelements', 'Kl_Vava', 'se-internal-id'));
    expect(delivered).toHaveLength(1);
  });

  it('never drops a legitimate repeat from the same source (a second raid)', () => {
    const bus = new EventBus({ crossSourceDedupe: true });
    const handler = vi.fn();
    bus.on('raid', handler);
    const raid = () =>
      createEvent({
        source: 'twitch',
        type: 'raid',
        user: { id: '9', username: 'raider', nickname: 'Raider' },
        data: { fromBroadcaster: { id: '9', username: 'raider', nickname: 'Raider' }, viewerCount: 10 },
      });
    bus.publish(raid());
    bus.publish(raid());
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('holds a less preferred copy and replaces it when the preferred one arrives', () => {
    vi.useFakeTimers();
    const bus = new EventBus({ crossSourceDedupe: { priority: ['twitch', 'streamelements'], holdMs: 500 } });
    const notices: BusNotice[] = [];
    bus.onNotice('deduped', (notice) => void notices.push(notice));
    const delivered: StreamEvent[] = [];
    bus.on('follow', (e) => void delivered.push(e));
    const relayed = follow('streamelements');
    const direct = follow('twitch');
    bus.publish(relayed);
    expect(delivered).toEqual([]);
    bus.publish(direct);
    expect(delivered).toEqual([direct]);
    vi.advanceTimersByTime(1_000);
    expect(delivered).toEqual([direct]);
    expect(notices).toMatchObject([{ reason: 'cross-source', kept: direct, dropped: relayed }]);
    // A held copy with no preferred twin is delivered when the hold ends.
    const lone = follow('streamelements', 'someone', '77');
    bus.publish(lone);
    vi.advanceTimersByTime(499);
    expect(delivered).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([direct, lone]);
  });

  it('forgets identities after the window', () => {
    vi.useFakeTimers();
    const bus = new EventBus({ crossSourceDedupe: { windowMs: 1_000 } });
    const handler = vi.fn();
    bus.on('follow', handler);
    bus.publish(follow('twitch'));
    vi.advanceTimersByTime(1_001);
    bus.publish(follow('streamelements'));
    expect(handler).toHaveBeenCalledTimes(2);
  });
});
