const digits = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
};

/** `YYYY-MM-DDTHH:MM:SS+00:00` (Kick chat's form) without the general-purpose parser. */
function fastIso(text: string): number | undefined {
  if (text.length !== 25 || !text.endsWith('+00:00') || text.charCodeAt(10) !== 84) return undefined;
  const ms = Date.UTC(
    digits(text, 0, 4),
    digits(text, 5, 2) - 1,
    digits(text, 8, 2),
    digits(text, 11, 2),
    digits(text, 14, 2),
    digits(text, 17, 2),
  );
  return Number.isNaN(ms) ? undefined : ms;
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
  const fast = fastIso(value);
  if (fast !== undefined) return fast;
  if (/^\d+(\.\d+)?$/.test(value)) return parseKickTimestamp(Number(value));
  let text = value;
  if (text.length >= 19 && text.charCodeAt(10) === 32) text = `${text.slice(0, 10)}T${text.slice(11)}`;
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) text += 'Z';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
