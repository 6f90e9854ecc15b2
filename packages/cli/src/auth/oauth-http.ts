import { redact, type Secret } from '@vmsc/core';
import { OAuthRequestError } from './errors.js';

/** What a token endpoint answered: the JSON body when it parsed, and the status. */
export interface OAuthAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The OAuth error code of an answer: RFC 6749's `error` when it is a code (`invalid_grant`), else
 * Twitch's `message` when it is one (Twitch answers `{ status: 400, message: "authorization_pending" }`).
 */
export function oauthErrorCode(answer: OAuthAnswer): string {
  const { error, message } = answer.body;
  if (typeof error === 'string' && /^[a-z_]+$/.test(error)) return error;
  if (typeof message === 'string' && /^[a-z_]+$/.test(message)) return message;
  if (typeof message === 'string' && /invalid refresh token/i.test(message)) return 'invalid_grant';
  return answer.status >= 500 ? 'server_error' : 'invalid_response';
}

/** A human description of an error answer, with every secret redacted. */
export function oauthErrorText(answer: OAuthAnswer, secrets: ReadonlyArray<string | Secret | undefined>): string {
  const { error_description: description, message } = answer.body;
  const text = typeof description === 'string' ? description : typeof message === 'string' ? message : '';
  return redact(text, secrets);
}

/**
 * `POST url` with a form body (`application/x-www-form-urlencoded`), JSON answer. Network failures
 * become an {@link OAuthRequestError} (`network`); any HTTP status is returned for the caller to judge.
 */
export async function postForm(
  url: string,
  form: Record<string, string>,
  secrets: ReadonlyArray<string | Secret | undefined>,
  timeoutMs = 10_000,
): Promise<OAuthAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new OAuthRequestError(
      `POST ${new URL(url).origin}${new URL(url).pathname} failed: ${redact((error as Error).message, secrets)}`,
      'network',
    );
  }
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the status tells the caller what happened.
  }
  return { status: response.status, body };
}
