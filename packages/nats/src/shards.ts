import { isVmscError, VmscError, type BusNotice, type Connector } from '@vmsc/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { ChannelLeases } from './leases.js';

/** Options of {@link ConnectorShards}. */
export interface ConnectorShardsOptions {
  connection: NatsConnection;
  /** This worker's id, unique among the workers. */
  workerId: string;
  /** Every channel to be watched by some worker. */
  channels: readonly string[];
  /** How many channels this worker watches at most. */
  capacity: number;
  /** Builds the connector of a channel this worker just got (publishing to the worker's bus). */
  create(channel: string): Connector;
  /** The lease bucket and timing (see {@link ChannelLeases}). */
  bucket?: string;
  ttlMs?: number;
  renewEveryMs?: number;
  /** Where problems go (a connector that failed to connect, a failed lease round), as bus notices. */
  notify?(notice: BusNotice): void;
}

/**
 * A worker's share of the channels: it holds leases ({@link ChannelLeases}) and runs one connector
 * per channel it holds: connected when the lease is acquired, disconnected when it is lost or given
 * back. With a {@link NatsBridge} publishing the worker's bus, many workers watch thousands of
 * channels and a dead worker's channels move to the others.
 */
export class ConnectorShards {
  readonly #options: ConnectorShardsOptions;
  readonly #connectors = new Map<string, Connector>();
  readonly #leases: ChannelLeases;

  constructor(options: ConnectorShardsOptions) {
    this.#options = options;
    this.#leases = new ChannelLeases({
      connection: options.connection,
      workerId: options.workerId,
      channels: options.channels,
      capacity: options.capacity,
      ...(options.bucket ? { bucket: options.bucket } : {}),
      ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}),
      ...(options.renewEveryMs ? { renewEveryMs: options.renewEveryMs } : {}),
      ...(options.notify ? { notify: options.notify } : {}),
      acquired: (channel) => this.#connect(channel),
      released: (channel) => this.#disconnect(channel),
    });
  }

  /** The channels this worker watches now. */
  get channels(): string[] {
    return [...this.#connectors.keys()];
  }

  /** Starts claiming channels. */
  start(): Promise<void> {
    return this.#leases.start();
  }

  /** Gives every channel back and disconnects its connector. */
  stop(): Promise<void> {
    return this.#leases.stop();
  }

  #connect(channel: string): void {
    const connector = this.#options.create(channel);
    this.#connectors.set(channel, connector);
    // connect() stays pending while it retries: its status notices tell how it goes.
    connector.connect().catch((error: unknown) => {
      this.#options.notify?.({
        kind: 'error',
        origin: `worker:${this.#options.workerId}`,
        error: isVmscError(error)
          ? error
          : new VmscError('CONNECTOR_FAILED', `the connector of ${channel} stopped: ${String(error)}`, { cause: error }),
      });
    });
  }

  async #disconnect(channel: string): Promise<void> {
    const connector = this.#connectors.get(channel);
    this.#connectors.delete(channel);
    await connector?.disconnect();
  }
}
