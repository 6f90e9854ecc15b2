import type { Clock, EventBus, Secret, StreamEvent } from '@vmsc/core';
import type { TokenScope } from '@vmsc/core/protocol';
import type { AdminHandler } from './admin/handler.js';
import type { TokenScopesResolver } from './scopes.js';
import type { StaticRoute } from './static-routes.js';

/** A rule as the server lists it (in `hello`) and finds it (for `triggerRule`). */
export interface RuleSummary {
  readonly id: string;
  readonly name: string;
}

/**
 * What the server needs from the rule engine (core's `RuleEngine` satisfies it): listing rules and
 * triggering one. `trigger` rejects with an error whose `code` is `RULE_NOT_FOUND` for an unknown rule.
 */
export interface RuleEngineLike {
  listRules(): readonly RuleSummary[];
  trigger(idOrName: string, event?: StreamEvent): Promise<unknown>;
}

/** An extra token with limited scopes (e.g. a read-only dashboard token with `['subscribe']`). */
export interface ScopedToken {
  token: string | Secret;
  scopes: readonly TokenScope[];
}

/** Options of {@link CustomWsServer}. */
export interface CustomWsServerOptions {
  /** The bus injected events go to and subscribers' events come from. */
  bus: EventBus;
  /** The rule engine `triggerRule` runs rules on. Without one, every `triggerRule` answers `RULE_NOT_FOUND`. */
  engine?: RuleEngineLike;
  /** TCP port (spec 000: 7895). `0` lets the OS pick one (tests); read it back from `server.port`. */
  port?: number;
  /**
   * Interface to bind. Default `127.0.0.1` (this machine only). Binding elsewhere (`0.0.0.0`) is an
   * explicit decision: anyone who can reach the port can then try tokens.
   */
  host?: string;
  /** The main token (all scopes). Default: 32 random bytes from the CSPRNG, base64url. */
  token?: string | Secret;
  /** More tokens, each with its own scopes. */
  tokens?: readonly ScopedToken[];
  /**
   * Decides each authenticated token's scopes from the token and its configured scopes. Default:
   * the configured ones (the main token has every scope, `admin` included).
   */
  scopesFor?: TokenScopesResolver;
  /**
   * What the admin actions (`listRules`, `reloadRules`, `connectorStatus`...; `admin` scope) act on:
   * `engineAdmin({ engine, connectors, reloadRules })`. Absent: they answer `ADMIN_UNAVAILABLE`.
   */
  admin?: AdminHandler;
  /** Maximum simultaneous authenticated connections (spec 000: 10). Further ones are closed with 4503. */
  maxConnections?: number;
  /** Messages per second per connection, sliding window (spec 000: 60). */
  messagesPerSecond?: number;
  /** A connection with more than this many rate-limited messages within `floodWindowMs` is closed with 4429. Default 60. */
  floodThreshold?: number;
  /** Window of the flood threshold, ms. Default 10,000. */
  floodWindowMs?: number;
  /** Largest accepted frame, bytes; larger frames close the connection with 1009. Default 64 KiB. */
  maxFrameBytes?: number;
  /** Events kept for `subscribe` with `since`. Default 1,000. */
  replayBufferSize?: number;
  /** A subscriber whose unsent data exceeds this many bytes is closed with 4509. Default 1 MiB. */
  maxBufferedBytes?: number;
  /**
   * Browser origins allowed to connect. Requests with an `Origin` header (browsers always send it)
   * are refused with HTTP 403 unless their origin is listed, so a web page cannot drive the server.
   * Requests without `Origin` (Node, Python, native apps) are not affected. `'*'` allows every origin.
   * Default: none.
   */
  allowedOrigins?: readonly string[] | '*';
  /**
   * Folders of static files served over plain HTTP on this same port (GET/HEAD), e.g. the hub's
   * dashboard at `/dashboard/`. With static routes, a page's own origin (`http://<Host>` where the
   * Host is `localhost` or an IP literal) may also open the WebSocket, so the served page can talk
   * to the server; every other origin follows `allowedOrigins`. Requests naming the server by a
   * domain name (DNS rebinding) get 421, and a disallowed `Origin` gets 403. Default: none (every
   * plain HTTP request answers 426).
   */
  staticRoutes?: readonly StaticRoute[];
  /** Time source for rate limiting (and, when it has timers, for the overlay alert queue), for tests. */
  clock?: Pick<Clock, 'now'> | Clock;
  /** Overlay alerts that may wait their turn (`showAlert`); one more is refused with `AlertQueueFullError`. Default 50. */
  alertQueueSize?: number;
  /** Pause between two overlay alerts, ms. Default 500. */
  alertGapMs?: number;
}
