import { freshId, whenReady, type ScriptedFake } from './all-shared.js';
import type { StreamElementsFake } from './streamelements/index.js';
import { eventFollower as seFollower, eventTip as seTip } from './streamelements/fixtures.js';
import type { StreamlabsFake } from './streamlabs/index.js';
import { eventDonation as slDonation } from './streamlabs/fixtures.js';

/** Scripting API of the Streamlabs fake (Socket.IO 2 socket API). */
export interface StreamlabsScript extends ScriptedFake<StreamlabsFake> {
  /** A `donation`. */
  donation(init: { username: string; amount: number; currency?: string; message?: string }): Promise<void>;
  /** A Twitch `follow` relayed by Streamlabs. */
  follow(init: { username: string }): Promise<void>;
  /** Disconnects every client from the namespace (`41`), as Streamlabs does when it kicks a client. */
  kick(): void;
  /** Emits anything on any Socket.IO event name (fault injection: malformed payloads, unknown kinds). */
  emitRaw(eventName: string, ...args: unknown[]): void;
}

/** Wraps a Streamlabs fake in the uniform scripting API. */
export function scriptStreamlabs(fake: StreamlabsFake): StreamlabsScript {
  const ready = () => whenReady(() => fake.connectedCount() > 0, 'a Streamlabs client connected');
  return {
    raw: fake,
    dropConnections: () => fake.dropAll(),
    waitForClient: (timeoutMs) => whenReady(() => fake.connectedCount() > 0, 'a Streamlabs client connected', timeoutMs),
    async donation({ username, amount, currency = 'USD', message = '' }) {
      await ready();
      const [base] = slDonation.message;
      fake.emitEvent({
        type: 'donation',
        message: [
          {
            ...base,
            id: Math.floor(Math.random() * 1e9),
            name: username,
            from: username,
            amount: amount.toFixed(2),
            formatted_amount: `${currency === 'USD' ? '$' : `${currency} `}${amount.toFixed(2)}`,
            formattedAmount: `${currency === 'USD' ? '$' : `${currency} `}${amount.toFixed(2)}`,
            message,
            currency,
            _id: freshId().replaceAll('-', ''),
          },
        ],
        event_id: `evt_${freshId().replaceAll('-', '')}`,
      });
    },
    async follow({ username }) {
      await ready();
      fake.emitEvent({
        type: 'follow',
        message: [{ name: username, isTest: false, _id: freshId().replaceAll('-', '') }],
        for: 'twitch_account',
        event_id: `evt_${freshId().replaceAll('-', '')}`,
      });
    },
    kick: () => fake.disconnectAll(),
    emitRaw: (eventName, ...args) => fake.emitRaw(eventName, ...args),
  };
}

/** Scripting API of the StreamElements fake (Socket.IO realtime API). */
export interface StreamElementsScript extends ScriptedFake<StreamElementsFake> {
  /** A `tip` activity. */
  tip(init: { username: string; amount: number; currency?: string; message?: string }): Promise<void>;
  /** A `follower` activity. */
  follow(init: { username: string }): Promise<void>;
  /** Disconnects every client from the namespace, as StreamElements does when it kicks a client. */
  kick(): void;
  /** Emits anything on any event name (fault injection). */
  emitRaw(eventName: string, ...args: unknown[]): void;
}

const activityId = () => freshId().replaceAll('-', '').slice(0, 24);

/** Wraps a StreamElements fake in the uniform scripting API. */
export function scriptStreamElements(fake: StreamElementsFake): StreamElementsScript {
  const ready = () => whenReady(() => fake.authenticatedCount() > 0, 'an authenticated StreamElements client');
  return {
    raw: fake,
    dropConnections: () => fake.dropAll(),
    waitForClient: (timeoutMs) => whenReady(() => fake.authenticatedCount() > 0, 'an authenticated StreamElements client', timeoutMs),
    async tip({ username, amount, currency = 'USD', message = '' }) {
      await ready();
      const now = new Date().toISOString();
      const id = activityId();
      fake.emitEvent({
        ...seTip,
        _id: id,
        createdAt: now,
        updatedAt: now,
        data: { ...seTip.data, tipId: activityId(), username, amount, currency, message },
      });
    },
    async follow({ username }) {
      await ready();
      const now = new Date().toISOString();
      const id = activityId();
      fake.emitEvent({
        ...seFollower,
        _id: id,
        activityId: id,
        createdAt: now,
        updatedAt: now,
        data: { ...seFollower.data, username, displayName: username },
      });
    },
    kick: () => fake.disconnectAll(),
    emitRaw: (eventName, ...args) => fake.emitRaw(eventName, ...args),
  };
}
