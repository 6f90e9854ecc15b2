/**
 * A fixed-size latency histogram: 0.05 ms buckets up to 1 s, 10 ms buckets from 1 s to 120 s, and an
 * overflow bucket past that. A soak records millions of samples without growing memory, which would
 * distort the heap figures it reports.
 */
export class LatencyHistogram {
  static readonly FINE_BUCKET_MS = 0.05;
  static readonly FINE_UNTIL_MS = 1_000;
  static readonly COARSE_BUCKET_MS = 10;
  static readonly MAX_MS = 120_000;
  static readonly #FINE_BUCKETS = Math.round(LatencyHistogram.FINE_UNTIL_MS / LatencyHistogram.FINE_BUCKET_MS);
  static readonly #COARSE_BUCKETS = Math.round(
    (LatencyHistogram.MAX_MS - LatencyHistogram.FINE_UNTIL_MS) / LatencyHistogram.COARSE_BUCKET_MS,
  );
  /** Fine buckets, then coarse buckets, then the overflow bucket. */
  readonly #counts = new Uint32Array(LatencyHistogram.#FINE_BUCKETS + LatencyHistogram.#COARSE_BUCKETS + 1);
  #total = 0;
  #max = 0;

  /** Records one latency in ms (past 120 s it lands in the overflow bucket; `max` keeps the true value). */
  record(ms: number): void {
    const fine = LatencyHistogram.#FINE_BUCKETS;
    const bucket =
      ms < LatencyHistogram.FINE_UNTIL_MS
        ? Math.max(0, Math.floor(ms / LatencyHistogram.FINE_BUCKET_MS))
        : Math.min(this.#counts.length - 1, fine + Math.floor((ms - LatencyHistogram.FINE_UNTIL_MS) / LatencyHistogram.COARSE_BUCKET_MS));
    this.#counts[bucket]!++;
    this.#total++;
    if (ms > this.#max) this.#max = ms;
  }

  /** Adds another histogram's samples to this one. */
  merge(other: LatencyHistogram): void {
    for (let i = 0; i < this.#counts.length; i++) this.#counts[i]! += other.#counts[i]!;
    this.#total += other.#total;
    this.#max = Math.max(this.#max, other.#max);
  }

  get count(): number {
    return this.#total;
  }

  get max(): number {
    return this.#max;
  }

  /**
   * The latency under which `fraction` (0–1) of the samples fall, ms (the upper edge of its bucket);
   * `Infinity` when that sample is in the overflow bucket (over 120 s).
   */
  percentile(fraction: number): number {
    if (this.#total === 0) return Number.NaN;
    const rank = Math.ceil(fraction * this.#total);
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return LatencyHistogram.#upperEdge(i);
    }
    return this.#max;
  }

  static #upperEdge(bucket: number): number {
    const fine = LatencyHistogram.#FINE_BUCKETS;
    if (bucket < fine) return Number(((bucket + 1) * LatencyHistogram.FINE_BUCKET_MS).toFixed(2));
    if (bucket < fine + LatencyHistogram.#COARSE_BUCKETS)
      return LatencyHistogram.FINE_UNTIL_MS + (bucket - fine + 1) * LatencyHistogram.COARSE_BUCKET_MS;
    return Number.POSITIVE_INFINITY;
  }
}
