import type { StatusNotice } from '../bus/notices.js';
import type { StreamEvent } from '../events/stream-event.js';
import { platformDataSchema } from '../events/registry.js';

/**
 * Which streams are live, by connector id and by source, as timers' `whileLive` asks:
 * - a `stream_online` / `stream_offline` event (not simulated, not a test) sets its source live or not;
 * - for a platform whose catalogue has no `stream_online` (TikTok, YouTube: their connectors only
 *   connect to a live stream), a connector's status says it: `connected` is live;
 * - `set()` (the application's own knowledge) overrides both until the next event or status change.
 */
export class LiveTracker {
  readonly #live = new Map<string, boolean>();

  /** Whether `name` (a connector id or a source) is live; unknown names are not. */
  isLive(name: string): boolean {
    return this.#live.get(name) === true;
  }

  /** Sets `name` live or not. */
  set(name: string, live: boolean): void {
    this.#live.set(name, live);
  }

  /** Learns from an event (only `stream_online` / `stream_offline` of depth 0 count). */
  event(event: StreamEvent): void {
    if (event.type !== 'stream_online' && event.type !== 'stream_offline') return;
    if (event.meta?.simulated || event.meta?.test) return;
    this.#live.set(event.source, event.type === 'stream_online');
  }

  /** Learns from a connector's status, for platforms that announce no `stream_online`. */
  status(notice: StatusNotice): void {
    if (platformDataSchema(notice.source, 'stream_online') !== undefined) return;
    const live = notice.status === 'connected';
    this.#live.set(notice.connector, live);
    this.#live.set(notice.source, live);
  }
}
