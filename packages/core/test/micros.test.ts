import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { microsToDecimal } from '@vmsc/core';
import { checkProperty } from '@vmsc/testing';

/** The decimal string back to micros, by string surgery only. */
const backToMicros = (text: string): bigint => {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const micros = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return text.startsWith('-') ? -micros : micros;
};

describe('microsToDecimal', () => {
  it('converts exactly, in canonical form', () => {
    expect(microsToDecimal(1_750_000n)).toBe('1.75');
    expect(microsToDecimal(100_000n + 200_000n)).toBe('0.3');
    expect(microsToDecimal('5000000')).toBe('5');
    expect(microsToDecimal(' 1990000 ')).toBe('1.99');
    expect(microsToDecimal(1)).toBe('0.000001');
    expect(microsToDecimal(0n)).toBe('0');
    expect(microsToDecimal('-2500000')).toBe('-2.5');
    expect(microsToDecimal('9007199254740993000001')).toBe('9007199254740993.000001');
    for (const bad of ['1.5', '1e6', '', '-', '+5', '12,50', 1.5, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}]) {
      expect(microsToDecimal(bad), String(bad)).toBeUndefined();
    }
  });

  it('round-trips any integer, agrees across bigint, string and number input, and matches the float division', () => {
    const runs = checkProperty(
      'microsToDecimal(m) is canonical and reads back as m',
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
      (micros) => {
        const text = microsToDecimal(micros);
        expect(text).toMatch(/^-?(0|[1-9]\d*)(\.\d{0,5}[1-9])?$/);
        expect(text === '-0').toBe(false);
        expect(backToMicros(text)).toBe(micros);
        expect(microsToDecimal(micros.toString())).toBe(text);
        if (micros >= BigInt(Number.MIN_SAFE_INTEGER) && micros <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(microsToDecimal(Number(micros))).toBe(text);
          expect(Number(text)).toBeCloseTo(Number(micros) / 1e6, 6);
        }
      },
      { numRuns: 5_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(5_000);
  });
});
