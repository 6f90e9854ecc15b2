/**
 * Weighted random choice with optional "no repeat until all used" memory, per choice point
 * (a rule's `random` action). The memory is part of the engine's saved state.
 */
export class WeightedChooser {
  readonly #used = new Map<string, Set<number>>();
  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** The indexes that may be picked now at `key` (all, or those not used since the last reset). */
  available(key: string, count: number, noRepeat: boolean): number[] {
    const all = Array.from({ length: count }, (_, index) => index);
    if (!noRepeat) return all;
    const used = this.#used.get(key);
    const left = used ? all.filter((index) => !used.has(index)) : all;
    return left.length > 0 ? left : all;
  }

  /** Picks an index, each with probability weight / sum of the available weights. */
  pick(key: string, weights: readonly number[], noRepeat: boolean): number {
    const candidates = this.available(key, weights.length, noRepeat);
    const total = candidates.reduce((sum, index) => sum + weights[index]!, 0);
    let roll = this.#random() * total;
    let chosen = candidates[candidates.length - 1]!;
    for (const index of candidates) {
      roll -= weights[index]!;
      if (roll < 0) {
        chosen = index;
        break;
      }
    }
    if (noRepeat) {
      let used = this.#used.get(key);
      if (!used) {
        used = new Set();
        this.#used.set(key, used);
      }
      used.add(chosen);
      if (candidates.every((index) => used.has(index))) used.clear();
    }
    return chosen;
  }

  /** Forgets the memory of keys starting with `prefix` (a rule's id), or all. */
  reset(prefix?: string): void {
    if (prefix === undefined) this.#used.clear();
    else for (const key of this.#used.keys()) if (key.startsWith(prefix)) this.#used.delete(key);
  }

  /** The memory, key → used indexes. */
  toJSON(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [key, used] of this.#used) if (used.size > 0) out[key] = [...used].sort((a, b) => a - b);
    return out;
  }

  /** Replaces the memory with a saved one. */
  load(saved: Record<string, number[]>): void {
    this.#used.clear();
    for (const [key, used] of Object.entries(saved)) this.#used.set(key, new Set(used));
  }
}
