/**
 * Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3) as a delay in milliseconds: delay-seconds
 * (`"120"`; a fraction is tolerated) or an HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`, counted from
 * `now`, never negative). `undefined` when the header is absent, empty or neither form.
 *
 * @param value The header as `fetch` (`headers.get()`) or `node:http` (`IncomingHttpHeaders`) gives it.
 * @param now The current time (epoch ms), for the HTTP-date form.
 * @example
 * ```ts
 * const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
 * throw new RateLimitedError('slow down', { retryAfterMs });
 * ```
 */
export function parseRetryAfter(value: string | readonly string[] | null | undefined, now: number = Date.now()): number | undefined {
  const text = (typeof value === 'string' ? value : value?.[0])?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1_000);
  // Every HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with the day's name; Date.parse alone would take "-5" as a year.
  if (!/^[A-Za-z]/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
