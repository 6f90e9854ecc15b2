import { describe, expectTypeOf, it } from 'vitest';
import { createEvent, EventBus, isEvent, type DataOfType, type EventOfType, type PlatformEvent, type StreamEvent } from '@vmsc/core';

// These assertions are checked by `tsc` (pnpm typecheck); a wrong type fails the build.
describe('type narrowing', () => {
  it('bus.on(type) types data without casts', () => {
    const bus = new EventBus();
    bus.on('gift', (e) => {
      expectTypeOf(e.data.diamondCount).toEqualTypeOf<number>();
      expectTypeOf(e.data.repeatEnd).toEqualTypeOf<boolean>();
      expectTypeOf(e.type).toEqualTypeOf<'gift'>();
    });
    bus.on('bpm_update', (e) => {
      expectTypeOf(e.data.bpm).toEqualTypeOf<number>();
    });
    bus.on('cheer', (e) => {
      // Twitch and StreamElements both define `cheer`, with different fields: a union until narrowed.
      expectTypeOf(e.data).toEqualTypeOf<DataOfType<'cheer'>>();
      if (isEvent(e, 'twitch', 'cheer')) expectTypeOf(e.data.bits).toEqualTypeOf<number>();
      if (isEvent(e, 'streamelements', 'cheer')) expectTypeOf(e.data.amount).toEqualTypeOf<number>();
    });
  });

  it('isEvent narrows a StreamEvent to one platform payload', () => {
    const e = {} as StreamEvent;
    if (isEvent(e, 'twitch', 'raid')) {
      expectTypeOf(e.data.fromBroadcaster.username).toEqualTypeOf<string>();
      expectTypeOf(e.source).toEqualTypeOf<'twitch'>();
    }
    if (isEvent(e, 'kick')) expectTypeOf(e.source).toEqualTypeOf<'kick'>();
    if (e.type === 'super_sticker') expectTypeOf(e.data.stickerId).toEqualTypeOf<string>();
  });

  it('createEvent checks data against the source and type', () => {
    const gift = createEvent({
      source: 'tiktok',
      type: 'gift',
      data: { giftName: 'Rose', giftId: 1, diamondCount: 1, repeatCount: 1, repeatEnd: true },
    });
    expectTypeOf(gift).toEqualTypeOf<PlatformEvent<'tiktok', 'gift'>>();
    const badGift = { giftName: 'Rose', giftId: 1, diamondCount: '1', repeatCount: 1, repeatEnd: true };
    // @ts-expect-error: diamondCount is a number
    createEvent({ source: 'tiktok', type: 'gift', data: badGift });
    // @ts-expect-error: Kick has no gift event
    createEvent({ source: 'kick', type: 'gift', data: { giftName: 'Rose' } });
    const custom = createEvent({ source: 'my-game', type: 'cheer', data: { bits: 100 } });
    expectTypeOf(custom.type).toEqualTypeOf<'cheer'>();
  });

  it('EventOfType spans platforms and custom sources', () => {
    expectTypeOf<'my-game'>().toExtend<EventOfType<'follow'>['source']>();
    expectTypeOf<'twitch'>().toExtend<EventOfType<'follow'>['source']>();
    expectTypeOf<EventOfType<'envelope'>['data']['coins']>().toEqualTypeOf<number>();
  });
});
