/**
 * The ceiling bench's marker: appended to every chat line the feeder sends, it carries the event's
 * sequence number and the wall-clock time (ms, µs precision) at which the fake sent the frame, so
 * that a subscriber on the same machine can tell which event it got and how long it took.
 */

/** Wall-clock time in ms with sub-ms precision, comparable across processes of one machine. */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** `text` with the marker of event `seq` sent at `sentAtMs`. */
export function withMarker(text: string, seq: number, sentAtMs: number): string {
  return `${text} ~b${seq}@${sentAtMs.toFixed(3)}`;
}

const MARKER = / ~b(\d+)@(\d+\.\d+)$/;

/** The sequence number and send time in a message, or undefined if it has no marker. */
export function readMarker(message: string): { seq: number; sentAtMs: number } | undefined {
  const match = MARKER.exec(message);
  return match ? { seq: Number(match[1]), sentAtMs: Number(match[2]) } : undefined;
}
