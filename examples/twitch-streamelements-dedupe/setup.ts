/**
 * Twitch + StreamElements on one bus without double alerts.
 *
 * Many streamers connect Twitch directly (EventSub: fast, exact) and StreamElements (tips, merch, and
 * a relay of the same Twitch follows, subs and cheers). With `crossSourceDedupe` the bus recognises a
 * relayed copy (same platform, kind, user and amount within the window) and delivers the event once;
 * every dropped copy is reported as a `deduped` notice. `priority` says which copy wins, and `holdMs`
 * how long to wait for the preferred copy when the other one arrives first.
 */
import { StreamElementsConnector, type StreamElementsConnectorOptions } from '@vmsc/connector-streamelements';
import { TwitchConnector, type TwitchConnectorOptions } from '@vmsc/connector-twitch';
import { EventBus, type CrossSourceDedupeOptions } from '@vmsc/core';

/** Options of {@link start}. */
export interface DedupeSetupOptions {
  twitch: Omit<TwitchConnectorOptions, 'bus'>;
  streamelements: Omit<StreamElementsConnectorOptions, 'bus'>;
  /** Default: prefer Twitch's copy, wait up to 500 ms for it, remember events for 60 s. */
  dedupe?: CrossSourceDedupeOptions;
}

/** The running setup. */
export interface DedupeSetup {
  readonly bus: EventBus;
  readonly twitch: TwitchConnector;
  readonly streamelements: StreamElementsConnector;
  stop(): Promise<void>;
}

/** The dedupe settings the example uses. */
export const defaultDedupe: CrossSourceDedupeOptions = { priority: ['twitch', 'streamelements'], holdMs: 500, windowMs: 60_000 };

/** Connects both sources to one deduplicating bus. */
export async function start(options: DedupeSetupOptions): Promise<DedupeSetup> {
  const bus = new EventBus({ crossSourceDedupe: options.dedupe ?? defaultDedupe });
  const twitch = new TwitchConnector({ ...options.twitch, bus });
  const streamelements = new StreamElementsConnector({ ...options.streamelements, bus });
  const results = await Promise.allSettled([twitch.connect(), streamelements.connect()]);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all([twitch.disconnect(), streamelements.disconnect()]);
    throw failed.reason;
  }
  return {
    bus,
    twitch,
    streamelements,
    stop: async () => {
      await Promise.all([twitch.disconnect(), streamelements.disconnect()]);
    },
  };
}
