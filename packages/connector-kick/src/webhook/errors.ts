import { AuthError, ValidationError, type VmscErrorOptions } from '@vmsc/core';

/** A webhook request without a valid `Kick-Event-Signature` (answered 401 / 403, nothing emitted). */
export class KickWebhookSignatureError extends AuthError {
  /** The request's `Kick-Event-Message-Id`, when it had one. */
  readonly messageId: string | undefined;

  constructor(message: string, messageId: string | undefined, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'KICK_WEBHOOK_BAD_SIGNATURE' });
    this.messageId = messageId;
  }
}

/** A webhook request that is not a Kick event: missing headers, malformed JSON, too large, too old (answered 4xx). */
export class KickWebhookRequestError extends ValidationError {
  /** The HTTP status the receiver answered. */
  readonly status: number;

  constructor(message: string, status: number, options?: VmscErrorOptions) {
    super('Kick webhook request refused', [{ path: '', message }], { ...options, code: 'KICK_WEBHOOK_BAD_REQUEST' });
    this.status = status;
  }
}

/** Kick's public key could not be loaded (bad PEM, or the key endpoint failed). */
export class KickWebhookKeyError extends AuthError {
  constructor(message: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'KICK_WEBHOOK_KEY' });
  }
}
