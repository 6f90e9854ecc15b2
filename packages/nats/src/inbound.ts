import { parseEvent, RecentIds, type BusNotice, type EventBus, type StreamEvent } from '@vmsc/core';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { NatsPoisonEventError } from './errors.js';
import { messageIdOf } from './subjects.js';

/** What the consumer works with. */
export interface InboundParts {
  js: JetStreamClient;
  stream: string;
  durable: string;
  /** Where delivered events are published. */
  bus: EventBus;
  /** Ids delivered lately: a redelivery (or an event of this process coming back) is acknowledged, not delivered again. */
  seen: RecentIds;
  /** Marks an event as arrived from NATS, so that the publisher does not send it back. */
  arrived(event: StreamEvent): void;
  id: string;
  notify(notice: BusNotice): void;
}

/**
 * Delivers the events of a durable JetStream consumer into a local bus: each message is parsed and
 * validated (`parseEvent`), published, then acknowledged, so an event the process did not get to is
 * redelivered after a crash. Redeliveries are delivered once (by {@link messageIdOf}). A poison message (not JSON,
 * not a valid event) is reported (`NATS_POISON_EVENT`), acknowledged and skipped: it never blocks the
 * stream.
 */
export class InboundConsumer {
  readonly #parts: InboundParts;
  #messages: ConsumerMessages | undefined;
  #loop: Promise<void> | undefined;
  #delivered = 0;

  constructor(parts: InboundParts) {
    this.#parts = parts;
  }

  /** Events delivered into the bus. */
  get delivered(): number {
    return this.#delivered;
  }

  /** Starts consuming. */
  async start(): Promise<void> {
    const consumer = await this.#parts.js.consumers.get(this.#parts.stream, this.#parts.durable);
    const messages = await consumer.consume({ max_messages: 256 });
    this.#messages = messages;
    this.#loop = (async () => {
      for await (const message of messages) this.#handle(message);
    })().catch((error: unknown) => {
      this.#parts.notify({
        kind: 'error',
        origin: this.#parts.id,
        error: new NatsPoisonEventError('', 0, `the NATS consumer "${this.#parts.durable}" stopped: ${String(error)}`, { cause: error }),
      });
    });
  }

  /** Stops consuming (messages not yet acknowledged are redelivered to the durable later). */
  async stop(): Promise<void> {
    this.#messages?.stop();
    await this.#loop;
  }

  #handle(message: JsMsg): void {
    let input: unknown;
    try {
      input = message.json();
    } catch (error) {
      this.#poison(message, `not JSON: ${(error as Error).message}`);
      return;
    }
    const parsed = parseEvent(input);
    if (!parsed.ok) {
      this.#poison(
        message,
        `not a valid event: ${parsed.error.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
      );
      return;
    }
    const event = parsed.event;
    if (this.#parts.seen.add(messageIdOf(event))) {
      this.#parts.arrived(event);
      this.#parts.bus.publish(event);
      this.#delivered++;
    }
    message.ack();
  }

  #poison(message: JsMsg, why: string): void {
    this.#parts.notify({
      kind: 'error',
      origin: this.#parts.id,
      error: new NatsPoisonEventError(message.subject, message.seq, `message ${message.seq} on ${message.subject} skipped: ${why}`),
    });
    message.ack();
  }
}
