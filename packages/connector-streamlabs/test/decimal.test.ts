import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { microsToDecimal } from '@vmsc/core';
import { parseDecimal } from '../src/normalize/decimal.js';

describe('exact decimals', () => {
  it('parseDecimal canonicalises without rounding', () => {
    expect(parseDecimal('13.37')).toEqual({ text: '13.37', value: 13.37 });
    expect(parseDecimal('007.500')).toEqual({ text: '7.5', value: 7.5 });
    expect(parseDecimal(' 5 ')).toEqual({ text: '5', value: 5 });
    expect(parseDecimal(0.1)).toEqual({ text: '0.1', value: 0.1 });
    for (const bad of ['', '-1', '1e3', '1.', '.5', '12,50', 'NaN', null, undefined, -2, Number.NaN, {}])
      expect(parseDecimal(bad)).toBeUndefined();
  });

  it('microsToDecimal divides by a million exactly', () => {
    expect(microsToDecimal('5000000')).toBe('5');
    expect(microsToDecimal('1990000')).toBe('1.99');
    expect(microsToDecimal('1')).toBe('0.000001');
    expect(microsToDecimal(250000)).toBe('0.25');
    expect(microsToDecimal('1.5')).toBeUndefined();
    expect(parseDecimal(microsToDecimal('-5000000'))).toBeUndefined(); // what the superchat mapping uses: no negative amounts
  });

  it('round-trips any cents amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        const parsed = parseDecimal(text)!;
        expect(Math.round(parsed.value * 100)).toBe(cents);
        expect(microsToDecimal(String(cents * 10_000))).toBe(parsed.text);
      }),
    );
  });
});
