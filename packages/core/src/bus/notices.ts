import type { VmscError } from '../errors.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { ConnectorStatus } from '../connector/status.js';
import type { JsonValue } from '../rules/json.js';

/** Why the bus dropped an event as a duplicate. */
export type DedupeReason = 'same-id' | 'cross-source';

/** The bus dropped `dropped` because `kept` is the same event. Every drop is reported. */
export interface DedupedNotice {
  kind: 'deduped';
  reason: DedupeReason;
  /**
   * The copy that was (or will be) delivered. For `same-id`, when the earlier copy is no longer held
   * (the bus holds the last 64 events, and remembers only the ids of older ones), this is the dropped
   * copy itself, which carries the same id; `detail` says so.
   */
  kept: StreamEvent;
  /** The copy that was not delivered. */
  dropped: StreamEvent;
  /** A sentence explaining the decision (the identity that matched, the source priority). */
  detail: string;
}

/** A subscriber threw or rejected; delivery to the other subscribers went on. */
export interface HandlerErrorNotice {
  kind: 'handler-error';
  error: unknown;
  event: StreamEvent;
}

/** A connector changed status. */
export interface StatusNotice {
  kind: 'status';
  connector: string;
  source: string;
  status: ConnectorStatus;
  previous: ConnectorStatus;
  error?: VmscError;
}

/** A connector may have missed events between `from` and `to` (Unix epoch ms). */
export interface GapNotice {
  kind: 'gap';
  connector: string;
  source: string;
  from: number;
  to: number;
  reason: string;
}

/** A connector or another component reported an error that did not change its status. */
export interface ErrorNotice {
  kind: 'error';
  /** Who reported it: a connector id, `rule-engine`, `custom-ws-server`... */
  origin: string;
  error: VmscError;
}

/** Why a connector's chat outbox holds messages back. */
export type ChatWaitReason = 'rate-limit' | 'retry-after';

/** A connector's chat outbox holds `waiting` messages back for `delayMs` (its rate limit, or the platform's retry-after). */
export interface ChatWaitingNotice {
  kind: 'chat-waiting';
  connector: string;
  /** Messages waiting, including the one that waits first. */
  waiting: number;
  /** How long until the next send. */
  delayMs: number;
  reason: ChatWaitReason;
}

/** A connector's chat outbox gave up on a message without sending it (queue full, waited too long, disconnected). */
export interface ChatDroppedNotice {
  kind: 'chat-dropped';
  connector: string;
  /** The error the message's `sendChat` rejected with. */
  error: VmscError;
  /** Messages still waiting. */
  waiting: number;
}

/**
 * The rule engine forgot a viewer to stay within its `maxViewers`: the least recently seen one, with
 * the variables (points...) it had, so that an application can keep them elsewhere.
 */
export interface ViewerEvictedNotice {
  kind: 'viewer-evicted';
  origin: 'rule-engine';
  viewer: { source: string; id: string; username: string; nickname: string; lastSeen: number };
  vars: Readonly<Record<string, JsonValue>>;
  maxViewers: number;
}

/**
 * Everything the bus reports besides events: drops, subscriber failures, connector status, gaps,
 * errors, chat messages that wait or are dropped, and viewers the rule engine forgot. Subscribe with `bus.onNotice()`.
 */
export type BusNotice =
  DedupedNotice | HandlerErrorNotice | StatusNotice | GapNotice | ErrorNotice | ChatWaitingNotice | ChatDroppedNotice | ViewerEvictedNotice;

/** The notice of one kind. */
export type NoticeOfKind<K extends BusNotice['kind']> = Extract<BusNotice, { kind: K }>;
