import { REDACTED, Secret, redact } from '@vmsc/core';

/**
 * Takes secrets out of what the hub log writes: the values it knows (tokens and credentials read
 * from the environment), credentials inside URLs and `Bearer` headers, and `Secret`s.
 *
 * @packageDocumentation
 */

/** `?token=...`, `&access_token=...`, `key=`, `jwt=`, `password=` in URLs and texts. */
const QUERY_SECRET = /([?&](?:token|access_token|refresh_token|api_key|apikey|key|jwt|password|secret)=)[^&\s"'#]+/gi;
/** `Bearer <token>` and `Basic <credentials>`. */
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;

/** A text with every known secret, URL credential and authorization header replaced by `[redacted]`. */
export function scrubText(text: string, secrets: readonly string[]): string {
  return redact(text, secrets).replace(QUERY_SECRET, `$1${REDACTED}`).replace(AUTH_HEADER, `$1 ${REDACTED}`);
}

/**
 * A JSON-safe copy of `value` with every string scrubbed ({@link scrubText}), `Secret`s as
 * `[redacted]`, errors as `{ name, code, message }`, and nesting cut at `depth`.
 */
export function scrubValue(value: unknown, secrets: readonly string[], depth = 6): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Secret) return REDACTED;
  if (depth <= 0) return '[…]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, ...(typeof code === 'string' ? { code } : {}), message: scrubText(value.message, secrets) };
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => scrubValue(item, secrets, depth - 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const scrubbed = scrubValue(child, secrets, depth - 1);
    if (scrubbed !== undefined) out[key] = scrubbed;
  }
  return out;
}
