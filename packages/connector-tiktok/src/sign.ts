import { parseRetryAfter, redact, type Secret } from '@vmsc/core';
import { SignApiError, SignApiKeyError, SignApiPaidFeatureError, SignApiRateLimitError } from './errors.js';
import { httpGet, pick, tryJson } from './http.js';
import { decodeFetchResult } from './proto/frames.js';
import type { RawFetchResult } from './raw/frames.js';

/**
 * The Sign API call: `GET {url}/webcast/rooms/{roomId}/connect` (or the legacy
 * `/webcast/fetch?room_id=`), whose 200 body is a raw `ProtoMessageFetchResult` and whose
 * `X-Set-TT-Cookie` header holds the cookies the WebSocket must send.
 *
 * @packageDocumentation
 */

/** What the Sign API call needs. */
export interface SignRequest {
  url: string;
  apiKey: Secret | undefined;
  roomId: string;
  cursor: string;
  userAgent: string;
  client: string;
  /** Use `/webcast/fetch?room_id=` (Python/Java clients, custom sign servers). */
  legacyPath: boolean;
  /** Session cookie string forwarded as `x-cookie-header` (authenticated sockets only). */
  sessionCookie: Secret | undefined;
  timeoutMs: number;
}

/** A signed connection: everything needed to open the WebSocket. */
export interface SignedConnection {
  /** The response body: cursor, internalExt, pushServer, routeParams and the history messages. */
  fetchResult: RawFetchResult;
  /** The `Cookie` header value built from `X-Set-TT-Cookie`. */
  cookieHeader: string;
  /** The room id (the Sign API's `X-Room-Id` when it sends one). */
  roomId: string;
  /** The user agent the URL was signed for (the Sign API's `X-User-Agent` if it names one). */
  userAgent: string;
}

/**
 * Turns a `Set-Cookie`-style header (several cookies may be comma-joined) into a `Cookie` header
 * value: `name=value` pairs, attributes dropped.
 */
export function cookieHeaderFrom(setCookie: string): string {
  const pairs: string[] = [];
  for (const cookie of setCookie.split(/,(?=\s*[^;=\s,]+=)/)) {
    const pair = cookie.split(';', 1)[0]!.trim();
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (/^(path|domain|expires|max-age|samesite|secure|httponly)$/i.test(name)) continue;
    pairs.push(`${name}=${pair.slice(eq + 1).trim()}`);
  }
  return pairs.join('; ');
}

/** `Retry-After`, else the body's `retry_after` seconds. */
function retryAfterMs(header: string | null, body: unknown): number | undefined {
  const fromHeader = parseRetryAfter(header);
  if (fromHeader !== undefined) return fromHeader;
  const fromBody = pick(body, 'retry_after');
  return typeof fromBody === 'number' && fromBody >= 0 ? Math.round(fromBody * 1000) : undefined;
}

/** The `message` of a JSON error body (scrubbed, trimmed), or a short text excerpt. */
function errorText(text: string, secrets: ReadonlyArray<Secret | undefined>): string {
  const message = pick(tryJson(text), 'message');
  const raw = typeof message === 'string' ? message : text.slice(0, 200);
  return redact(raw, secrets).trim();
}

/**
 * Calls the Sign API.
 *
 * @throws {@link SignApiRateLimitError} (429), {@link SignApiKeyError} (401/403),
 *   {@link SignApiPaidFeatureError} (402), {@link SignApiError} (anything else: 5xx, missing cookies,
 *   empty or undecodable body, no cursor or push server, network).
 */
export async function fetchSignedConnection(request: SignRequest): Promise<SignedConnection> {
  const params = new URLSearchParams({
    client: request.client,
    cursor: request.cursor,
    user_agent: request.userAgent,
    client_enter: 'true',
    platform: 'web',
  });
  const url = request.legacyPath
    ? `${request.url}/webcast/fetch?room_id=${encodeURIComponent(request.roomId)}&${params}`
    : `${request.url}/webcast/rooms/${encodeURIComponent(request.roomId)}/connect?${params}`;
  const headers: Record<string, string> = { Accept: 'application/protobuf,application/json' };
  if (request.apiKey) headers['X-Api-Key'] = request.apiKey.reveal();
  if (request.sessionCookie) headers['x-cookie-header'] = request.sessionCookie.reveal();
  const secrets = [request.apiKey, request.sessionCookie];
  let response;
  try {
    response = await httpGet(url, headers, request.timeoutMs, secrets);
  } catch (error) {
    throw new SignApiError(`Sign API unreachable: ${(error as Error).message}`, { cause: error });
  }
  const { status } = response;
  if (status === 429) {
    const body = tryJson(response.text());
    const label = pick(body, 'limit_label');
    const limitLabel = typeof label === 'string' ? label : undefined;
    // The server's own text when it sends one (it already says "too many connections..."), ours otherwise.
    const reason = errorText(response.text(), secrets) || 'too many connections started, try again later';
    throw new SignApiRateLimitError(`Sign API rate limit${limitLabel ? ` (${limitLabel})` : ''}: ${reason}`, {
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), body),
      limitLabel,
    });
  }
  if (status === 401 || status === 403) {
    throw new SignApiKeyError(`Sign API refused the API key (HTTP ${status}): ${errorText(response.text(), secrets)}`);
  }
  if (status === 402) {
    throw new SignApiPaidFeatureError(`Sign API: this needs a paid plan (HTTP 402): ${errorText(response.text(), secrets)}`);
  }
  if (status !== 200) {
    throw new SignApiError(`Sign API answered HTTP ${status}: ${errorText(response.text(), secrets)}`, { httpStatus: status });
  }
  const setCookie = response.headers.get('x-set-tt-cookie');
  if (!setCookie) throw new SignApiError('Sign API sent no cookies (X-Set-TT-Cookie missing)', { httpStatus: status });
  if (response.body.length === 0) {
    throw new SignApiError('Sign API returned an empty body: is it being detected by TikTok?', { httpStatus: status });
  }
  let fetchResult: RawFetchResult;
  try {
    fetchResult = decodeFetchResult(response.body);
  } catch (error) {
    throw new SignApiError(`Sign API body is not a ProtoMessageFetchResult: ${(error as Error).message}`, {
      httpStatus: status,
      cause: error,
    });
  }
  if (!fetchResult.cursor) throw new SignApiError('Sign API response has no cursor', { httpStatus: status });
  if (!fetchResult.pushServer) throw new SignApiError('Sign API response has no push server URL', { httpStatus: status });
  return {
    fetchResult,
    cookieHeader: cookieHeaderFrom(setCookie),
    roomId: response.headers.get('x-room-id') || request.roomId,
    userAgent: response.headers.get('x-user-agent') || request.userAgent,
  };
}
