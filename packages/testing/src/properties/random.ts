/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence of numbers in
 * `[0, 1)`, so a fault test's random drop points are reproducible. Not for anything security related.
 *
 * @example
 * ```ts
 * const random = seededRandom(0x7717c4);
 * const dropAfter = Math.floor(random() * 10); // the same on every run
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
