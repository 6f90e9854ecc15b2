import { describe, expect, it } from 'vitest';
import { sampleEvents } from '@vmsc/testing';
import { catalogue, createEvent, eventTypes, isPlatform, parseEvent, platforms, ValidationError } from '@vmsc/core';

describe('the event catalogue', () => {
  it('has the spec 002 count of event types per platform (plus stream end and unknown)', () => {
    const spec: Record<string, number> = { tiktok: 10, twitch: 24, youtube: 7, kick: 4, streamlabs: 7, streamelements: 10, heartrate: 1 };
    for (const [platform, count] of Object.entries(spec)) {
      const types = Object.keys(catalogue[platform as keyof typeof catalogue]).filter(
        (type) => type !== 'unknown' && !(type === 'stream_offline' && platform !== 'twitch'),
      );
      expect(types.length, platform).toBeGreaterThanOrEqual(count);
    }
    expect(platforms).toEqual(['tiktok', 'twitch', 'youtube', 'kick', 'streamlabs', 'streamelements', 'heartrate']);
    expect(eventTypes).toContain('gift');
    expect(isPlatform('kick')).toBe(true);
    expect(isPlatform('my-game')).toBe(false);
  });

  it('has a realistic sample for every event type of every platform, and each validates', () => {
    const samples = sampleEvents();
    for (const [platform, events] of Object.entries(catalogue)) {
      for (const type of Object.keys(events)) {
        const sample = samples.find((event) => event.source === platform && event.type === type);
        expect(sample, `${platform}/${type}`).toBeDefined();
        const result = parseEvent(JSON.parse(JSON.stringify(sample)));
        expect(result.ok ? 'ok' : result.error.message, `${platform}/${type}`).toBe('ok');
      }
    }
  });
});

describe('parseEvent', () => {
  const gift = () =>
    createEvent({
      source: 'tiktok',
      type: 'gift',
      user: { id: '1', username: 'a', nickname: 'A' },
      data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
    });

  it('names every bad field by path', () => {
    const bad = { ...gift(), timestamp: 'yesterday', user: { id: 1 }, data: { giftName: 'Rose', giftId: '5655', repeatEnd: 'yes' } };
    const result = parseEvent(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.code).toBe('INVALID_PAYLOAD');
    const paths = result.error.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'timestamp',
        'user.id',
        'user.username',
        'user.nickname',
        'data.giftId',
        'data.diamondCount',
        'data.repeatCount',
        'data.repeatEnd',
      ]),
    );
    expect(result.error.message).toContain('data.giftId');
  });

  it('rejects a type the platform does not have, and non-objects', () => {
    const result = parseEvent({ ...gift(), source: 'kick' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toContainEqual({ path: 'type', message: 'unknown event type "gift" for source "kick"' });
    for (const value of [null, 42, 'gift', [], undefined]) expect(parseEvent(value).ok).toBe(false);
  });

  it('keeps unknown extra data fields', () => {
    const event = { ...gift(), data: { ...gift().data, streakId: 'abc', giftImage: 'https://x' } };
    const result = parseEvent(event);
    expect(result.ok && result.event.data).toMatchObject({ streakId: 'abc', giftImage: 'https://x' });
  });

  it('lets a custom source emit any catalogue type, validated against that type', () => {
    const ok = parseEvent({ ...gift(), source: 'my-game' });
    expect(ok.ok).toBe(true);
    const cheer = parseEvent({ ...gift(), source: 'my-game', type: 'cheer', data: { bits: 100 } });
    expect(cheer.ok).toBe(true);
    const bad = parseEvent({ ...gift(), source: 'my-game', type: 'cheer', data: { bits: 'many' } });
    expect(bad.ok).toBe(false);
    const unknownType = parseEvent({ ...gift(), source: 'my-game', type: 'teleport' });
    expect(!unknownType.ok && unknownType.error.issues[0]).toEqual({ path: 'type', message: 'unknown event type "teleport"' });
  });

  it('createEvent fills id (UUID v4) and timestamp, and validates on request', () => {
    const event = gift();
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(event.timestamp - Date.now())).toBeLessThan(1_000);
    expect(() =>
      createEvent({ source: 'tiktok', type: 'like', data: { likeCount: 'x' as unknown as number, totalLikes: 1 } }, { validate: true }),
    ).toThrow(/data\.likeCount/);
    expect(createEvent({ source: 'tiktok', type: 'viewer_count', data: { viewerCount: 3 } }).user.id).toBe('system');
  });
});

describe('newEventId', () => {
  it('produces distinct RFC 9562 version-4 UUIDs', async () => {
    const { newEventId } = await import('@vmsc/core');
    const ids = Array.from({ length: 10_000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('draws every random digit afresh (no position stuck across pool refills)', async () => {
    const { newEventId } = await import('@vmsc/core');
    const ids = Array.from({ length: 2_000 }, () => newEventId());
    for (let at = 0; at < 36; at++) {
      if (at === 8 || at === 13 || at === 18 || at === 23 || at === 14) continue; // dashes and the version digit
      const seen = new Set(ids.map((id) => id[at]));
      expect(seen.size, `position ${at}`).toBe(at === 19 ? 4 : 16);
    }
  });
});
