import { afterEach, beforeEach, describe, it } from 'vitest';
import { closeAllFakes } from '../cleanup.js';
import { contractChecks, recordRun, type ContractRun } from './checks.js';
import type { ContractHarness, ContractOptions } from './harness.js';

/**
 * The connector contract: one behavioural suite that every VMSC connector passes against its fake
 * (crossws-style: one suite, every adapter). Each connector's tests call {@link connectorContract}
 * with a function that starts its fake and builds the connector aimed at it.
 *
 * @packageDocumentation
 */

/**
 * Registers the contract suite for one connector (call it inside a vitest test file).
 *
 * The contract: a new connector is `disconnected`; `connect()` goes through `connecting` to
 * `connected` and resolves; platform events arrive on the bus as valid `StreamEvent`s of the
 * connector's source and update `health.lastEventAt`; a dropped connection goes to `reconnecting`
 * and back to `connected` by itself, after which events flow again; the lost interval is reported
 * as a gap (on the bus and as a `gap` event, `from <= to`, covering the moment the loss was seen)
 * when the harness says `reconnectGap: 'reported'`, and with `'none'` no gap is reported and an
 * event sent while reconnecting still arrives; each `sendEvent()` publishes exactly one event; `disconnect()` ends in `disconnected`, stops
 * retrying and is idempotent; the connector can connect again afterwards; no credential leaks.
 */
export function connectorContract(name: string, setup: () => Promise<ContractHarness>, options: ContractOptions = {}): void {
  const recording = { timeoutMs: options.timeoutMs ?? 5_000, settleMs: options.settleMs ?? 150 };

  describe(`connector contract: ${name}`, () => {
    let run: ContractRun;

    beforeEach(async () => {
      run = recordRun(await setup(), recording);
    });

    afterEach(async () => {
      await run.harness.connector.disconnect();
      await run.harness.close?.();
      await closeAllFakes();
    });

    for (const check of contractChecks) {
      it(check.name, () => check.run(run));
    }
  });
}

export type { ContractHarness, ContractOptions, ReconnectGap } from './harness.js';
export { socketIoFaultSuite } from './socketio-faults.js';
export type { SocketIoFaultFake, SocketIoFaultHarness, SocketIoFaultSession } from './socketio-faults.js';
