import { whenReady, type ScriptedFake } from './all-shared.js';
import type { HypeRateFake } from './heartrate/hyperate.js';
import type { PulsoidFake } from './heartrate/pulsoid.js';
import type { UpgradeRefusal } from './heartrate/gated-server.js';

/** Scripting API of a heart-rate fake (Pulsoid or HypeRate). */
export interface HeartRateScript<Raw> extends ScriptedFake<Raw> {
  /** One heart-rate reading, in beats per minute. */
  beat(bpm: number): Promise<void>;
  /** Refuse the next `count` connection attempts (HTTP refusal of the upgrade). */
  refuseNext(count: number, refusal?: UpgradeRefusal): void;
}

/** Wraps a Pulsoid fake in the uniform scripting API. */
export function scriptPulsoid(fake: PulsoidFake): HeartRateScript<PulsoidFake> {
  const connected = () => fake.connectionCount > 0;
  return {
    raw: fake,
    dropConnections: () => fake.dropAll(),
    waitForClient: (timeoutMs) => whenReady(connected, 'a Pulsoid client connected', timeoutMs),
    async beat(bpm) {
      await whenReady(connected, 'a Pulsoid client connected');
      fake.sendReading(bpm);
    },
    refuseNext: (count, refusal) => fake.failNextUpgrades(count, refusal),
  };
}

/** The HypeRate device id the fakes stream for. */
export const HYPERATE_FAKE_DEVICE_ID = 'vmsc-demo';

/** Wraps a HypeRate fake in the uniform scripting API. */
export function scriptHypeRate(fake: HypeRateFake, deviceId = HYPERATE_FAKE_DEVICE_ID): HeartRateScript<HypeRateFake> {
  const joined = () => fake.joinedTopics().includes(`hr:${deviceId}`);
  return {
    raw: fake,
    dropConnections: () => fake.dropAll(),
    waitForClient: (timeoutMs) => whenReady(joined, `a HypeRate client joined hr:${deviceId}`, timeoutMs),
    async beat(bpm) {
      await whenReady(joined, `a HypeRate client joined hr:${deviceId}`);
      fake.sendHeartRate(deviceId, bpm);
    },
    refuseNext: (count, refusal) => fake.failNextUpgrades(count, refusal),
  };
}
