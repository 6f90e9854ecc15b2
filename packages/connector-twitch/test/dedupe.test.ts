import { describe, expect, it } from 'vitest';
import { MessageDeduplicator } from '../src/dedupe.js';

describe('MessageDeduplicator', () => {
  it('reports an id seen within the window and forgets it after', () => {
    const dedupe = new MessageDeduplicator(1_000);
    expect(dedupe.isDuplicate('a', 0)).toBe(false);
    expect(dedupe.isDuplicate('a', 999)).toBe(true);
    expect(dedupe.isDuplicate('b', 1_001)).toBe(false); // walks the expired head: 'a' is gone
    expect(dedupe.size).toBe(1);
    expect(dedupe.isDuplicate('a', 1_002)).toBe(false);
  });

  it('remembers at most maxIds, forgetting the oldest first', () => {
    const dedupe = new MessageDeduplicator(600_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) expect(dedupe.isDuplicate(id, 0)).toBe(false);
    expect(dedupe.size).toBe(3);
    expect(dedupe.isDuplicate('d', 1)).toBe(true);
    expect(dedupe.isDuplicate('b', 1)).toBe(true);
    expect(dedupe.isDuplicate('a', 1)).toBe(false); // the oldest was forgotten
    expect(dedupe.size).toBe(3);
  });

  it('keeps memory bounded at any rate', () => {
    const dedupe = new MessageDeduplicator(600_000, 1_000);
    for (let i = 0; i < 50_000; i++) dedupe.isDuplicate(`id-${i}`, i);
    expect(dedupe.size).toBe(1_000);
  });
});
