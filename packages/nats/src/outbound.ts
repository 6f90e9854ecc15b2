import { Backoff, type BackoffOptions, type BusNotice, type StreamEvent } from '@vmsc/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { NatsPublishError } from './errors.js';
import { partitionedSubjectOf } from './partitions.js';
import { messageIdOf, subjectOf } from './subjects.js';

/** What the publisher reports through. */
export interface OutboundParts {
  js: JetStreamClient;
  prefix: string;
  /** When set, events go to `<prefix>.p<n>.<source>.<type>` (see {@link partitionedSubjectOf}). */
  partitions?: number | undefined;
  /** Events that may wait while NATS is unreachable; past it, new events are dropped and a `gap` reported. */
  maxBuffered: number;
  /** Publishes in flight at once. */
  maxInFlight: number;
  /** How long one publish waits for its acknowledgement, ms. */
  publishTimeoutMs: number;
  backoff: BackoffOptions;
  /** The bridge's id, for notices. */
  id: string;
  notify(notice: BusNotice): void;
}

interface Pending {
  id: string;
  subject: string;
  data: string;
  timestamp: number;
}

/**
 * Publishes local events to JetStream, `Nats-Msg-Id` = {@link messageIdOf} the event, so that a republish after a
 * reconnect is stored once (within the stream's duplicate window). Events wait in a bounded buffer
 * while NATS is unreachable and go out in order of arrival when it is back (a retried batch may land
 * after newer events: the order is that of the stream's sequence, the ids stay unique). Every outage
 * is reported once (`error` notice, `NATS_PUBLISH_FAILED`); a buffer overflow drops the new events and
 * is reported as a `gap` from the first to the last dropped event when the overflow ends.
 */
export class OutboundPublisher {
  readonly #parts: OutboundParts;
  readonly #pending: Pending[] = [];
  readonly #backoff: Backoff;
  readonly #idle: Array<() => void> = [];
  #pumping = false;
  #failing = false;
  #closed = false;
  #wake: (() => void) | undefined;
  #overflow: { from: number; to: number; count: number } | undefined;
  #published = 0;

  constructor(parts: OutboundParts) {
    this.#parts = parts;
    this.#backoff = new Backoff(parts.backoff);
  }

  /** Events waiting to be stored. */
  get buffered(): number {
    return this.#pending.length;
  }

  /** Events stored (duplicates of a republish included once). */
  get published(): number {
    return this.#published;
  }

  /** Takes an event to publish. */
  offer(event: StreamEvent): void {
    if (this.#closed) return;
    if (this.#pending.length >= this.#parts.maxBuffered) {
      if (!this.#overflow) {
        this.#overflow = { from: event.timestamp, to: event.timestamp, count: 0 };
        this.#parts.notify({
          kind: 'error',
          origin: this.#parts.id,
          error: new NatsPublishError(
            `the NATS buffer is full (${this.#parts.maxBuffered} events): new events are dropped until it drains`,
          ),
        });
      }
      this.#overflow.to = event.timestamp;
      this.#overflow.count++;
      return;
    }
    if (this.#overflow) this.#reportGap();
    this.#pending.push({
      id: messageIdOf(event),
      subject: this.#parts.partitions
        ? partitionedSubjectOf(this.#parts.prefix, this.#parts.partitions, event)
        : subjectOf(this.#parts.prefix, event),
      data: JSON.stringify(event),
      timestamp: event.timestamp,
    });
    void this.#pump();
  }

  /** Resolves when every buffered event is stored (or at once when none waits). */
  drained(): Promise<void> {
    if (this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Stops publishing; what still waits stays unsent (see {@link buffered}). */
  close(): void {
    this.#closed = true;
    this.#wake?.();
    if (this.#overflow) this.#reportGap();
  }

  #reportGap(): void {
    const { from, to, count } = this.#overflow!;
    this.#overflow = undefined;
    this.#parts.notify({
      kind: 'gap',
      connector: this.#parts.id,
      source: 'nats',
      from,
      to,
      reason: `${count} event(s) dropped: the NATS buffer was full (${this.#parts.maxBuffered} events)`,
    });
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#pending.length > 0 && !this.#closed) {
        const batch = this.#pending.slice(0, this.#parts.maxInFlight);
        const results = await Promise.allSettled(
          batch.map((item) => this.#parts.js.publish(item.subject, item.data, { msgID: item.id, timeout: this.#parts.publishTimeoutMs })),
        );
        const failed = new Set<Pending>();
        let firstError: unknown;
        results.forEach((result, index) => {
          if (result.status === 'fulfilled') {
            if (!result.value.duplicate) this.#published++;
          } else {
            failed.add(batch[index]!);
            firstError ??= result.reason;
          }
        });
        const sent = new Set(batch.filter((item) => !failed.has(item)));
        for (let i = this.#pending.length - 1; i >= 0; i--) if (sent.has(this.#pending[i]!)) this.#pending.splice(i, 1);
        if (failed.size === 0) {
          if (this.#failing) this.#failing = false;
          this.#backoff.reset();
          continue;
        }
        if (!this.#failing) {
          this.#failing = true;
          const detail = firstError instanceof Error ? firstError.message : String(firstError);
          this.#parts.notify({
            kind: 'error',
            origin: this.#parts.id,
            error: new NatsPublishError(`publishing to NATS failed (${detail}): ${this.#pending.length} event(s) wait and are retried`, {
              cause: firstError,
            }),
          });
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.#backoff.next());
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.#wake = undefined;
      }
    } finally {
      this.#pumping = false;
      if (this.#pending.length === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }
}
