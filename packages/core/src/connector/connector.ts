import type { VmscError } from '../errors.js';
import type { Unsubscribe } from '../bus/event-bus.js';
import type { ChatSender, ConnectorCapabilities } from './chat.js';
import type { ConnectorStatus } from './status.js';

/** A status change of a connector. */
export interface StatusChange {
  status: ConnectorStatus;
  previous: ConnectorStatus;
  /** The error that caused the change, for `error` and `reconnecting`. */
  error?: VmscError;
}

/** A period in which the connector may have missed events, and why (Unix epoch ms). */
export interface Gap {
  from: number;
  to: number;
  reason: string;
}

/** The events every connector emits about itself (not stream events: those go to the bus). */
export interface ConnectorEvents {
  /** The status changed. */
  status: [change: StatusChange];
  /** Events may have been missed. */
  gap: [gap: Gap];
  /** An error that did not (necessarily) change the status: a malformed frame, a failed subscription... */
  error: [error: VmscError];
}

/** A connector's health, for dashboards and watchdogs. */
export interface ConnectorHealth {
  status: ConnectorStatus;
  /** When the last stream event arrived (Unix epoch ms). */
  lastEventAt: number | undefined;
  /** When the current connection was established. */
  connectedAt: number | undefined;
  /** Events published since the connector was created. */
  eventCount: number;
  /** Reconnect attempts since the last successful connection. */
  reconnectAttempts: number;
  lastError: VmscError | undefined;
  /** The last gap reported, if any. */
  lastGap: Gap | undefined;
}

/**
 * The contract every VMSC connector implements. A connector turns one platform connection into
 * {@link StreamEvent}s on the bus it was given.
 *
 * - `connect()` resolves once connected; it rejects with a typed error when the connector stops in
 *   `error` (bad credentials, channel not found) before that. Transient failures are retried with
 *   backoff (status `reconnecting`) while the promise stays pending.
 * - `disconnect()` stops everything (sockets, timers, retries) and resolves when done; status
 *   `disconnected`.
 * - `gap` events say when events may have been lost (a reconnect with no replay).
 * - `capabilities` says what else it can do: a connector with `capabilities.chat.send` is a
 *   {@link ChatSender} (check with {@link canSendChat}).
 */
export interface Connector {
  /** Instance name, e.g. `kick:xqc`; used in notices and logs. */
  readonly id: string;
  /** The `source` of the events it emits. */
  readonly source: string;
  readonly status: ConnectorStatus;
  readonly lastError: VmscError | undefined;
  readonly health: ConnectorHealth;
  /** What the connector can do besides reading (send chat, reply). */
  readonly capabilities: ConnectorCapabilities;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  on<K extends keyof ConnectorEvents>(event: K, listener: (...args: ConnectorEvents[K]) => void): Unsubscribe;
}

/** Whether a connector can send chat (its `capabilities` say so and it has `sendChat`); narrows to {@link ChatSender}. */
export function canSendChat(connector: Connector): connector is Connector & ChatSender {
  return connector.capabilities?.chat?.send === true && typeof (connector as Partial<ChatSender>).sendChat === 'function';
}
