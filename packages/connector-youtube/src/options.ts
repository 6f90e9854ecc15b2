import type { BaseConnectorOptions, ChatRateLimit, ConnectorHealth } from '@vmsc/core';
import type { YouTubeAuth } from './auth.js';
import type { QuotaCostsOption, QuotaEstimate } from './quota.js';
import type { YouTubeTarget } from './resolve.js';

/** How the connector reads the chat. */
export type YouTubeReadMode = 'poll' | 'stream';

/** Options of {@link YouTubeConnector}. */
export interface YouTubeConnectorOptions extends BaseConnectorOptions {
  /** An API key, an OAuth access token, or a token provider (see {@link YouTubeAuth}). */
  auth: YouTubeAuth;
  /** A video id, the channel's own live broadcast (`mine`, OAuth) or a live chat id. */
  target: YouTubeTarget;
  /**
   * `poll` (default; spec 002's "Data API v3 (HTTP polling)"): `liveChatMessages.list` every
   * `pollingIntervalMillis`. `stream`: `liveChatMessages.stream`, one long response pushing
   * messages as they arrive (lower latency, 5 units per connection instead of per poll).
   */
  mode?: YouTubeReadMode;
  /** The rate `sendChat` keeps to (its outbox never exceeds it). Default one message per second (YouTube publishes none). */
  chatRate?: ChatRateLimit;
  /** Data API base URL (default `https://www.googleapis.com/youtube/v3`; tests point it at the fake). */
  apiBaseUrl?: string;
  /** Base URL of the streamed method (default: `apiBaseUrl` if given, else `https://youtube.googleapis.com/youtube/v3`). */
  streamBaseUrl?: string;
  /**
   * Publish the first page's backlog (recent messages from before connecting), tagged
   * `meta.history`. Default `false`: rules must not fire on old messages.
   */
  replayHistory?: boolean;
  /** `maxResults` per page, 200–2000 (YouTube's default 500). */
  maxResults?: number;
  /** `profileImageSize`, 16–720 (YouTube's default 88). */
  profileImageSize?: number;
  /** `hl`: language of `amountDisplayString`. */
  hl?: string;
  /** Wait used when a page has no `pollingIntervalMillis` (default 5,000 ms). */
  fallbackPollIntervalMs?: number;
  /** The project's daily quota, for the estimate (default 10,000 units). */
  quotaPerDay?: number;
  /**
   * Units per call, when your project's differ from the defaults (list 5, stream 5, videos 1,
   * liveBroadcasts 1, insert 50). `broadcasts` is still accepted as the deprecated name of
   * `liveBroadcasts`; any other key throws a `ValidationError` naming the valid ones.
   */
  quotaCosts?: QuotaCostsOption;
  /** After `quotaExceeded`, start again by itself at the reset (midnight Pacific). Default `true`. */
  resumeAfterQuotaReset?: boolean;
  /** Keep each raw liveChatMessage as the event's `raw` (debugging). */
  keepRaw?: boolean;
  /** Message ids remembered for dedupe (default 10,000). */
  idMemory?: number;
}

/** {@link YouTubeConnector}'s health: the base health plus the chat and the quota estimate. */
export interface YouTubeConnectorHealth extends ConnectorHealth {
  /** The chat being read, once resolved. */
  liveChatId: string | undefined;
  mode: YouTubeReadMode;
  /** The last `pollingIntervalMillis` honoured (polling only). */
  pollIntervalMs: number | undefined;
  /** Today's quota use as counted by this connector. */
  quota: QuotaEstimate;
  /** Repeated items dropped (same id, same gift combo, same removal, unchanged poll). */
  duplicatesDropped: number;
  /** The chat ended (`stream_offline` was published and reading stopped). */
  chatEnded: boolean;
}
