import type { RawLiveChatMessage } from '../raw/messages.js';
import type { PollEventType } from './message.js';

/**
 * Turns YouTube's poll snapshots (`pollEvent` items and the `activePollItem` of every page) into
 * begin / progress / end transitions: the first active sight of a poll is `poll_begin`, a change of
 * its tallies `poll_progress`, a non-active status `poll_end`; an unchanged snapshot is nothing.
 */
export class PollTracker {
  readonly #seen = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = 64) {
    this.#capacity = capacity;
  }

  /** The event type this snapshot should produce, or `undefined` when nothing changed. */
  classify(item: RawLiveChatMessage): PollEventType | undefined {
    const id = item.id;
    const details = item.snippet?.pollDetails;
    if (!id || !details) return undefined;
    const status = details.status ?? 'active';
    const options: unknown = details.metadata?.options;
    // A snapshot whose options are not a list still counts as a (changed) snapshot; normalizeMessage reports it.
    const tallies = Array.isArray(options)
      ? options.map((option: { tally?: unknown } | null) => String(option?.tally ?? ''))
      : [String(options)];
    const signature = `${String(status)}|${tallies.join(',')}`;
    const previous = this.#seen.get(id);
    if (previous === signature) return undefined;
    this.#remember(id, signature);
    if (status !== 'active') return previous?.startsWith(`${status}|`) ? undefined : 'poll_end';
    return previous === undefined ? 'poll_begin' : 'poll_progress';
  }

  #remember(id: string, signature: string): void {
    this.#seen.delete(id);
    this.#seen.set(id, signature);
    if (this.#seen.size > this.#capacity) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }
}
