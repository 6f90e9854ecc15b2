import { systemClock, type Clock } from '../util/clock.js';
import type { JsonValue } from './json.js';
import { HttpActionError } from './http-error.js';

/**
 * One `http` action's request with its retries: a timeout per attempt, retries with exponential
 * backoff on a network failure, a timeout, 408, 429 and 5xx (honouring `Retry-After`), never on
 * another 4xx; the answer's body read up to a size cap.
 *
 * @packageDocumentation
 */

/** The `fetch` the action uses (the global one of Node 18+ and browsers by default). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** What an `http` action stores with `saveAs` and records as its output. */
export interface HttpResponseInfo {
  /** The HTTP status. */
  status: number;
  /** Whether the status is 200–299. */
  ok: boolean;
  /** The body parsed as JSON, when the answer is JSON (`content-type` `application/json` or `+json`). */
  json?: JsonValue;
  /** The body as text, when it is not JSON. */
  text?: string;
  /** Whether the body was longer than `maxResponseBytes` and cut (then it is not parsed as JSON). */
  truncated?: boolean;
  /** Requests sent (1 + retries). */
  attempts: number;
}

/** A request ready to send. */
export interface PreparedRequest {
  method: string;
  url: string;
  /** How the URL is named in messages (the URL, or `target "name"` for a configured target). */
  label: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** Texts that must never appear in a message (the secret header values). */
  secrets: readonly string[];
}

/** The sending side's settings. */
export interface SendSettings {
  fetch: FetchFunction;
  clock?: Clock;
  maxResponseBytes: number;
}

const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_DELAY_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('[secret]');
  return out;
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1_000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - Date.now()), MAX_RETRY_AFTER_MS);
}

async function readBody(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), truncated };
}

async function toInfo(response: Response, attempts: number, maxBytes: number): Promise<HttpResponseInfo> {
  const { text, truncated } = await readBody(response, maxBytes);
  const info: HttpResponseInfo = { status: response.status, ok: response.ok, attempts };
  const type = response.headers.get('content-type') ?? '';
  if (!truncated && /[/+]json\b/i.test(type) && text.length > 0) {
    try {
      info.json = JSON.parse(text) as JsonValue;
      return info;
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  info.text = text;
  if (truncated) info.truncated = true;
  return info;
}

function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}

type Attempt = { response: Response } | { failure: 'timeout' | 'network'; cause: unknown };

async function attempt(request: PreparedRequest, settings: SendSettings): Promise<Attempt> {
  const init: RequestInit = { method: request.method, headers: request.headers, signal: AbortSignal.timeout(request.timeoutMs) };
  if (request.body !== undefined) init.body = request.body;
  try {
    return { response: await settings.fetch(request.url, init) };
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name;
    return { failure: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', cause };
  }
}

/**
 * Sends the request, retrying as described above. Resolves with the answer when its status is
 * 200–299; rejects with an {@link HttpActionError} otherwise (`HTTP_STATUS`, `HTTP_TIMEOUT`,
 * `HTTP_NETWORK`), whose message never holds a secret.
 */
export async function sendWithRetries(request: PreparedRequest, settings: SendSettings): Promise<HttpResponseInfo> {
  const clock = settings.clock ?? systemClock;
  const what = `${request.method} ${request.label}`;
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(request, settings);
    const last = attempts > request.retries;
    if ('response' in result) {
      const { response } = result;
      if (response.ok) return toInfo(response, attempts, settings.maxResponseBytes);
      const info = await toInfo(response, attempts, Math.min(settings.maxResponseBytes, 2_048));
      if (last || !RETRY_STATUSES.has(response.status)) {
        const detail = info.json !== undefined ? JSON.stringify(info.json) : (info.text ?? '');
        const tail = detail ? `: ${scrub(detail.slice(0, 200), request.secrets)}` : '';
        throw new HttpActionError(
          'HTTP_STATUS',
          `${what} answered ${response.status}${attempts > 1 ? ` after ${attempts} attempts` : ''}${tail}`,
          {
            status: response.status,
            attempts,
          },
        );
      }
      await sleep(clock, retryAfterMs(response) ?? Math.min(request.retryDelayMs * 2 ** (attempts - 1), MAX_DELAY_MS));
      continue;
    }
    if (last) {
      const reason =
        result.failure === 'timeout'
          ? `no answer within ${request.timeoutMs} ms`
          : `could not reach the server (${scrub(String((result.cause as Error)?.cause ?? result.cause), request.secrets)})`;
      throw new HttpActionError(
        result.failure === 'timeout' ? 'HTTP_TIMEOUT' : 'HTTP_NETWORK',
        `${what}: ${reason}${attempts > 1 ? ` (${attempts} attempts)` : ''}`,
        { attempts },
      );
    }
    await sleep(clock, Math.min(request.retryDelayMs * 2 ** (attempts - 1), MAX_DELAY_MS));
  }
}
