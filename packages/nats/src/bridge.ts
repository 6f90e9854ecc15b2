import { RecentIds, type BackoffOptions, type EventBus, type StreamEvent, type Unsubscribe } from '@vmsc/core';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import { InboundConsumer } from './inbound.js';
import { OutboundPublisher } from './outbound.js';
import { ensureConsumer, ensureStream, resolveStream, type StreamSettings } from './setup.js';
import { DEFAULT_SUBJECT_PREFIX, messageIdOf, subjectToken } from './subjects.js';

/** What the bridge consumes from JetStream into a local bus. */
export interface NatsConsumeOptions {
  /** The durable consumer's name: a restarted process with the same name resumes where it stopped. */
  durable: string;
  /**
   * Subjects to consume (default every event: `<prefix>.>`); e.g. `["vmsc.kick.>"]`, or
   * `["vmsc.*.chat"]`. Use {@link subjectToken} for sources and types.
   */
  subjects?: readonly string[];
  /** The bus delivered events go to. Default: the bridge's `bus`. */
  bus?: EventBus;
  /** How long JetStream waits for an acknowledgement before it redelivers, ms. Default 30 s. */
  ackWaitMs?: number;
}

/** Options of {@link NatsBridge}. */
export interface NatsBridgeOptions {
  /** The local bus whose events are published (and, by default, into which consumed events go). */
  bus: EventBus;
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  servers: string | readonly string[];
  /**
   * Further connection options of the official client (`user`/`pass`, `token`, `authenticator`,
   * `tls`...): read credentials from the environment yourself, never from a config file.
   */
  connection?: Omit<NodeConnectionOptions, 'servers'>;
  /** The bridge's id in notices. Default `nats`. */
  id?: string;
  /** Subject prefix: events go to `<prefix>.<source>.<type>`. Default `vmsc`. */
  subjectPrefix?: string;
  /**
   * Partition the published events by channel: events go to `<prefix>.p<n>.<source>.<type>`, `n` =
   * {@link partitionOf} the event's {@link channelKeyOf} (for {@link PartitionedRules}). Absent: the
   * unpartitioned `<prefix>.<source>.<type>` of before. Every publisher of a stream must use the same number.
   */
  partitions?: number;
  /** The stream and its defaults (created if missing, checked if present). */
  stream?: StreamSettings;
  /**
   * Publish the bus's events to JetStream (default `true`), with options: `filter` (which events;
   * default all but those that came from NATS), `maxBuffered` (events kept while NATS is unreachable,
   * default 10,000), `maxInFlight` (default 256), `publishTimeoutMs` (default 5,000).
   */
  publish?: boolean | { filter?: (event: StreamEvent) => boolean; maxBuffered?: number; maxInFlight?: number; publishTimeoutMs?: number };
  /** Consume from JetStream into a bus (a durable consumer); absent: publish only. */
  consume?: NatsConsumeOptions;
  /** Backoff between publish retries while NATS is unreachable. Default 100 ms doubling to 5 s. */
  backoff?: BackoffOptions;
  /** How many event ids are remembered to deliver a redelivery once. Default 100,000. */
  idMemory?: number;
}

/**
 * Carries an {@link EventBus} over NATS JetStream, with the official client:
 *
 * - **Out**: every event published on the bus goes to the stream at `vmsc.<source>.<type>` with
 *   `Nats-Msg-Id` = the platform's message id when known (`kick:<id>`), else the event id, so a
 *   republish after a reconnect, or the same platform message heard by two workers, is stored once. While NATS is
 *   unreachable, events wait in a bounded buffer (reported; an overflow is a `gap` notice) and go out
 *   when it is back.
 * - **In**: a durable consumer (explicit acks) delivers the stream's events into a bus: an event is
 *   acknowledged after the bus delivered it, a redelivery is delivered once (by id), a poison message
 *   is reported, acknowledged and skipped. A restarted process resumes from the consumer's position.
 *
 * At-least-once on the wire, once per id on the bus.
 *
 * @example
 * ```ts
 * const bridge = new NatsBridge({ bus, servers: 'nats://127.0.0.1:4222', consume: { durable: 'rules-1' } });
 * await bridge.start();
 * // ... later
 * await bridge.stop();
 * ```
 */
export class NatsBridge {
  readonly #options: NatsBridgeOptions;
  readonly #id: string;
  readonly #prefix: string;
  /** Events that came from NATS: never sent back. */
  readonly #arrived = new WeakSet<StreamEvent>();
  /** Ids this process published: when they come back through the consumer they are not delivered again. */
  readonly #seen: RecentIds;
  #nc: NatsConnection | undefined;
  #outbound: OutboundPublisher | undefined;
  #inbound: InboundConsumer | undefined;
  #unsubscribe: Unsubscribe | undefined;
  #statusLoop: Promise<void> | undefined;

  constructor(options: NatsBridgeOptions) {
    this.#options = options;
    this.#id = options.id ?? 'nats';
    this.#prefix = options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
    this.#seen = new RecentIds(options.idMemory ?? 100_000);
  }

  /** Events waiting to be stored in JetStream. */
  get buffered(): number {
    return this.#outbound?.buffered ?? 0;
  }

  /** Events delivered from JetStream into the bus. */
  get delivered(): number {
    return this.#inbound?.delivered ?? 0;
  }

  /**
   * Connects, creates or checks the stream (and the durable consumer), then starts publishing and
   * consuming.
   *
   * @throws {@link NatsStreamConflictError} when the stream or consumer exists with a conflicting configuration.
   */
  async start(): Promise<void> {
    const options = this.#options;
    const servers = typeof options.servers === 'string' ? options.servers : [...options.servers];
    const nc = await connect({ maxReconnectAttempts: -1, reconnectTimeWait: 250, name: this.#id, ...options.connection, servers });
    this.#nc = nc;
    this.#statusLoop = this.#watchStatus(nc);
    const stream = resolveStream(options.stream);
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, this.#prefix, stream);
    const js: JetStreamClient = jetstream(nc);
    const notify = options.bus.notify.bind(options.bus);
    if (options.consume) {
      const subjects = options.consume.subjects ?? [`${this.#prefix}.>`];
      await ensureConsumer(jsm, stream.name, options.consume.durable, subjects, options.consume.ackWaitMs ?? 30_000);
      this.#inbound = new InboundConsumer({
        js,
        stream: stream.name,
        durable: options.consume.durable,
        bus: options.consume.bus ?? options.bus,
        seen: this.#seen,
        arrived: (event) => this.#arrived.add(event),
        id: this.#id,
        notify,
      });
      await this.#inbound.start();
    }
    if (options.publish !== false) {
      const publish = typeof options.publish === 'object' ? options.publish : {};
      const outbound = new OutboundPublisher({
        js,
        prefix: this.#prefix,
        partitions: options.partitions,
        maxBuffered: publish.maxBuffered ?? 10_000,
        maxInFlight: publish.maxInFlight ?? 256,
        publishTimeoutMs: publish.publishTimeoutMs ?? 5_000,
        backoff: options.backoff ?? { initialDelayMs: 100, maxDelayMs: 5_000, jitterMs: 100 },
        id: this.#id,
        notify,
      });
      this.#outbound = outbound;
      const filter = publish.filter;
      this.#unsubscribe = options.bus.onAny((event) => {
        if (this.#arrived.has(event) || (filter && !filter(event))) return;
        this.#seen.add(messageIdOf(event));
        outbound.offer(event);
      });
    }
  }

  /**
   * Stops: no new events are taken, buffered ones get `flushTimeoutMs` (default 5 s) to be stored,
   * the consumer stops (unacknowledged messages are redelivered later) and the connection drains.
   * Returns how many events were left unsent.
   */
  async stop(options: { flushTimeoutMs?: number } = {}): Promise<number> {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const outbound = this.#outbound;
    if (outbound) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        outbound.drained(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, options.flushTimeoutMs ?? 5_000))),
      ]);
      clearTimeout(timer);
      outbound.close();
    }
    await this.#inbound?.stop();
    const left = outbound?.buffered ?? 0;
    const nc = this.#nc;
    this.#nc = undefined;
    if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
    await this.#statusLoop;
    return left;
  }

  /** Reports the connection's drops and returns as `status` notices. */
  async #watchStatus(nc: NatsConnection): Promise<void> {
    const bus = this.#options.bus;
    let previous: 'connected' | 'reconnecting' = 'connected';
    for await (const status of nc.status()) {
      const next = status.type === 'disconnect' ? 'reconnecting' : status.type === 'reconnect' ? 'connected' : undefined;
      if (!next || next === previous) continue;
      bus.notify({ kind: 'status', connector: this.#id, source: 'nats', status: next, previous });
      previous = next;
    }
  }
}
