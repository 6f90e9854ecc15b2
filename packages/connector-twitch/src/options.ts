import type { BaseConnectorOptions, ChatRateLimit, ConnectorHealth, SendChatOptions } from '@vmsc/core';
import type { TwitchAuth } from './auth.js';
import type { TwitchSubscriptionHealth } from './subscription-state.js';
import type { TwitchEventType } from './subscriptions.js';

/** Twitch's endpoints; override them to point the connector at a local fake. */
export interface TwitchUrls {
  /** EventSub WebSocket. Default `wss://eventsub.wss.twitch.tv/ws`. */
  eventsub?: string;
  /** Helix base. Default `https://api.twitch.tv/helix`. */
  helix?: string;
  /** OAuth base (for `/validate`). Default `https://id.twitch.tv/oauth2`. */
  auth?: string;
}

/** Options of `TwitchConnector`. */
export interface TwitchConnectorOptions extends BaseConnectorOptions {
  /** Your application's client id (the one the token was issued to). */
  clientId: string;
  /** A user access token, or a provider that can refresh it. Kept in a `Secret`. */
  auth: TwitchAuth;
  /** The channel: a login (`twitchdev`) or a numeric user id; resolved through Helix. */
  broadcaster: string;
  /**
   * The event types to subscribe to. Default: all 24 Twitch types. An unknown name throws a
   * `TwitchUnknownEventError` (listing the valid ones) from the constructor.
   */
  events?: readonly TwitchEventType[];
  /** `keepalive_timeout_seconds` to ask for (10–600; Twitch clamps). Default: Twitch's (10). */
  keepaliveTimeoutSeconds?: number;
  /** Extra silence tolerated beyond the keepalive timeout before the socket is declared dead. Default 20 % of it. */
  keepaliveMarginMs?: number;
  /** Window for `message_id` dedupe; older messages are dropped too. Default 10 minutes. */
  dedupeWindowMs?: number;
  /**
   * The most `message_id`s remembered for dedupe (oldest forgotten first), so memory stays bounded
   * whatever the rate. Default 100,000 (about 10 MB; a whole 10-minute window up to ~160 messages/s).
   */
  dedupeMaxIds?: number;
  /** Endpoints (tests point these at the fake). */
  urls?: TwitchUrls;
  /**
   * The rate `sendChat` keeps to (its outbox never exceeds it). Default: Twitch's 100 messages per
   * 30 s when the token's user is the broadcaster, else 20 per 30 s; a moderator's bot may set
   * `TWITCH_CHAT_LIMITS.elevatedRate`.
   */
  chatRate?: ChatRateLimit;
  /** Keep Twitch's raw `payload.event` as each event's `raw` (debugging; costs memory). Default false. */
  includeRaw?: boolean;
}

/**
 * Options of `TwitchConnector.sendChat`: core's `SendChatOptions`. `replyTo` is the event being
 * answered; a Twitch event's `data.messageId` becomes `reply_parent_message_id`.
 */
export type TwitchSendChatOptions = SendChatOptions;

/** {@link ConnectorHealth} plus the state of each EventSub subscription. */
export interface TwitchConnectorHealth extends ConnectorHealth {
  /** Every wanted subscription and where it stands: "socket connected" is not "subscribed". */
  subscriptions: TwitchSubscriptionHealth[];
  /** The current EventSub session id. */
  sessionId: string | undefined;
  /** Redelivered messages dropped by `message_id`. */
  duplicatesDropped: number;
  /** Messages dropped because they were older than the dedupe window. */
  staleDropped: number;
}

const DEFAULT_URLS: Required<TwitchUrls> = {
  eventsub: 'wss://eventsub.wss.twitch.tv/ws',
  helix: 'https://api.twitch.tv/helix',
  auth: 'https://id.twitch.tv/oauth2',
};

/** Twitch's endpoints with the given overrides (an `undefined` override keeps the default). */
export function resolveUrls(urls: TwitchUrls = {}): Required<TwitchUrls> {
  const given = Object.fromEntries(Object.entries(urls).filter(([, value]) => value !== undefined)) as TwitchUrls;
  return { ...DEFAULT_URLS, ...given };
}

/** The EventSub URL to open fresh: the base, plus `keepalive_timeout_seconds` when asked for. */
export function freshEventsubUrl(base: string, keepaliveTimeoutSeconds: number | undefined): string {
  if (keepaliveTimeoutSeconds === undefined) return base;
  return `${base}${base.includes('?') ? '&' : '?'}keepalive_timeout_seconds=${Math.round(keepaliveTimeoutSeconds)}`;
}
