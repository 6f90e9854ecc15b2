import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BaseConnector, ConnectionError, createEvent, EventBus, type StreamEvent } from '@vmsc/core';
import { closeAllFakes, startWsServer } from '../src/index.js';
import { connectorContract, type ContractHarness, type ReconnectGap } from '../src/contract/index.js';
import { contractChecks, recordRun } from '../src/contract/checks.js';

/** How a {@link TinyConnector} misbehaves (nothing: it keeps the contract). */
interface Faults {
  /** Publishes every frame this many times, each with a new id. */
  copies?: number;
  /** Publishes every frame twice with the same id (the bus drops the repeat; `health.eventCount` does not). */
  sameIdTwice?: boolean;
  /** Reports no gap after a reconnect. */
  silentGap?: boolean;
  /** Reports the gap as starting after the reconnect (it does not cover the loss). */
  lateGap?: boolean;
}

/** The smallest connector: each text frame of a WebSocket server is one chat event; reconnects with a gap. */
class TinyConnector extends BaseConnector {
  #socket: WebSocket | undefined;
  constructor(
    bus: EventBus,
    readonly url: string,
    readonly faults: Faults = {},
  ) {
    super('tiny', { bus, backoff: { initialDelayMs: 20, jitterMs: 0 } });
  }

  connect(): Promise<void> {
    return this.startConnecting(() => this.#open());
  }

  async disconnect(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.terminate();
    this.markDisconnected(new ConnectionError('disconnected'));
  }

  protected override reportGap(from: number, to: number, reason: string): void {
    if (this.faults.silentGap) return;
    super.reportGap(this.faults.lateGap ? to + 1_000 : from, this.faults.lateGap ? to + 2_000 : to, reason);
  }

  #open(): void {
    const socket = new WebSocket(this.url);
    this.#socket = socket;
    socket.on('open', () => this.markConnected('the tiny server does not replay'));
    socket.on('message', (data) => {
      const event = (): StreamEvent =>
        createEvent({ source: 'tiny', type: 'chat', user: { id: '1', username: 'ann', nickname: 'Ann' }, data: { message: String(data) } });
      const first = event();
      this.publish(first);
      if (this.faults.sameIdTwice) this.publish(first);
      for (let copy = 1; copy < (this.faults.copies ?? 1); copy++) this.publish(event());
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.markLost(new ConnectionError('the tiny server went away'), () => this.#open());
    });
  }
}

async function tinyHarness(faults: Faults = {}, reconnectGap: ReconnectGap = 'reported'): Promise<ContractHarness> {
  const server = await startWsServer();
  const bus = new EventBus();
  return {
    connector: new TinyConnector(bus, server.url, faults),
    bus,
    reconnectGap,
    async sendEvent() {
      await server.nextConnection({ existing: true });
      server.broadcast('hello');
    },
    dropConnection: async () => server.dropAll(),
    close: () => server.close(),
  };
}

// A connector that keeps the contract passes it.
connectorContract('tiny in-file connector', () => tinyHarness());

describe('the contract suite catches a connector that breaks it', () => {
  const harnesses: ContractHarness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.connector.disconnect();
    await closeAllFakes();
  });

  const check = (prefix: string) => contractChecks.find((candidate) => candidate.name.startsWith(prefix))!;
  const failureOf = async (name: string, faults: Faults, reconnectGap?: ReconnectGap): Promise<string> => {
    const harness = await tinyHarness(faults, reconnectGap);
    harnesses.push(harness);
    const run = recordRun(harness, { timeoutMs: 500, settleMs: 100 });
    const error = await check(name)
      .run(run)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error, `"${name}" should fail`).toBeInstanceOf(Error);
    return (error as Error).message;
  };

  it('two events for one sendEvent()', async () => {
    expect(await failureOf('publishes each platform event', { copies: 2 })).toMatch(/exactly one StreamEvent/);
    expect(await failureOf('reconnects by itself', { copies: 2 })).toMatch(/exactly one StreamEvent/);
    expect(await failureOf('disconnect()', { copies: 2 })).toMatch(/exactly one StreamEvent/);
  });

  it('a repeated event the bus drops as a duplicate still counts twice in health.eventCount', async () => {
    expect(await failureOf('publishes each platform event', { sameIdTwice: true })).toMatch(/eventCount must grow by one/);
  });

  it('no gap after a reconnect that can lose events', async () => {
    const message = await failureOf('reconnects by itself', { silentGap: true });
    expect(message).toMatch(/a gap notice on the bus/);
  });

  it('a gap that does not cover the lost interval', async () => {
    expect(await failureOf('reconnects by itself', { lateGap: true })).toMatch(/no later than the loss was seen/);
  });

  it('a gap from a connector whose harness says nothing can be lost', async () => {
    expect(await failureOf('reconnects by itself', {}, 'none')).toMatch(/reports no gap/);
  });
});
