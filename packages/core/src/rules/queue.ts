/** What a queue does when it is full. */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'reject';

/** One waiting run. */
export interface QueueEntry {
  /** Runs it; the queue starts the next entry when the promise settles. */
  start(): Promise<unknown>;
  /** Called when the entry leaves the queue without running (overflow `drop-oldest`, or `clear`). */
  drop(reason: 'overflow' | 'cleared'): void;
}

/** What {@link SerialQueue.push} did with a new entry. */
export type PushVerdict = 'started' | 'queued' | 'dropped-oldest' | 'dropped-newest' | 'rejected';

/**
 * Runs entries one at a time, in order, with at most `maxLength` waiting. When full, the overflow
 * policy decides: drop the oldest waiting entry, drop the new one, or reject the new one (the last
 * two differ only in what the caller reports).
 */
export class SerialQueue {
  readonly #waiting: QueueEntry[] = [];
  #busy = false;

  constructor(
    readonly maxLength: number,
    readonly overflow: OverflowPolicy,
  ) {}

  /** Entries waiting (the running one not counted). */
  get length(): number {
    return this.#waiting.length;
  }

  /** Whether an entry is running. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Offers an entry; see {@link PushVerdict}. */
  push(entry: QueueEntry): PushVerdict {
    if (!this.#busy) {
      this.#run(entry);
      return 'started';
    }
    if (this.#waiting.length < this.maxLength) {
      this.#waiting.push(entry);
      return 'queued';
    }
    if (this.overflow === 'drop-oldest') {
      const oldest = this.#waiting.shift()!;
      this.#waiting.push(entry);
      oldest.drop('overflow');
      return 'dropped-oldest';
    }
    return this.overflow === 'reject' ? 'rejected' : 'dropped-newest';
  }

  #run(entry: QueueEntry): void {
    this.#busy = true;
    const next = () => {
      const following = this.#waiting.shift();
      if (following) this.#run(following);
      else this.#busy = false;
    };
    entry.start().then(next, next);
  }

  /** Drops every waiting entry (the running one finishes). */
  clear(): void {
    for (const entry of this.#waiting.splice(0)) entry.drop('cleared');
  }
}
