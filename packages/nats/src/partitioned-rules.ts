import { parseEvent, RecentIds, VmscError, type BusNotice, type EventBus } from '@vmsc/core';
import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { NatsPoisonEventError } from './errors.js';
import { ChannelLeases } from './leases.js';
import { partitionFilter } from './partitions.js';
import { ensureStream, resolveStream, type StreamSettings } from './setup.js';
import { DEFAULT_SUBJECT_PREFIX, messageIdOf } from './subjects.js';

/** What runs one partition's events: a bus with its rule engine on it, and the engine's state. */
export interface PartitionRunner {
  /** The bus the partition's events are published on (its rule engine listens to it). */
  bus: EventBus;
  /** The state to checkpoint with the stream position (e.g. `engine.getState()`): plain JSON. */
  getState(): unknown;
  /** The partition moved away or the process stops: stop its engine. */
  close(): void | Promise<void>;
}

/** Options of {@link PartitionedRules}. */
export interface PartitionedRulesOptions {
  /** An open NATS connection (JetStream enabled). */
  connection: NatsConnection;
  /** This process's id, unique among the rules processes. */
  ownerId: string;
  /** How many partitions the stream is split into (the publishers' `partitions`). */
  partitions: number;
  /** How many partitions this process runs at most. Default all. */
  capacity?: number;
  /** The stream (created if missing, checked if present, as by {@link NatsBridge}) and subject prefix (default `vmsc`) the publishers use. */
  stream?: StreamSettings;
  subjectPrefix?: string;
  /** Lease bucket (default `vmsc-rule-partitions`) and timing, as in {@link ChannelLeases}. */
  bucket?: string;
  ttlMs?: number;
  renewEveryMs?: number;
  /** KV bucket of the checkpoints (state + stream position per partition). Default `vmsc-rule-state`. */
  stateBucket?: string;
  /** How often a partition's checkpoint is written when it changed, ms. Default 1,000. */
  checkpointEveryMs?: number;
  /** Builds the runner of a partition this process just got, from its last checkpointed state (absent the first time). */
  open(partition: number, state: unknown): PartitionRunner | Promise<PartitionRunner>;
  /** Where problems go (poison messages, failed checkpoints, lost partitions). */
  notify?(notice: BusNotice): void;
}

interface Checkpoint {
  /** The stream sequence of the last event whose rules ran (0: none). */
  seq: number;
  state: unknown;
}

interface Running {
  partition: number;
  runner: PartitionRunner;
  messages: ConsumerMessages;
  loop: Promise<void>;
  /** Last processed stream sequence, and the one in the last checkpoint. */
  seq: number;
  savedSeq: number;
  /** Revision of the checkpoint key (0: not written yet). */
  revision: number;
  seen: RecentIds;
  saving?: Promise<void> | undefined;
  saveFailing?: boolean;
}

/**
 * Rule engines partitioned by channel across processes. The publishers
 * (`new NatsBridge({ partitions })`) put each event on `<prefix>.p<n>.…`, `n` a hash of its channel;
 * each partition is a lease ({@link ChannelLeases}) held by one rules process, which runs that
 * partition's events through its own {@link PartitionRunner} (a bus and a rule engine), so one
 * channel's rules (cooldowns, counters, queues) run in one place.
 *
 * Position and state are one **checkpoint** per partition in a KV bucket: `{ seq, state }` written
 * together (revision-checked, so a process that lost its lease cannot overwrite its successor's). A
 * process that gets a partition loads its checkpoint and reads the stream from `seq + 1` (an ordered
 * consumer: the checkpoint, not a consumer's ack floor, is the position, because an ack cannot be
 * atomic with the state). A process that dies is replaced when its lease expires: its successor
 * re-runs the events after the last checkpoint on the checkpointed state, so the **state** sees each
 * event once; actions with effects outside the state (chat, http, overlay) of those events run again
 * (at most `checkpointEveryMs` of them).
 */
export class PartitionedRules {
  readonly #options: PartitionedRulesOptions;
  readonly #leases: ChannelLeases;
  readonly #running = new Map<number, Running>();
  readonly #prefix: string;
  readonly #retries = new Map<number, ReturnType<typeof setTimeout>>();
  #kv: KV | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #stopped = false;

  constructor(options: PartitionedRulesOptions) {
    if (!Number.isInteger(options.partitions) || options.partitions < 1)
      throw new VmscError('INVALID_OPTIONS', `partitions must be a positive integer, got ${options.partitions}`);
    this.#options = options;
    this.#prefix = options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
    this.#leases = new ChannelLeases({
      connection: options.connection,
      workerId: options.ownerId,
      channels: Array.from({ length: options.partitions }, (_, n) => `p${n}`),
      capacity: options.capacity ?? options.partitions,
      bucket: options.bucket ?? 'vmsc-rule-partitions',
      ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}),
      ...(options.renewEveryMs ? { renewEveryMs: options.renewEveryMs } : {}),
      ...(options.notify ? { notify: options.notify } : {}),
      acquired: (key) => this.#open(Number(key.slice(1))),
      released: (key, reason) => this.#close(Number(key.slice(1)), reason === 'released'),
    });
  }

  /** The partitions this process runs now. */
  get partitions(): number[] {
    return [...this.#running.keys()].sort((a, b) => a - b);
  }

  /** The runner of a partition this process runs. */
  runner(partition: number): PartitionRunner | undefined {
    return this.#running.get(partition)?.runner;
  }

  /** Opens the checkpoint bucket and claims partitions. */
  async start(): Promise<void> {
    await ensureStream(await jetstreamManager(this.#options.connection), this.#prefix, resolveStream(this.#options.stream));
    this.#kv = await new Kvm(this.#options.connection).create(this.#options.stateBucket ?? 'vmsc-rule-state', { history: 1 });
    await this.#leases.start();
    this.#timer = setInterval(() => void this.checkpoint(), this.#options.checkpointEveryMs ?? 1_000);
  }

  /** Checkpoints every partition, gives the leases back (others take over at once) and closes the runners. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    for (const timer of this.#retries.values()) clearTimeout(timer);
    this.#retries.clear();
    await this.#leases.stop();
  }

  /** Writes the checkpoint of every partition that moved since its last one (also done every `checkpointEveryMs`). */
  async checkpoint(): Promise<void> {
    await Promise.all([...this.#running.values()].map((running) => this.#save(running)));
  }

  /** Opens a partition; a failure is reported and retried every second while the lease is held. */
  async #open(partition: number): Promise<void> {
    try {
      await this.#openPartition(partition);
    } catch (error) {
      this.#retryLater(partition);
      this.#options.notify?.({
        kind: 'error',
        origin: `rules:${this.#options.ownerId}`,
        error: new VmscError('NATS_PARTITION_FAILED', `partition ${partition} could not be opened: ${String(error)}`, { cause: error }),
      });
    }
  }

  /** Opens the partition again in a second if this process still holds its lease and does not run it. */
  #retryLater(partition: number): void {
    clearTimeout(this.#retries.get(partition));
    this.#retries.set(
      partition,
      setTimeout(() => {
        this.#retries.delete(partition);
        if (!this.#stopped && this.#leases.held.includes(`p${partition}`) && !this.#running.has(partition)) void this.#open(partition);
      }, 1_000),
    );
  }

  async #openPartition(partition: number): Promise<void> {
    const kv = this.#kv!;
    const entry = await kv.get(`p${partition}`);
    const saved =
      entry && entry.operation === 'PUT' ? (entry.json<Checkpoint>() ?? { seq: 0, state: undefined }) : { seq: 0, state: undefined };
    const runner = await this.#options.open(partition, saved.state);
    const js = jetstream(this.#options.connection);
    const consumer = await js.consumers.get(resolveStream(this.#options.stream).name, {
      // One subject as a string: nats-server before 2.10 has no multi-filter consumers.
      filter_subjects: partitionFilter(this.#prefix, partition),
      ...(saved.seq > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: saved.seq + 1 }
        : { deliver_policy: DeliverPolicy.All }),
    });
    const messages = await consumer.consume({ max_messages: 256 });
    const running: Running = {
      partition,
      runner,
      messages,
      loop: Promise.resolve(),
      seq: saved.seq,
      savedSeq: saved.seq,
      revision: entry?.revision ?? 0,
      seen: new RecentIds(10_000),
    };
    running.loop = (async () => {
      for await (const message of messages) {
        running.seq = message.seq;
        let input: unknown;
        try {
          input = message.json();
        } catch {
          this.#poison(message.subject, message.seq, 'not JSON');
          continue;
        }
        const parsed = parseEvent(input);
        if (!parsed.ok) {
          this.#poison(message.subject, message.seq, `not a valid event: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
          continue;
        }
        if (running.seen.add(messageIdOf(parsed.event))) runner.bus.publish(parsed.event);
      }
    })();
    this.#running.set(partition, running);
  }

  async #close(partition: number, graceful: boolean): Promise<void> {
    clearTimeout(this.#retries.get(partition));
    this.#retries.delete(partition);
    const running = this.#running.get(partition);
    if (!running) return;
    this.#running.delete(partition);
    running.messages.stop();
    await running.loop.catch(() => undefined);
    if (graceful) await this.#save(running);
    await running.runner.close();
  }

  #save(running: Running): Promise<void> {
    if (running.saving) return running.saving;
    if (running.seq === running.savedSeq) return Promise.resolve();
    const seq = running.seq;
    const value = JSON.stringify({ seq, state: running.runner.getState() } satisfies Checkpoint);
    const key = `p${running.partition}`;
    const kv = this.#kv!;
    running.saving = (running.revision === 0 ? kv.create(key, value) : kv.update(key, value, running.revision))
      .then(
        (revision) => {
          running.revision = revision;
          running.savedSeq = seq;
          running.saveFailing = false;
        },
        (error: unknown) => {
          const detail = error instanceof Error ? error.message : String(error);
          if (!/wrong last sequence/i.test(detail)) {
            // NATS unreachable or slow: the events stay unacknowledged in the checkpoint's sense; the next round retries.
            if (!running.saveFailing)
              this.#options.notify?.({
                kind: 'error',
                origin: `rules:${this.#options.ownerId}`,
                error: new VmscError(
                  'NATS_CHECKPOINT_FAILED',
                  `the checkpoint of partition ${running.partition} was not written (${detail}): retrying`,
                  {
                    cause: error,
                  },
                ),
              });
            running.saveFailing = true;
            return;
          }
          // Another process wrote the checkpoint: stop running the partition here; if this process
          // still holds its lease a second later, it reopens it from that checkpoint.
          this.#options.notify?.({
            kind: 'error',
            origin: `rules:${this.#options.ownerId}`,
            error: new VmscError(
              'NATS_CHECKPOINT_FAILED',
              `the checkpoint of partition ${running.partition} was written by another process (${detail}): it stops here`,
              { cause: error },
            ),
          });
          void this.#close(running.partition, false).then(() => this.#retryLater(running.partition));
        },
      )
      .finally(() => (running.saving = undefined));
    return running.saving;
  }

  #poison(subject: string, seq: number, why: string): void {
    this.#options.notify?.({
      kind: 'error',
      origin: `rules:${this.#options.ownerId}`,
      error: new NatsPoisonEventError(subject, seq, `message ${seq} on ${subject} skipped: ${why}`),
    });
  }
}
