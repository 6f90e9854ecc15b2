import { ConnectionError, parseRetryAfter, ProtocolError } from '@vmsc/core';
import { KickChannelNotFoundError, KickLookupBlockedError, KickLookupRateLimitedError } from '../errors.js';

/** The numeric ids behind a Kick channel. They are all different numbers; subscribing with the wrong one yields silence. */
export interface KickChannelIds {
  /** `chatroom.id`: carries chat, subs, bans, polls, hosts (`chatrooms.{id}.v2`, legacy `chatrooms.{id}`, `chatroom_{id}`). */
  chatroomId: number | string;
  /** The channel id (top-level `id` of the lookup): carries Kicks gifts, live/offline, goals (`channel.{id}`, `channel_{id}`). */
  channelId?: number | string;
  /** The slug (the part after kick.com/), for messages and `meta.channel`. */
  slug?: string;
  /** The channel owner's user id (the lookup's `user_id`): Kick's `broadcaster_user_id` for sending chat. */
  broadcasterUserId?: number | string;
}

/** A custom way to turn a slug into ids (a proxy, a cache, a headless browser...). */
export type KickChannelResolver = (slug: string) => Promise<KickChannelIds>;

/** Options of {@link lookupKickChannel}. */
export interface KickLookupOptions {
  /** Base URL of the lookup. Default `https://kick.com`. */
  baseUrl?: string;
  /** Abort after this many ms. Default 10,000. */
  timeoutMs?: number;
}

/** The headers that give the unofficial endpoint the best chance (a browser's Accept and User-Agent). */
const LOOKUP_HEADERS = {
  accept: 'application/json',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
};

/**
 * Resolves a slug with Kick's unofficial `GET /api/v2/channels/{slug}`.
 *
 * @throws {@link KickLookupBlockedError} on 401/403 (or a non-JSON challenge page): its message says
 *   which ids to pass instead. {@link KickChannelNotFoundError} on 404. {@link KickLookupRateLimitedError}
 *   on 429 (with `retryAfterMs` from `Retry-After`). `ConnectionError` on network failures, 408 and 5xx
 *   (worth retrying). `ProtocolError` (`KICK_LOOKUP_REFUSED`) on any other 4xx.
 */
export async function lookupKickChannel(slug: string, options: KickLookupOptions = {}): Promise<KickChannelIds> {
  const url = `${(options.baseUrl ?? 'https://kick.com').replace(/\/$/, '')}/api/v2/channels/${encodeURIComponent(slug)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: LOOKUP_HEADERS, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  } catch (error) {
    throw new ConnectionError(`Kick channel lookup for "${slug}" failed: ${(error as Error).message}`, { cause: error });
  }
  const body = await response.text();
  if (response.status === 401 || response.status === 403) throw new KickLookupBlockedError(slug, response.status);
  if (response.status === 404) throw new KickChannelNotFoundError(slug);
  if (response.status === 429) throw new KickLookupRateLimitedError(slug, parseRetryAfter(response.headers.get('retry-after')));
  if (response.status >= 500 || response.status === 408)
    throw new ConnectionError(`Kick channel lookup for "${slug}" answered HTTP ${response.status}`);
  if (!response.ok) {
    // Any other 4xx will not change by asking again.
    throw new ProtocolError(`Kick channel lookup for "${slug}" answered HTTP ${response.status}`, { code: 'KICK_LOOKUP_REFUSED' });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // A 200 with Cloudflare's HTML challenge instead of JSON is the same block.
    throw new KickLookupBlockedError(slug, response.status);
  }
  const channel = json as { id?: unknown; user_id?: unknown; slug?: unknown; chatroom?: { id?: unknown } };
  const chatroomId = channel.chatroom?.id;
  if (typeof chatroomId !== 'number' && typeof chatroomId !== 'string') {
    throw new ProtocolError(`Kick channel lookup for "${slug}" has no chatroom.id`);
  }
  const ids: KickChannelIds = { chatroomId, slug: typeof channel.slug === 'string' ? channel.slug : slug };
  if (typeof channel.id === 'number' || typeof channel.id === 'string') ids.channelId = channel.id;
  if (typeof channel.user_id === 'number' || typeof channel.user_id === 'string') ids.broadcasterUserId = channel.user_id;
  return ids;
}
