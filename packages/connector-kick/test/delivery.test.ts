import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@vmsc/core';
import { kickEventFrames } from '@vmsc/testing';
import { FrameFolder } from '../src/delivery/fold.js';
import { TwinChannelFilter } from '../src/delivery/twin-channels.js';
import { decodeFrameText, normalizeKickFrame, type NormalizedFrame } from '../src/index.js';
import { ManualClock } from './helpers.js';

const normalized = (name: keyof typeof kickEventFrames) => {
  const result = normalizeKickFrame(decodeFrameText(kickEventFrames[name]));
  return result as NormalizedFrame & { dedupeKeys: readonly string[] };
};

function folder(holdMs = 2_000) {
  const clock = new ManualClock();
  const published: StreamEvent[] = [];
  const fold = new FrameFolder({ clock, windowMs: 30_000, holdMs, publish: (event) => void published.push(event) });
  return { clock, published, fold };
}

describe('FrameFolder', () => {
  it('a full frame with the numeric id is published at once; later frames of it are dropped', () => {
    const { fold, published, clock } = folder();
    fold.offer(normalized('ChatMessageSentEvent-subscribe'));
    expect(published.map((event) => event.user.id)).toEqual(['75609757']);
    fold.offer(normalized('SubscriptionEvent'));
    fold.offer(normalized('ChannelSubscriptionEvent'));
    clock.advance(10_000);
    expect(published).toHaveLength(1);
  });

  it('a name-only full frame waits for the hold; a duplicate-only signal lends its id but not its data', () => {
    const { fold, published, clock } = folder();
    fold.offer(normalized('SubscriptionEvent'));
    clock.advance(1_999);
    expect(published).toHaveLength(0);
    fold.offer(normalized('ChannelSubscriptionEvent'));
    expect(published.map((event) => [event.user.id, event.data])).toEqual([['75609757', { months: 2 }]]);
  });

  it('alone, a name-only frame is published with what it has when the hold ends', () => {
    const { fold, published, clock } = folder(500);
    fold.offer(normalized('NewSubscriberUpdatedEvent'));
    clock.advance(499);
    expect(published).toHaveLength(0);
    clock.advance(1);
    expect(published.map((event) => [event.type, event.user.id])).toEqual([['subscribe', 'name:demontears']]);
  });

  it('clear() drops what waits', () => {
    const { fold, published, clock } = folder();
    fold.offer(normalized('SubscriptionEvent'));
    fold.clear();
    clock.advance(10_000);
    expect(published).toHaveLength(0);
    expect(clock.pending).toBe(0);
  });
});

describe('TwinChannelFilter', () => {
  const poll = decodeFrameText(kickEventFrames.PollUpdateEvent);
  const on = (channel: string) => ({ ...poll, channel });

  it('the same frame on the twin within the window is an echo; outside it, or on another channel, it is not', () => {
    let now = 0;
    const filter = new TwinChannelFilter([['chatrooms.1.v2', 'chatrooms.1']], 5_000, () => now);
    expect(filter.isEcho(on('chatrooms.1.v2'))).toBe(false);
    expect(filter.isEcho(on('chatrooms.1'))).toBe(true);
    expect(filter.isEcho(on('chatroom_1'))).toBe(false);
    expect(filter.isEcho(on('chatrooms.1'))).toBe(false); // the v2 frame was consumed by its echo
    now = 5_001;
    expect(filter.isEcho(on('chatrooms.1.v2'))).toBe(false); // the legacy one is too old
  });

  it('a different payload with the same name is not an echo', () => {
    const filter = new TwinChannelFilter([['a', 'b']], 5_000, () => 0);
    expect(filter.isEcho(on('a'))).toBe(false);
    expect(filter.isEcho({ ...on('b'), data: { poll: { title: 'other', options: [] } } })).toBe(false);
  });
});
