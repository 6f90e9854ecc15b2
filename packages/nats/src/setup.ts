import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { NatsStreamConflictError } from './errors.js';

/** The stream the bridge publishes to and consumes from, with its documented defaults. */
export interface StreamSettings {
  /** Stream name. Default `VMSC`. */
  name?: string;
  /** How long events are kept, ms. Default 24 hours. */
  maxAgeMs?: number;
  /** The window in which a republished event (same id) is stored once, ms. Default 2 minutes. */
  duplicateWindowMs?: number;
  /** Replicas in a NATS cluster (1, 3 or 5). Default 1. */
  replicas?: number;
  /** `file` (default: survives a NATS restart) or `memory`. */
  storage?: 'file' | 'memory';
}

/** The settings with every default filled in. */
export type ResolvedStreamSettings = Required<StreamSettings>;

/** Fills in the defaults of {@link StreamSettings}. */
export function resolveStream(settings: StreamSettings = {}): ResolvedStreamSettings {
  return {
    name: settings.name ?? 'VMSC',
    maxAgeMs: settings.maxAgeMs ?? 24 * 3_600_000,
    duplicateWindowMs: settings.duplicateWindowMs ?? 120_000,
    replicas: settings.replicas ?? 1,
    storage: settings.storage ?? 'file',
  };
}

const nanos = (ms: number) => ms * 1_000_000;

/**
 * Creates the stream (subjects `<prefix>.>`, limits retention) or checks an existing one: it must
 * capture `<prefix>.>` with limits retention and the same storage, else {@link NatsStreamConflictError}.
 * Age, duplicate window and replicas of an existing stream are left as they are (an operator may have
 * tuned them).
 */
export async function ensureStream(jsm: JetStreamManager, prefix: string, settings: ResolvedStreamSettings): Promise<void> {
  const subject = `${prefix}.>`;
  const storage = settings.storage === 'memory' ? StorageType.Memory : StorageType.File;
  let existing: StreamConfig | undefined;
  try {
    existing = (await jsm.streams.info(settings.name)).config;
  } catch (error) {
    if (!/stream not found/i.test(String((error as Error).message))) throw error;
  }
  if (!existing) {
    await jsm.streams.add({
      name: settings.name,
      subjects: [subject],
      retention: RetentionPolicy.Limits,
      storage,
      max_age: nanos(settings.maxAgeMs),
      duplicate_window: nanos(settings.duplicateWindowMs),
      num_replicas: settings.replicas,
    });
    return;
  }
  const problems: string[] = [];
  if (!existing.subjects?.includes(subject))
    problems.push(`its subjects are ${JSON.stringify(existing.subjects ?? [])}, not ["${subject}"]`);
  if (existing.retention !== RetentionPolicy.Limits) problems.push(`its retention is "${existing.retention}", not "limits"`);
  if (existing.storage !== storage) problems.push(`its storage is "${existing.storage}", not "${storage}"`);
  if (problems.length > 0) {
    throw new NatsStreamConflictError(settings.name, `the JetStream stream "${settings.name}" exists but ${problems.join('; ')}`);
  }
}

/**
 * Creates the durable consumer (explicit acks, from the start of the stream, filtered by `subjects`)
 * or checks an existing one: same filter and explicit acks, else {@link NatsStreamConflictError}. An
 * existing durable resumes where it stopped.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  subjects: readonly string[],
  ackWaitMs: number,
): Promise<void> {
  let existing: { filter_subject?: string; filter_subjects?: string[]; ack_policy: AckPolicy } | undefined;
  try {
    existing = (await jsm.consumers.info(stream, durable)).config;
  } catch (error) {
    if (!/consumer not found/i.test(String((error as Error).message))) throw error;
  }
  if (!existing) {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ackWaitMs),
      ...(subjects.length === 1 ? { filter_subject: subjects[0] } : { filter_subjects: [...subjects] }),
    });
    return;
  }
  const filters = existing.filter_subjects ?? (existing.filter_subject ? [existing.filter_subject] : []);
  const same = filters.length === subjects.length && subjects.every((subject) => filters.includes(subject));
  if (!same || existing.ack_policy !== AckPolicy.Explicit) {
    throw new NatsStreamConflictError(
      stream,
      `the durable consumer "${durable}" of "${stream}" exists with filter ${JSON.stringify(filters)} and ack policy "${existing.ack_policy}"; the bridge wants ${JSON.stringify(subjects)} with explicit acks`,
    );
  }
}
