/** Reads `count` decimal digits of `text` from `from`; NaN when one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`); `month` 1–12. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The common RFC 3339 shapes (`2023-07-19T14:56:51.634234626Z`, `2023-10-12T01:29:15+00:00`) read
 * without the general-purpose date parser; `undefined` for anything else (the caller falls back).
 */
function fastRfc3339(text: string): number | undefined {
  const length = text.length;
  if (length < 20) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const t = text.charCodeAt(10);
  if (t !== 84 && t !== 116) return undefined; // 'T' or 't'
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // Ranges where the arithmetic below and the standard parser agree; the rest (day 29–31, 24:00, years < 100...) take the slow path.
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    // '.' then 1–9 digits; milliseconds are the first three (the rest is truncated, as Date.parse does).
    const start = ++i;
    while (i < length && i - start < 9) {
      const code = text.charCodeAt(i) - 48;
      if (code < 0 || code > 9) break;
      if (i - start < 3) millis = millis * 10 + code;
      i++;
    }
    const count = i - start;
    if (count === 0) return undefined;
    if (count < 3) millis *= count === 1 ? 100 : 10;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    // 'Z' or 'z'
    if (i + 1 !== length) return undefined;
  } else if (zone === 43 || zone === 45) {
    // '+HH:MM' or '-HH:MM'
    if (i + 6 !== length || text.charCodeAt(i + 3) !== 58) return undefined;
    const hours = digits(text, i + 1, 2);
    const minutes = digits(text, i + 4, 2);
    if (!(hours <= 23 && minutes <= 59)) return undefined;
    offsetMinutes = (zone === 43 ? 1 : -1) * (hours * 60 + minutes);
  } else return undefined;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1_000 + millis;
}

/**
 * Parses an ISO 8601 / RFC 3339 timestamp (what Twitch, YouTube, Kick and the aggregators send) to Unix
 * epoch milliseconds, or `undefined` when it is not a date. The common shapes (`…T…Z`, `…T…±HH:MM`,
 * with up to nine fractional digits) are read directly, several times faster than `Date.parse`; anything
 * else goes through `Date.parse`, with the same result. Fractions beyond milliseconds are truncated.
 *
 * @example
 * ```ts
 * parseTimestamp('2023-07-19T14:56:51.634234626Z'); // 1689778611634
 * parseTimestamp('not a date'); // undefined
 * ```
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const fast = fastRfc3339(value);
  if (fast !== undefined) return fast;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
