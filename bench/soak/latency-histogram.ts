/**
 * A fixed-size latency histogram (0.05 ms buckets up to 10 s): a soak records millions of samples
 * without growing memory, which would distort the heap figures it reports.
 */
export class LatencyHistogram {
  static readonly BUCKET_MS = 0.05;
  static readonly MAX_MS = 10_000;
  readonly #counts = new Uint32Array(Math.ceil(LatencyHistogram.MAX_MS / LatencyHistogram.BUCKET_MS) + 1);
  #total = 0;
  #max = 0;

  /** Records one latency in ms (values past 10 s land in the last bucket; `max` keeps the true value). */
  record(ms: number): void {
    const bucket = Math.min(this.#counts.length - 1, Math.max(0, Math.floor(ms / LatencyHistogram.BUCKET_MS)));
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

  /** The latency under which `fraction` (0–1) of the samples fall, ms (upper edge of its bucket). */
  percentile(fraction: number): number {
    if (this.#total === 0) return Number.NaN;
    const rank = Math.ceil(fraction * this.#total);
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return (i + 1) * LatencyHistogram.BUCKET_MS;
    }
    return this.#max;
  }
}
