import { numericIdFor, whenReady, type ScriptedFake } from './all-shared.js';
import type { MultistreamerFake } from './multistreamer/index.js';
import { streamEnds, streamGoesLive } from './multistreamer/fixtures.js';

/** Scripting API of the Multistreamer fake (its `/ws/:id` chat WebSocket). */
export interface MultistreamerScript extends ScriptedFake<MultistreamerFake> {
  /**
   * A relayed chat message. `accountId` picks the account of the status (default 14, the live Twitch
   * account of the default status; 0 is the internal IRC).
   */
  chat(init: { username: string; text: string; accountId?: number; network?: string }): Promise<void>;
  /** Broadcasts the "stream goes live" status. */
  goLive(): void;
  /** Broadcasts the "stream ends" status. */
  end(): void;
}

/** Wraps a Multistreamer fake in the uniform scripting API. */
export function scriptMultistreamer(fake: MultistreamerFake): MultistreamerScript {
  // A MultistreamerClient asks for the status as soon as it is connected.
  const connected = () => fake.received.some((message) => message.type === 'status');
  return {
    raw: fake,
    dropConnections: () => fake.dropAll(),
    waitForClient: (timeoutMs) => whenReady(connected, 'a Multistreamer client connected', timeoutMs),
    async chat({ username, text, accountId = 14, network = accountId === 0 ? 'irc' : 'twitch' }) {
      await whenReady(connected, 'a Multistreamer client connected');
      fake.send({
        type: 'text',
        stream_id: fake.streamId,
        account_id: accountId,
        network,
        from: { id: numericIdFor(username), name: username },
        text,
        markdown: text,
      });
    },
    goLive: () => fake.setStatus(streamGoesLive),
    end: () => fake.setStatus(streamEnds),
  };
}
