/**
 * The error classes of VMSC. Every error the SDK raises or reports is a {@link VmscError}; narrow
 * subclasses say what went wrong so that callers can `instanceof`-check instead of parsing messages.
 * The checks work across copies of `@vmsc/core` (one `import`ed, one `require`d): see
 * `VmscError[Symbol.hasInstance]` and {@link isVmscError}.
 *
 * @packageDocumentation
 */
import { brandError, errorClassName, errorNamesOf, registerErrorNames } from './error-brand.js';

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
 *
 * `instanceof` works across copies of `@vmsc/core` (the dual-package hazard: a process that
 * `import`s one VMSC package and `require`s another loads core twice): every instance carries the
 * names of its class chain under a registered symbol, and `x instanceof AuthError` is true for an
 * `AuthError` (or a subclass, such as a connector's) raised by the other copy. Subclasses need no
 * code of their own for this; they are recognised by class name.
 */
export class VmscError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;

  constructor(code: string, message: string, options?: VmscErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = brandError(this, new.target, VmscError);
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /**
   * `value instanceof ThisClass`: true for an instance of this class, or for a VMSC error from
   * another copy of `@vmsc/core` whose class chain includes this class's name.
   */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return errorNamesOf(value)?.includes(errorClassName(this as unknown as abstract new () => Error)) ?? false;
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

/** How a platform counts the length of a chat message: UTF-16 code units (JavaScript's `length`), code points, or UTF-8 bytes. */
export type ChatLengthUnit = 'utf16' | 'code-points' | 'utf8-bytes';

/**
 * A chat message is longer than the platform accepts. Raised before anything is sent, so nothing
 * reached the platform; shorten the text (`limit` and `length` are in `unit`).
 */
export class ChatMessageTooLongError extends VmscError {
  /** The platform's limit. */
  readonly limit: number;
  /** The message's length, counted the way the platform counts. */
  readonly length: number;
  /** What `limit` and `length` count. */
  readonly unit: ChatLengthUnit;

  constructor(limit: number, length: number, unit: ChatLengthUnit, options?: VmscErrorOptions & { code?: string; platform?: string }) {
    super(
      options?.code ?? 'CHAT_MESSAGE_TOO_LONG',
      `${options?.platform ? `${options.platform}: ` : ''}the chat message is ${length} ${unitName(unit)} long; the limit is ${limit}`,
      options,
    );
    this.limit = limit;
    this.length = length;
    this.unit = unit;
  }
}

function unitName(unit: ChatLengthUnit): string {
  return unit === 'utf8-bytes' ? 'bytes' : unit === 'code-points' ? 'characters' : 'UTF-16 units';
}

/**
 * The platform refused a chat message because too many were sent (an HTTP 429, YouTube's
 * `rateLimitExceeded`), or a connector's outbox dropped it because its queue was full. The message
 * was not sent; `retryAfterMs` says when to try again, when known.
 */
export class ChatRateLimitedError extends RateLimitedError {
  constructor(message: string, options?: VmscErrorOptions & { retryAfterMs?: number; code?: string }) {
    super(message, { ...options, code: options?.code ?? 'CHAT_RATE_LIMITED' });
  }
}

/**
 * The sender may not chat there: a missing scope or OAuth, a ban, a chat that is closed or over.
 * Retrying will not help. `reason` is the platform's word for it when it gave one (`forbidden`,
 * `liveChatEnded`...), else a short description.
 */
export class ChatNotAllowedError extends VmscError {
  /** Why, in the platform's terms when it gave some. */
  readonly reason: string;

  constructor(message: string, reason: string, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'CHAT_NOT_ALLOWED', message, options);
    this.reason = reason;
  }
}

/**
 * The platform accepted the request but did not deliver the message (Twitch's `is_sent: false`:
 * AutoMod, slow mode, a duplicate...). `dropCode` and `reason` are the platform's.
 */
export class ChatDroppedError extends VmscError {
  /** The platform's machine-readable reason (`msg_duplicate`, `msg_slowmode`...), `unknown` when it gave none. */
  readonly dropCode: string;
  /** The platform's explanation. */
  readonly reason: string;

  constructor(dropCode: string, reason: string, options?: VmscErrorOptions & { code?: string; platform?: string }) {
    super(
      options?.code ?? 'CHAT_DROPPED',
      `${options?.platform ?? 'the platform'} dropped the chat message (${dropCode}): ${reason}`,
      options,
    );
    this.dropCode = dropCode;
    this.reason = reason;
  }
}

registerErrorNames({
  VmscError,
  AuthError,
  RateLimitedError,
  ProtocolError,
  ConnectionError,
  PlatformBlockedError,
  NotFoundError,
  TimeoutError,
  ValidationError,
  ChatMessageTooLongError,
  ChatRateLimitedError,
  ChatNotAllowedError,
  ChatDroppedError,
});
