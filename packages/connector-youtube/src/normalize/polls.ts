import type { RawLiveChatMessage } from '../raw/messages.js';
import type { PollEventType } from './message.js';

/** What a poll snapshot produces: the event type and the poll's stable id. */
export interface PollTransition {
  type: PollEventType;
  /** The id of the message that began the poll (stable even when YouTube re-ids the ended poll). */
  pollId: string;
}

interface PollRecord {
  /** The first message id seen for the poll. */
  pollId: string;
  /** Status and tallies of the last snapshot. */
  signature: string;
  /** The content key ({@link contentKey}). */
  key: string;
  /** Every message id the poll was seen under. */
  ids: string[];
  ended: boolean;
}

/**
 * Chat, question and option texts: what identifies a poll when its message id changes. A chat has
 * at most one active poll, so two open polls never share it.
 */
function contentKey(item: RawLiveChatMessage, liveChatId: string | undefined): string {
  const metadata = item.snippet?.pollDetails?.metadata;
  const options: unknown = metadata?.options;
  const texts = Array.isArray(options) ? options.map((option: { optionText?: unknown } | null) => String(option?.optionText ?? '')) : [];
  return JSON.stringify([item.snippet?.liveChatId ?? liveChatId ?? '', String(metadata?.questionText ?? ''), texts]);
}

/**
 * Turns YouTube's poll snapshots (`pollEvent` items and the `activePollItem` of every page) into
 * begin / progress / end transitions: the first active sight of a poll is `poll_begin`, a change of
 * its tallies `poll_progress`, a non-active status `poll_end`; an unchanged snapshot is nothing.
 *
 * A snapshot belongs to the poll seen under the same message id; failing that (YouTube may give the
 * ended poll a new message id), to the poll of the same chat with the same question and option texts,
 * if that poll is still open or the snapshot is an ended one. An active snapshot matching only an
 * ended poll is a new poll (the same question asked again). Every transition carries the first id.
 */
export class PollTracker {
  /** By poll id, least recently seen first. */
  readonly #polls = new Map<string, PollRecord>();
  readonly #byMessageId = new Map<string, PollRecord>();
  readonly #byContent = new Map<string, PollRecord>();
  readonly #capacity: number;

  constructor(capacity = 64) {
    this.#capacity = capacity;
  }

  /**
   * The transition this snapshot should produce, or `undefined` when nothing changed. `liveChatId`
   * stands in for a snapshot without `snippet.liveChatId`.
   */
  classify(item: RawLiveChatMessage, liveChatId?: string): PollTransition | undefined {
    const id = item.id;
    const details = item.snippet?.pollDetails;
    if (!id || !details) return undefined;
    const status = details.status ?? 'active';
    const active = status === 'active';
    const options: unknown = details.metadata?.options;
    // A snapshot whose options are not a list still counts as a (changed) snapshot; normalizeMessage reports it.
    const tallies = Array.isArray(options)
      ? options.map((option: { tally?: unknown } | null) => String(option?.tally ?? ''))
      : [String(options)];
    const signature = `${String(status)}|${tallies.join(',')}`;
    const key = contentKey(item, liveChatId);
    let record = this.#byMessageId.get(id);
    if (!record) {
      const sameContent = this.#byContent.get(key);
      if (sameContent && (!active || !sameContent.ended)) {
        record = sameContent;
        record.ids.push(id);
        this.#byMessageId.set(id, record);
      }
    }
    if (!record) {
      this.#add({ pollId: id, signature, key, ids: [id], ended: !active });
      return { type: active ? 'poll_begin' : 'poll_end', pollId: id };
    }
    this.#touch(record);
    const previous = record.signature;
    if (previous === signature) return undefined;
    record.signature = signature;
    record.ended = !active;
    if (active) return { type: 'poll_progress', pollId: record.pollId };
    return previous.startsWith(`${status}|`) ? undefined : { type: 'poll_end', pollId: record.pollId };
  }

  #add(record: PollRecord): void {
    this.#polls.set(record.pollId, record);
    this.#byMessageId.set(record.pollId, record);
    this.#byContent.set(record.key, record);
    if (this.#polls.size <= this.#capacity) return;
    const oldest = this.#polls.values().next().value;
    if (!oldest) return;
    this.#polls.delete(oldest.pollId);
    for (const messageId of oldest.ids) this.#byMessageId.delete(messageId);
    if (this.#byContent.get(oldest.key) === oldest) this.#byContent.delete(oldest.key);
  }

  #touch(record: PollRecord): void {
    this.#polls.delete(record.pollId);
    this.#polls.set(record.pollId, record);
  }
}
