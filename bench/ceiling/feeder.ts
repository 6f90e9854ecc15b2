/**
 * The ceiling bench's load: Kick chat messages on the Kick fake at a steady rate, each with its
 * marker (sequence number, send time). Viewers and lines cycle through fixed pools, so every run
 * sends the same stream.
 */
import type { KickScript } from '@vmsc/testing';
import { withMarker, wallClockMs } from './marker.js';
import { CHAT_LINES } from './rules.js';

/** How many distinct viewers chat (their points and per-viewer counters are part of the hub's state). */
export const VIEWERS = 2_000;

/** What a feed sent. */
export interface FeedResult {
  /** The sequence numbers sent: `from` to `to - 1`. */
  from: number;
  to: number;
  /** The rate achieved: messages sent / the time it took, per second. */
  achievedPerSecond: number;
  durationMs: number;
}

/**
 * Sends `ratePerSecond` chat messages a second for `durationMs`, numbered from `from`, in small
 * batches on a 2 ms tick (a batch holds what is due by then: the fake sends each as its own frame).
 */
export async function feed(script: KickScript, options: { ratePerSecond: number; durationMs: number; from: number }): Promise<FeedResult> {
  const { ratePerSecond, durationMs, from } = options;
  const total = Math.round((ratePerSecond * durationMs) / 1_000);
  let seq = from;
  const started = performance.now();
  while (seq < from + total) {
    const due = Math.min(from + total, from + Math.floor(((performance.now() - started) * ratePerSecond) / 1_000));
    while (seq < due) {
      const line = CHAT_LINES[seq % CHAT_LINES.length]!;
      const username = `viewer${(seq * 7919) % VIEWERS}`;
      await script.chat({ username, content: withMarker(line, seq, wallClockMs()) });
      seq++;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const elapsed = performance.now() - started;
  return { from, to: seq, achievedPerSecond: (total * 1_000) / Math.max(elapsed, 1), durationMs: elapsed };
}
