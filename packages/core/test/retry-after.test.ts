import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '@vmsc/core';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2015, 9, 21, 7, 28, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP-date from now, never negative', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('takes the first value of a repeated node:http header', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2_000);
  });

  it('is undefined when absent, empty or unreadable', () => {
    for (const value of [undefined, null, '', '   ', [], '-5', 'soon', '1e3']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
