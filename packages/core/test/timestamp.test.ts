import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '@vmsc/core';
import { checkProperty } from '@vmsc/testing';

/** What the standard parser says, in parseTimestamp's terms. */
const reference = (text: string) => {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
};

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** RFC 3339-like strings around every edge of the fast path (and past it). */
const timestampLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,11}$/), { nil: undefined }),
    separator: fc.constantFrom('T', 't', ' '),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+0530', 'UTC'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
        .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
    ),
  })
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}` +
      `${p.fraction === undefined ? '' : `.${p.fraction}`}${p.zone}`,
  );

describe('parseTimestamp', () => {
  it('reads what the platforms send', () => {
    expect(parseTimestamp('2023-07-19T14:56:51.634234626Z')).toBe(Date.UTC(2023, 6, 19, 14, 56, 51, 634)); // Twitch
    expect(parseTimestamp('2023-10-12T01:29:15+00:00')).toBe(Date.UTC(2023, 9, 12, 1, 29, 15)); // Kick chat
    expect(parseTimestamp('2024-01-31T23:59:59.5-05:30')).toBe(Date.UTC(2024, 1, 1, 5, 29, 59, 500)); // day 31: slow path
    expect(parseTimestamp('2023-07-19T14:56:51.6Z')).toBe(Date.UTC(2023, 6, 19, 14, 56, 51, 600));
  });

  it('is undefined for what is not a date', () => {
    for (const value of ['', 'not a date', '2023-07-19T14:56:51.Z', undefined, null, 1_700_000_000_000, {}]) {
      expect(parseTimestamp(value)).toBeUndefined();
    }
  });

  it('agrees with Date.parse on RFC 3339-like strings around every edge', () => {
    const runs = checkProperty(
      'parseTimestamp === Date.parse',
      timestampLike,
      (text) => {
        expect(parseTimestamp(text)).toBe(reference(text));
      },
      { numRuns: 20_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(20_000);
  });

  it('agrees with Date.parse on mutated real timestamps', () => {
    const real = ['2023-07-19T14:56:51.634234626Z', '2023-10-12T01:29:15+00:00', '2025-09-14T23:18:20.000000Z'];
    const mutated = fc
      .tuple(fc.constantFrom(...real), fc.nat(), fc.string({ maxLength: 2 }), fc.nat({ max: 2 }))
      .map(([text, at, insert, remove]) => {
        const position = at % (text.length + 1);
        return text.slice(0, position) + insert + text.slice(position + remove);
      });
    const runs = checkProperty(
      'parseTimestamp on mutations === Date.parse',
      mutated,
      (text) => {
        expect(parseTimestamp(text)).toBe(reference(text));
      },
      { numRuns: 20_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(20_000);
  });
});
