import {
  AuthError,
  ConnectionError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  type VmscError,
  type VmscErrorOptions,
} from '@vmsc/core';
import { PULSOID_ERROR_CODES, type PulsoidErrorBody } from './raw/pulsoid.js';

/**
 * Pulsoid refused the token: not found (7005), expired (7006), missing/malformed header (7009,
 * 7010), wrong scope (7011), no premium (7007) or a bare 401/403. Retrying cannot help: the
 * connector stops in status `error`.
 *
 * @example
 * ```ts
 * connector.on('status', ({ status, error }) => {
 *   if (status === 'error' && error instanceof PulsoidAuthError && error.pulsoidCode === 7006) renewToken();
 * });
 * ```
 */
export class PulsoidAuthError extends AuthError {
  /** Pulsoid's `error_code` (e.g. 7005), when the body had one. */
  readonly pulsoidCode: number | undefined;
  /** The HTTP status of the refused upgrade. */
  readonly httpStatus: number;

  constructor(message: string, httpStatus: number, pulsoidCode?: number, options?: VmscErrorOptions) {
    super(message, { ...options, code: pulsoidCode ? `PULSOID_${pulsoidCode}` : 'PULSOID_AUTH_FAILED' });
    this.httpStatus = httpStatus;
    this.pulsoidCode = pulsoidCode;
  }
}

/**
 * HypeRate refused the WebSocket key (the Phoenix socket answers the upgrade with 403). Retrying
 * cannot help: the connector stops in status `error`.
 */
export class HypeRateAuthError extends AuthError {
  /** The HTTP status of the refused upgrade (or undefined when a join reply said `unauthorized`). */
  readonly httpStatus: number | undefined;

  constructor(message: string, httpStatus?: number, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'HYPERATE_AUTH_FAILED' });
    this.httpStatus = httpStatus;
  }
}

/**
 * HypeRate refused to join `hr:<id>` (`phx_reply` with `status: "error"`, e.g. `unmatched topic`
 * for an empty or malformed id). The connector stops in status `error`: check the id.
 */
export class HypeRateJoinError extends NotFoundError {
  /** The topic the join was refused for, e.g. `hr:abc123`. */
  readonly topic: string;
  /** Phoenix's `response.reason`, when given. */
  readonly reason: string | undefined;

  constructor(topic: string, reason: string | undefined, options?: VmscErrorOptions) {
    super(`HypeRate refused to join "${topic}"${reason ? `: ${reason}` : ''}`, { ...options, code: 'HYPERATE_JOIN_REFUSED' });
    this.topic = topic;
    this.reason = reason;
  }
}

/** The Phoenix server sent an error reply to a request other than the join (e.g. a heartbeat). */
export class PhoenixReplyError extends ProtocolError {
  /** The topic of the failed push (`phoenix` for heartbeats). */
  readonly topic: string;
  /** Phoenix's `response.reason`, when given. */
  readonly reason: string | undefined;

  constructor(topic: string, event: string, reason: string | undefined, options?: VmscErrorOptions) {
    super(`Phoenix error reply on "${topic}" to ${event}${reason ? `: ${reason}` : ''}`, { ...options, code: 'PHOENIX_REPLY_ERROR' });
    this.topic = topic;
    this.reason = reason;
  }
}

/** Reads Pulsoid's `error_code` whether it is a number or a numeric string. */
export function pulsoidErrorCode(body: PulsoidErrorBody | undefined): number | undefined {
  if (!body) return undefined;
  const code = typeof body.error_code === 'number' ? body.error_code : Number.parseInt(body.error_code, 10);
  return Number.isFinite(code) ? code : undefined;
}

/** Whether a parsed JSON value is Pulsoid's error body. */
export function isPulsoidErrorBody(value: unknown): value is PulsoidErrorBody {
  return typeof value === 'object' && value !== null && 'error_code' in value;
}

/** What each of Pulsoid's codes means for the user, in the error message. */
const PULSOID_CODE_MEANINGS: Readonly<Record<number, string>> = {
  7001: 'Pulsoid could not validate the token (a server-side error): will retry',
  7002: 'Pulsoid could not validate the token (a server-side error): will retry',
  7003: 'Pulsoid could not validate the token (a server-side error): will retry',
  7004: 'Pulsoid could not validate the token (a server-side error): will retry',
  7005: 'the access token does not exist (mistyped, revoked or from another account)',
  7006: 'the access token has expired: create a new one',
  7007: "the account's Pulsoid plan does not include this API (premium required); the token itself is valid",
  7009: 'the Authorization header is missing',
  7010: 'the Authorization header is malformed (expected "Bearer <token>")',
  7011: 'the access token lacks the scope data:heart_rate:read: create a token with that scope',
};

/** What a refused upgrade without a known code means, by HTTP status. */
const PULSOID_STATUS_MEANINGS: Readonly<Record<number, string>> = {
  400: 'Pulsoid rejected the request',
  401: 'the access token was refused',
  402: "the account's Pulsoid plan does not include this API (premium required)",
  403: 'the access token was refused',
};

/** Context for {@link classifyPulsoidError}'s message. */
export interface PulsoidErrorContext {
  /** The configured token starts with `Bearer `: the message then hints to paste the bare token. */
  tokenHasBearerPrefix?: boolean;
}

/** Whether a configured token was pasted with its `Bearer ` prefix (Pulsoid wants the bare token). */
export function hasBearerPrefix(token: string): boolean {
  return /^bearer\s/i.test(token);
}

/**
 * Turns a Pulsoid error (HTTP status of the refused upgrade and/or its `{error_code, error_message}`
 * body) into a typed error, and says whether retrying can help. The message says what the code
 * means (7007 is a plan problem, 7011 a missing scope...), names an unknown code, and, with
 * `context.tokenHasBearerPrefix`, hints that the token was pasted with a `Bearer ` prefix. It
 * never contains the token.
 * - 400/401/402/403 and codes 7005–7011: {@link PulsoidAuthError}, fatal.
 * - 429: {@link RateLimitedError} (with `Retry-After`), retried.
 * - 5xx and 7001–7004 (Pulsoid failed to validate the token): {@link ConnectionError}, retried.
 * - anything else (404...): {@link ConnectionError}, retried with backoff.
 */
export function classifyPulsoidError(
  httpStatus: number | undefined,
  body: PulsoidErrorBody | undefined,
  retryAfterMs?: number,
  context: PulsoidErrorContext = {},
): { error: VmscError; fatal: boolean } {
  const code = pulsoidErrorCode(body);
  const known = code === undefined ? undefined : PULSOID_ERROR_CODES[code];
  const name = body?.error_message ?? known?.name;
  const status = httpStatus ?? known?.httpStatus;
  const described = `Pulsoid ${[status && `HTTP ${status}`, code && `error ${code}`, name].filter(Boolean).join(', ')}`;
  const unknownCode = code !== undefined && !known ? `unknown Pulsoid error code ${code}` : undefined;
  const bearerHint = context.tokenHasBearerPrefix
    ? ' (the token starts with "Bearer ": configure the bare token, without that prefix)'
    : '';
  if ((code !== undefined && code >= 7005 && code <= 7011) || status === 400 || status === 401 || status === 402 || status === 403) {
    const meaning =
      (code !== undefined ? PULSOID_CODE_MEANINGS[code] : undefined) ??
      [unknownCode, PULSOID_STATUS_MEANINGS[status ?? 403] ?? 'the access token was refused'].filter(Boolean).join(': ');
    return { error: new PulsoidAuthError(`${described}: ${meaning}${bearerHint}`, status ?? 403, code), fatal: true };
  }
  if (status === 429) {
    return { error: new RateLimitedError(`${described}: rate limited`, { retryAfterMs, code: 'PULSOID_RATE_LIMITED' }), fatal: false };
  }
  const meaning = (code !== undefined ? PULSOID_CODE_MEANINGS[code] : undefined) ?? [unknownCode, 'will retry'].filter(Boolean).join(': ');
  return {
    error: new ConnectionError(`${described}: ${meaning}`, { code: code ? `PULSOID_${code}` : 'PULSOID_UNAVAILABLE' }),
    fatal: false,
  };
}
