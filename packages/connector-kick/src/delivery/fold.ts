import type { Clock, StreamEvent } from '@vmsc/core';
import { KickDeduper } from '../normalize/dedupe.js';
import type { NormalizedFrame } from '../normalize/frame.js';
import { NAME_ID_PREFIX } from '../normalize/users.js';

/** Options of {@link FrameFolder}. */
export interface FrameFolderOptions {
  clock: Clock;
  /** How long frames sharing a key are folded into the event already published, ms. */
  windowMs: number;
  /** How long an incomplete event waits for more frames of its happening, ms. */
  holdMs: number;
  publish(event: StreamEvent): void;
}

interface Pending {
  event: StreamEvent;
  keys: Set<string>;
  /** Whether a full frame (not a duplicate-only signal) is among the folded ones. */
  full: boolean;
  timer: unknown;
}

const namedOnly = (event: StreamEvent): boolean => event.user.id.startsWith(NAME_ID_PREFIX);

/**
 * Folds the frames Kick sends for one happening (a subscription arrives as up to five frames on three
 * channels, a gift or a host as two) into one event, built from the best each frame carries:
 *
 * - An event is published at once when it comes from a full frame and names the user by Kick's
 *   numeric id. Otherwise (a duplicate-only signal, or a frame with only the name) it waits up to
 *   `holdMs` for the other frames of its happening, and is published when the folded frames give a
 *   full frame with a numeric id, or when the hold ends.
 * - Folding keeps the full frame's data (filling fields it lacks from the others) and the first numeric
 *   user id any frame carries.
 * - Once published, later frames with one of its keys are dropped for `windowMs`.
 */
export class FrameFolder {
  readonly #options: FrameFolderOptions;
  readonly #deduper: KickDeduper;
  readonly #pending = new Map<string, Pending>();

  constructor(options: FrameFolderOptions) {
    this.#options = options;
    this.#deduper = new KickDeduper(options.windowMs, () => options.clock.now());
  }

  /** Takes one normalized frame that has dedupe keys. */
  offer(result: NormalizedFrame & { dedupeKeys: readonly string[] }): void {
    const keys = result.dedupeKeys;
    if (this.#deduper.seen(keys)) return;
    const full = result.secondary !== true;
    let pending: Pending | undefined;
    for (const key of keys) pending ??= this.#pending.get(key);
    if (!pending) {
      if (full && !namedOnly(result.event)) {
        if (this.#deduper.admit(keys)) this.#options.publish(result.event);
        return;
      }
      const created: Pending = { event: result.event, keys: new Set(keys), full, timer: undefined };
      created.timer = this.#options.clock.setTimeout(() => this.#flush(created), this.#options.holdMs);
      for (const key of keys) this.#pending.set(key, created);
      return;
    }
    fold(pending, result.event, full);
    for (const key of keys) {
      pending.keys.add(key);
      this.#pending.set(key, pending);
    }
    if (pending.full && !namedOnly(pending.event)) this.#flush(pending);
  }

  /** Drops every waiting event (on disconnect). */
  clear(): void {
    for (const pending of new Set(this.#pending.values())) this.#options.clock.clearTimeout(pending.timer);
    this.#pending.clear();
  }

  #flush(pending: Pending): void {
    this.#options.clock.clearTimeout(pending.timer);
    for (const key of pending.keys) if (this.#pending.get(key) === pending) this.#pending.delete(key);
    if (this.#deduper.admit([...pending.keys])) this.#options.publish(pending.event);
  }
}

/** Folds `event` into `pending`: the full frame's data first, and the first numeric user id seen. */
function fold(pending: Pending, event: StreamEvent, full: boolean): void {
  const incomingLeads = full && !pending.full;
  const base = incomingLeads ? event : pending.event;
  const other = incomingLeads ? pending.event : event;
  const user = namedOnly(base) && !namedOnly(other) ? other.user : base.user;
  const data = { ...(other.data as object), ...(base.data as object) };
  pending.event = { ...base, user, data } as StreamEvent;
  pending.full ||= full;
}
