/**
 * The error classes of VMSC. Every error the SDK raises or reports is a {@link VmscError}; narrow
 * subclasses say what went wrong so that callers can `instanceof`-check instead of parsing messages.
 *
 * @packageDocumentation
 */

/** Options accepted by every {@link VmscError} constructor. */
export interface VmscErrorOptions {
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
}

/**
 * Base class of every error VMSC raises or reports.
 *
 * `code` is a stable, machine-readable identifier (`AUTH_FAILED`, `RATE_LIMITED`...). The message is
 * for humans and never contains a token or another secret.
 */
export class VmscError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;

  constructor(code: string, message: string, options?: VmscErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A credential was missing, wrong, expired or lacked a permission. Retrying will not help. */
export class AuthError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'AUTH_FAILED', message, options);
  }
}

/** The remote side asked us to slow down. `retryAfterMs` says when to try again, when known. */
export class RateLimitedError extends VmscError {
  /** Milliseconds to wait before the next attempt, when the platform said so. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options?: VmscErrorOptions & { retryAfterMs?: number; code?: string }) {
    super(options?.code ?? 'RATE_LIMITED', message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** The remote side sent something that does not follow its protocol (malformed frame, bad JSON...). */
export class ProtocolError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'PROTOCOL_ERROR', message, options);
  }
}

/** A network connection could not be opened or was lost. */
export class ConnectionError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'CONNECTION_FAILED', message, options);
  }
}

/** The platform refused us for reasons outside our control (geo block, Cloudflare, account ban...). */
export class PlatformBlockedError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'PLATFORM_BLOCKED', message, options);
  }
}

/** Something that was asked for (a channel, a rule, a live stream) does not exist. */
export class NotFoundError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'NOT_FOUND', message, options);
  }
}

/** An operation did not complete in time. */
export class TimeoutError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'TIMEOUT', message, options);
  }
}

/** One problem found while validating input: where (a dotted path) and what. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `data.diamondCount` or `user.id`; `''` for the root. */
  path: string;
  /** Human-readable description of the problem. */
  message: string;
}

/** Input failed validation. `issues` lists every problem found, each with its path. */
export class ValidationError extends VmscError {
  /** Every problem found, never empty. */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[], options?: VmscErrorOptions & { code?: string }) {
    super(
      options?.code ?? 'INVALID_PAYLOAD',
      `${message}: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`,
      options,
    );
    this.issues = issues;
  }
}
