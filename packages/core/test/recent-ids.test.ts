import { describe, expect, it } from 'vitest';
import { RecentIds } from '@vmsc/core';

describe('RecentIds', () => {
  it('reports repeats and forgets the oldest beyond its capacity', () => {
    const seen = new RecentIds(2);
    expect(seen.add('a')).toBe(true);
    expect(seen.add('a')).toBe(false);
    expect(seen.add('b')).toBe(true);
    expect(seen.add('c')).toBe(true); // forgets "a"
    expect(seen.has('a')).toBe(false);
    expect(seen.add('a')).toBe(true);
    expect(seen.size).toBe(2);
    seen.clear();
    expect(seen.size).toBe(0);
  });
});
