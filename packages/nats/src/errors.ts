import { VmscError, type VmscErrorOptions } from '@vmsc/core';

/**
 * The JetStream stream or consumer the bridge needs exists with a configuration that conflicts with
 * the bridge's (other subjects, another retention or storage). Code `NATS_STREAM_CONFLICT`. The bridge
 * never changes an existing stream: fix the stream, or point the bridge at another one.
 */
export class NatsStreamConflictError extends VmscError {
  /** The stream's name. */
  readonly stream: string;

  constructor(stream: string, message: string, options?: VmscErrorOptions) {
    super('NATS_STREAM_CONFLICT', message, options);
    this.stream = stream;
  }
}

/**
 * A message of the stream is not a valid `StreamEvent` (not JSON, or not an event of the catalogue).
 * Reported as a bus `error` notice, acknowledged (so it never blocks the consumer) and not delivered.
 * Code `NATS_POISON_EVENT`.
 */
export class NatsPoisonEventError extends VmscError {
  /** The stream sequence of the message. */
  readonly streamSequence: number;
  /** Its subject. */
  readonly subject: string;

  constructor(subject: string, streamSequence: number, message: string, options?: VmscErrorOptions) {
    super('NATS_POISON_EVENT', message, options);
    this.subject = subject;
    this.streamSequence = streamSequence;
  }
}

/**
 * Publishing to JetStream failed for a reason other than being offline (which the bridge rides out):
 * the stream rejected the message. Code `NATS_PUBLISH_FAILED`.
 */
export class NatsPublishError extends VmscError {
  constructor(message: string, options?: VmscErrorOptions) {
    super('NATS_PUBLISH_FAILED', message, options);
  }
}
