/** What a queue does when it is full. */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'reject';

/** The priorities of queued runs, highest first: a `high` run starts before every waiting `normal` one. */
export const queuePriorities = ['high', 'normal', 'low'] as const;

/** A queued run's priority. */
export type QueuePriority = (typeof queuePriorities)[number];

/** Why a waiting entry left its queue without running. */
export type DropReason = 'overflow' | 'cleared' | 'closed';

/** One waiting run. */
export interface QueueEntry {
  /** The rule whose run it is (`clear` can drop one rule's entries). */
  readonly ruleId: string;
  readonly priority: QueuePriority;
  /** Runs it; the queue starts the next entry when the promise settles. */
  start(): Promise<unknown>;
  /** Called when the entry leaves the queue without running (an overflow, `clear`, the engine closing). */
  drop(reason: DropReason): void;
}

/**
 * What {@link RunQueue.push} did with a new entry: `started`, `queued`, `displaced` (queued; the
 * newest waiting entry of a lower priority was dropped to make room), `dropped-oldest` (queued; the
 * oldest waiting entry of its priority was dropped), `dropped-newest` or `rejected` (the new entry
 * was not taken).
 */
export type PushVerdict = 'started' | 'queued' | 'displaced' | 'dropped-oldest' | 'dropped-newest' | 'rejected';

/** A queue's state, as `engine.queues()` reports it. */
export interface QueueStatus {
  name: string;
  /** Runs waiting (the running one not counted). */
  waiting: number;
  /** Whether a run is running. */
  running: boolean;
  /** A paused queue keeps taking runs but starts none until it is resumed. */
  paused: boolean;
  maxLength: number;
  overflow: OverflowPolicy;
}

const rank = (priority: QueuePriority): number => queuePriorities.indexOf(priority);

/**
 * Runs entries one at a time, highest priority first and in arrival order within a priority, with at
 * most `maxLength` waiting. When full:
 * - a new entry that outranks the lowest-priority waiting entry displaces the newest of those (it is
 *   dropped: `displaced`), whatever the policy: a `high` alert is never refused for `low` ones;
 * - otherwise the policy decides: drop the oldest waiting entry of the lowest priority (`drop-oldest`,
 *   when it does not outrank the new one), drop the new one, or reject it (the last two differ only
 *   in what the caller reports).
 */
export class RunQueue {
  /** Waiting entries, one list per priority (index = rank). */
  readonly #waiting: QueueEntry[][] = queuePriorities.map(() => []);
  #length = 0;
  #busy = false;
  #paused = false;

  #maxLength: number;
  #overflow: OverflowPolicy;

  constructor(
    readonly name: string,
    maxLength: number,
    overflow: OverflowPolicy,
  ) {
    this.#maxLength = maxLength;
    this.#overflow = overflow;
  }

  /** How many entries may wait. */
  get maxLength(): number {
    return this.#maxLength;
  }

  /** What happens when the queue is full. */
  get overflow(): OverflowPolicy {
    return this.#overflow;
  }

  /** Changes the bound and policy (entries already waiting stay, even past a smaller bound). */
  configure(maxLength: number, overflow: OverflowPolicy): void {
    this.#maxLength = maxLength;
    this.#overflow = overflow;
  }

  /** Entries waiting (the running one not counted). */
  get length(): number {
    return this.#length;
  }

  /** Whether an entry is running. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Whether the queue is paused. */
  get paused(): boolean {
    return this.#paused;
  }

  /** Offers an entry; see {@link PushVerdict}. */
  push(entry: QueueEntry): PushVerdict {
    if (!this.#busy && !this.#paused && this.#length === 0) {
      this.#run(entry);
      return 'started';
    }
    if (this.#length < this.maxLength) {
      this.#enqueue(entry);
      return 'queued';
    }
    const lowest = this.#lowestWaiting();
    const mine = rank(entry.priority);
    const displace = lowest > mine;
    if (displace || (this.#overflow === 'drop-oldest' && lowest === mine)) {
      const level = this.#waiting[lowest]!;
      const dropped = displace ? level.pop()! : level.shift()!;
      this.#length--;
      this.#enqueue(entry);
      dropped.drop('overflow');
      return displace ? 'displaced' : 'dropped-oldest';
    }
    return this.overflow === 'reject' ? 'rejected' : 'dropped-newest';
  }

  /** Stops starting entries (the running one finishes); new entries keep queueing. */
  pause(): void {
    this.#paused = true;
  }

  /** Starts waiting entries again. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    if (!this.#busy) this.#next();
  }

  /**
   * Drops the waiting entries (all, or those `which` selects; the running one finishes) and returns
   * how many were dropped.
   */
  clear(which: (entry: QueueEntry) => boolean = () => true, reason: DropReason = 'cleared'): number {
    const dropped: QueueEntry[] = [];
    for (const level of this.#waiting) {
      for (let i = 0; i < level.length;) {
        if (which(level[i]!)) dropped.push(...level.splice(i, 1));
        else i++;
      }
    }
    this.#length -= dropped.length;
    for (const entry of dropped) entry.drop(reason);
    return dropped.length;
  }

  /** The queue's state. */
  status(): QueueStatus {
    return {
      name: this.name,
      waiting: this.#length,
      running: this.#busy,
      paused: this.#paused,
      maxLength: this.maxLength,
      overflow: this.overflow,
    };
  }

  #enqueue(entry: QueueEntry): void {
    this.#waiting[rank(entry.priority)]!.push(entry);
    this.#length++;
  }

  /** The rank of the lowest priority with a waiting entry (-1 when none waits). */
  #lowestWaiting(): number {
    for (let level = this.#waiting.length - 1; level >= 0; level--) if (this.#waiting[level]!.length > 0) return level;
    return -1;
  }

  #next(): void {
    if (this.#paused) return;
    for (const level of this.#waiting) {
      const following = level.shift();
      if (following) {
        this.#length--;
        this.#run(following);
        return;
      }
    }
  }

  #run(entry: QueueEntry): void {
    this.#busy = true;
    const next = () => {
      this.#busy = false;
      this.#next();
    };
    entry.start().then(next, next);
  }
}
