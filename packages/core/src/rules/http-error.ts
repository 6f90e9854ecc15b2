import { registerErrorNames } from '../error-brand.js';
import { VmscError, type VmscErrorOptions } from '../errors.js';

/** Why an `http` action failed: the `code` of its {@link HttpActionError}. */
export type HttpActionErrorCode =
  /** The server answered a status outside 200–299 (after the retries a 5xx, 408 or 429 gets). */
  | 'HTTP_STATUS'
  /** No answer within `timeoutMs` (on every attempt). */
  | 'HTTP_TIMEOUT'
  /** The request did not reach the server (refused, reset, DNS...), on every attempt. */
  | 'HTTP_NETWORK'
  /** The URL's host is not in the allow-list. */
  | 'HTTP_HOST_NOT_ALLOWED'
  /** The rendered URL is not a valid http(s) URL, or a template tried to change its origin. */
  | 'HTTP_BAD_URL'
  /** A secret header names an environment variable that is not set. */
  | 'HTTP_SECRET_MISSING'
  /** The action names a target the application did not configure. */
  | 'HTTP_UNKNOWN_TARGET';

/**
 * An `http` action failed. Its message names the method and the URL, never a secret header's value
 * or a configured target's URL (a Discord webhook URL is itself a credential): a target is named by
 * its name. `status` is the server's last answer, when there was one.
 */
export class HttpActionError extends VmscError {
  declare readonly code: HttpActionErrorCode;
  /** The HTTP status of the last answer, when the server answered. */
  readonly status: number | undefined;
  /** How many requests were sent (1 + retries made). */
  readonly attempts: number;

  constructor(code: HttpActionErrorCode, message: string, options?: VmscErrorOptions & { status?: number; attempts?: number }) {
    super(code, message, options);
    this.status = options?.status;
    this.attempts = options?.attempts ?? 0;
  }
}

registerErrorNames({ HttpActionError });
