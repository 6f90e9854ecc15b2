import type { WebSocket } from 'ws';
import type { TokenGrant } from './auth.js';
import { FloodDetector, SlidingWindowLimiter } from './rate-limit.js';

/** What a subscriber receives: `undefined` sets match everything. */
export interface SubscriptionFilter {
  eventTypes: ReadonlySet<string> | undefined;
  sources: ReadonlySet<string> | undefined;
}

/** The server's state of one authenticated connection. */
export class Connection {
  readonly socket: WebSocket;
  readonly grant: TokenGrant;
  readonly limiter: SlidingWindowLimiter;
  readonly flood: FloodDetector;
  /** `undefined` until the client subscribes. */
  filter: SubscriptionFilter | undefined;
  /** Whether the client subscribed to overlay alerts (`subscribe` with `alerts: true`). */
  alerts = false;
  /** What the admin client subscribed to (`adminSubscribe`): run reports, connector status changes, dedupe notices. */
  adminFeed: { runs: boolean; connectors: boolean; notices: boolean } = { runs: false, connectors: false, notices: false };
  /** Set once the server decided to close it: nothing more is sent or processed. */
  closing = false;

  constructor(socket: WebSocket, grant: TokenGrant, limits: { perSecond: number; floodThreshold: number; floodWindowMs: number }) {
    this.socket = socket;
    this.grant = grant;
    this.limiter = new SlidingWindowLimiter(limits.perSecond, 1_000);
    this.flood = new FloodDetector(limits.floodThreshold, limits.floodWindowMs);
  }

  /** Whether an event of this type and source passes the subscription filter. */
  wants(type: string, source: string): boolean {
    const filter = this.filter;
    if (!filter) return false;
    return (!filter.eventTypes || filter.eventTypes.has(type)) && (!filter.sources || filter.sources.has(source));
  }
}
