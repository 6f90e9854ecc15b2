import type { BaseConnectorOptions, Secret } from '@vmsc/core';

/**
 * Options of {@link TikTokConnector}.
 *
 * @packageDocumentation
 */

/** Where and how to sign. */
export interface TikTokSignApiOptions {
  /** Sign API base URL. Default `https://api.eulerstream.com` (environment variables are not read). */
  url?: string;
  /** API key, sent as `X-Api-Key`. Kept in a {@link Secret}. */
  apiKey?: string | Secret;
  /** The `client` parameter (default `vmsc`). */
  client?: string;
  /** Use the legacy `GET /webcast/fetch?room_id=` route (custom sign servers, older Euler plans). */
  legacyPath?: boolean;
}

/**
 * A logged-in TikTok session, for rooms that need one (18+). It is sent to the Sign API (a third
 * party) as `x-cookie-header` and on the WebSocket as cookies: leave it off unless you need it.
 */
export interface TikTokSessionOptions {
  /** The `sessionid` cookie. */
  sessionId: string | Secret;
  /** The `tt-target-idc` cookie (e.g. `useast2a`). */
  ttTargetIdc?: string;
}

/** Polling while the user is offline. */
export interface TikTokWaitUntilLiveOptions {
  /** Poll interval, ms (default 60,000). Polls hit TikTok's web pages, never the Sign API. */
  pollIntervalMs?: number;
}

/** The options every TikTok connector takes besides the target. */
export interface TikTokConnectorCommonOptions extends BaseConnectorOptions {
  /** The Sign API (default: Euler Stream's public API, no key). */
  signApi?: TikTokSignApiOptions;
  /** An authenticated session (off by default). */
  session?: TikTokSessionOptions;
  /** Browser user agent; the same one is given to the Sign API and sent on the WebSocket. */
  userAgent?: string;
  /** TikTok web host for room id lookups (default `https://www.tiktok.com`; tests use a fake). */
  webBaseUrl?: string;
  /** TikTok webcast host for the live check (default `https://webcast.tiktok.com`). */
  webcastBaseUrl?: string;
  /**
   * Check that the user is live before signing (default true). A failed check (18+ rooms, blocks)
   * never counts as offline.
   */
  checkLive?: boolean;
  /**
   * Keep waiting (status `reconnecting`, `lastError` = {@link TikTokUserOfflineError}) while the
   * user is offline instead of failing, and after a stream ends wait for the next one. `connect()`
   * resolves when the stream starts.
   */
  waitUntilLive?: boolean | TikTokWaitUntilLiveOptions;
  /**
   * The recent messages the Sign API returns with every connection: `'skip'` (default) keeps them
   * off the bus (so rules never fire on old events; they are still used for dedupe), `'publish'`
   * publishes them with `meta.history: true`.
   */
  history?: 'skip' | 'publish';
  /** Heartbeat interval, ms (default 10,000). */
  heartbeatIntervalMs?: number;
  /** Reconnect when no frame arrived for this long, ms (default 60,000; 0 disables). */
  stallTimeoutMs?: number;
  /** HTTP timeout, ms (default 15,000). */
  requestTimeoutMs?: number;
  /** WebSocket handshake timeout, ms (default 20,000). */
  handshakeTimeoutMs?: number;
  /** Attach the decoded message as `raw` on every event (debug; default false). */
  includeRaw?: boolean;
  /** How many message ids to remember for dedupe (default 10,000). */
  dedupeSize?: number;
}

/**
 * Options of {@link TikTokConnector}: a `uniqueId` (the @handle, resolved to the current room) or
 * a `roomId` (skips the lookup: the way around lookup blocks), or both.
 */
export type TikTokConnectorOptions = TikTokConnectorCommonOptions &
  ({ uniqueId: string; roomId?: string } | { uniqueId?: string; roomId: string });
