import { parseTimestamp } from '@vmsc/core';

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Whether an ISO string ends with a zone (`Z`, `±HH:MM`, `±HHMM`): without one, Kick means UTC. */
function endsWithZone(text: string): boolean {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (last === 90 || last === 122) return true;
  if (n < 6 || !isDigit(last) || !isDigit(text.charCodeAt(n - 2))) return false;
  const colon = text.charCodeAt(n - 3) === 58;
  const sign = text.charCodeAt(colon ? n - 6 : n - 5);
  return (sign === 43 || sign === 45) && isDigit(text.charCodeAt(colon ? n - 5 : n - 4)) && isDigit(text.charCodeAt(colon ? n - 4 : n - 3));
}

/**
 * Kick timestamps come in three forms: ISO 8601 strings (with an offset, with `Z` and up to nine
 * fractional digits, or Laravel's `2025-09-14 23:18:20` with no zone, which is UTC), Unix seconds
 * (`ChatMessageSentEvent`, `FollowersUpdated`) and Unix milliseconds (`NewActivityFeedEvent`).
 * Returns Unix epoch milliseconds, or `undefined` when the value is none of these.
 */
export function parseKickTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    // Seconds until the year 33658; anything larger is already milliseconds.
    const ms = value < 1e12 ? Math.round(value * 1000) : Math.round(value);
    // Past 2^53 no instant is representable (Date's range ends far earlier): not a timestamp.
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  if (typeof value !== 'string' || value.length === 0) return undefined;
  // The usual case: ISO 8601 with `T` and a zone (core's parser reads the common shapes directly).
  if (value.charCodeAt(10) === 84 && endsWithZone(value)) return parseTimestamp(value);
  if (/^\d+(\.\d+)?$/.test(value)) return parseKickTimestamp(Number(value));
  let text = value;
  if (text.length >= 19 && text.charCodeAt(10) === 32) text = `${text.slice(0, 10)}T${text.slice(11)}`;
  if (!endsWithZone(text)) text += 'Z';
  return parseTimestamp(text);
}
