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
    return value < 1e12 ? Math.round(value * 1000) : Math.round(value);
  }
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return parseKickTimestamp(Number(value));
  let text = value;
  if (text.length >= 19 && text.charCodeAt(10) === 32) text = `${text.slice(0, 10)}T${text.slice(11)}`;
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) text += 'Z';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
