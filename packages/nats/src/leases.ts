import { VmscError, type BusNotice } from '@vmsc/core';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';

/** Options of {@link ChannelLeases}. */
export interface ChannelLeasesOptions {
  /** An open NATS connection (JetStream enabled on the server). */
  connection: NatsConnection;
  /** This worker's id, unique among the workers (stored as the lease's value). */
  workerId: string;
  /** Every channel to be watched by some worker (e.g. `kick:xqc`). Keys may hold letters, digits, `-`, `_`, `=`, `.`, `/`. */
  channels: readonly string[];
  /** How many channels this worker takes at most. */
  capacity: number;
  /** The KV bucket holding the leases. Default `vmsc-leases`. */
  bucket?: string;
  /**
   * How long a lease lives without renewal, ms: a dead worker's channels are taken over within about
   * this plus one renewal period. Default 10,000 (the documented failover time).
   */
  ttlMs?: number;
  /** How often leases are renewed and free channels claimed, ms. Default `ttlMs / 3`. */
  renewEveryMs?: number;
  /** A channel is now this worker's: connect its connector. */
  acquired(channel: string): void | Promise<void>;
  /** A channel is no longer this worker's (`lost`: another worker holds it now, or the lease expired; `released`: on stop): disconnect it. */
  released(channel: string, reason: 'lost' | 'released'): void | Promise<void>;
  /** Where problems go (a failed renewal round), as bus notices. */
  notify?(notice: BusNotice): void;
}

/** A lease key for a channel: KV keys allow `[-/_=.a-zA-Z0-9]`; anything else becomes `_`. */
export function leaseKey(channel: string): string {
  return channel.replace(/[^-/_=.a-zA-Z0-9]/g, '_');
}

/**
 * Shares channels among workers with leases in a JetStream KV bucket (NATS does the distributed
 * part): a worker claims a free channel with create-if-absent, renews each lease it holds before
 * its TTL with a revision-checked update, and gives a lease up when the update finds another
 * revision (another worker took the channel). The bucket's TTL expires the leases of a worker that
 * died, and the others take its channels over at their next round, up to their capacity.
 *
 * During a hand-off the old and the new worker may both see a channel's messages for a moment: the
 * connectors' platform message-id dedupe (and the bus's) keep each message once.
 */
export class ChannelLeases {
  readonly #options: ChannelLeasesOptions;
  readonly #held = new Map<string, { channel: string; revision: number }>();
  readonly #ttlMs: number;
  #kv: KV | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #round: Promise<void> | undefined;
  #stopped = false;

  constructor(options: ChannelLeasesOptions) {
    this.#options = options;
    this.#ttlMs = options.ttlMs ?? 10_000;
  }

  /** The channels this worker holds now. */
  get held(): string[] {
    return [...this.#held.values()].map((lease) => lease.channel);
  }

  /** Opens (or creates) the bucket and runs the first round: this worker claims what it can. */
  async start(): Promise<void> {
    this.#kv = await new Kvm(this.#options.connection).create(this.#options.bucket ?? 'vmsc-leases', { history: 1, ttl: this.#ttlMs });
    await this.#runRound();
    this.#schedule();
  }

  /** Stops renewing and gives every lease back (so others take over at once). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#round;
    const kv = this.#kv;
    for (const [key, lease] of this.#held) {
      this.#held.delete(key);
      await kv?.delete(key, { previousSeq: lease.revision }).catch(() => undefined);
      await this.#options.released(lease.channel, 'released');
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(
      () => {
        void this.#runRound().finally(() => this.#schedule());
      },
      this.#options.renewEveryMs ?? Math.max(100, Math.floor(this.#ttlMs / 3)),
    );
  }

  #runRound(): Promise<void> {
    this.#round = this.#renewAndClaim().catch((error: unknown) => {
      this.#options.notify?.({
        kind: 'error',
        origin: `leases:${this.#options.workerId}`,
        error: new VmscError('NATS_LEASES_FAILED', `a lease round failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        }),
      });
    });
    return this.#round;
  }

  async #renewAndClaim(): Promise<void> {
    const kv = this.#kv!;
    const { workerId } = this.#options;
    for (const [key, lease] of [...this.#held]) {
      if (this.#stopped) return;
      try {
        lease.revision = await kv.update(key, workerId, lease.revision);
      } catch {
        this.#held.delete(key);
        await this.#options.released(lease.channel, 'lost');
      }
    }
    if (this.#held.size >= this.#options.capacity) return;
    // One listing per round: only the channels nobody holds are tried.
    const taken = new Set<string>();
    for await (const key of await kv.keys()) taken.add(key);
    for (const channel of this.#options.channels) {
      if (this.#stopped || this.#held.size >= this.#options.capacity) return;
      const key = leaseKey(channel);
      if (this.#held.has(key) || taken.has(key)) continue;
      let revision: number;
      try {
        revision = await kv.create(key, workerId);
      } catch {
        continue; // held by another worker
      }
      this.#held.set(key, { channel, revision });
      try {
        await this.#options.acquired(channel);
      } catch (error) {
        // This worker cannot run the channel: say so, and give the lease back for another worker.
        this.#held.delete(key);
        this.#options.notify?.({
          kind: 'error',
          origin: `leases:${workerId}`,
          error: new VmscError(
            'NATS_LEASE_START_FAILED',
            `could not start ${channel} after taking its lease (given back): ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          ),
        });
        await kv.delete(key, { previousSeq: revision }).catch(() => undefined);
      }
    }
  }
}
