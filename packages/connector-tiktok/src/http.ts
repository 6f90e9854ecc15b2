import { ConnectionError, redact, type Secret } from '@vmsc/core';

/**
 * The HTTP GET the connector uses (global `fetch`), with a timeout and secrets scrubbed from any
 * error text.
 *
 * @packageDocumentation
 */

/** A finished response: status, lower-case headers, body bytes. */
export interface HttpResult {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** The body as UTF-8 text. */
  text(): string;
}

/** GETs `url`; network failures and timeouts become {@link ConnectionError}s. */
export async function httpGet(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  secrets: ReadonlyArray<Secret | undefined>,
): Promise<HttpResult> {
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const reason = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : 'failed';
    throw new ConnectionError(redact(`GET ${new URL(url).origin}${new URL(url).pathname} failed: ${reason}`, secrets), {
      code: 'TIKTOK_HTTP_FAILED',
    });
  }
  const body = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    body,
    text: () => Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'),
  };
}

/** Parses JSON, or returns undefined. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a nested property of an unknown JSON value. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
