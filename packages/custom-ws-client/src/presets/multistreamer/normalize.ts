import { catalogue, isPlatform, newEventId, parseEvent, systemUser, type StreamEvent, type ValidationIssue } from '@vmsc/core';
import type { RawAccount, RawChat, RawStatus, RawViewCountResult } from './raw.js';

/**
 * Pure functions from multistreamer messages (spec 004) to StreamEvents.
 *
 * Source rule: an event's `source` is the message's network (`twitch`, `irc`...). When the network
 * is a built-in platform whose catalogue lacks the event type (multistreamer reports a Twitch viewer
 * count, which VMSC's Twitch catalogue does not define), the source is `multistreamer` instead.
 * `meta.platform` always names the network and `meta.channel` the account name.
 *
 * @packageDocumentation
 */

/** The source used when the network cannot carry the event type. */
export const MULTISTREAMER_SOURCE = 'multistreamer';

/** The result of a normalizer: the event, or why the message did not make one. */
export type Normalized = { ok: true; event: StreamEvent } | { ok: false; issues: readonly ValidationIssue[] };

/** The source an event of `type` from `network` gets (see the module notes). */
export function sourceFor(network: string, type: string): string {
  if (!isPlatform(network)) return network || MULTISTREAMER_SOURCE;
  return type in catalogue[network] ? network : MULTISTREAMER_SOURCE;
}

function build(fields: {
  type: string;
  network: string;
  user: StreamEvent['user'];
  data: Record<string, unknown>;
  channel?: string;
  raw: unknown;
  now: number;
}): Normalized {
  const meta: Record<string, unknown> = { platform: fields.network };
  if (fields.channel !== undefined) meta.channel = fields.channel;
  const result = parseEvent({
    id: newEventId(),
    type: fields.type,
    source: sourceFor(fields.network, fields.type),
    timestamp: fields.now,
    user: fields.user,
    data: fields.data,
    meta,
    raw: fields.raw,
  });
  return result.ok ? { ok: true, event: result.event } : { ok: false, issues: result.error.issues };
}

/**
 * `text` / `emote` → `chat`. Emotes (`/me` actions) have `data.isEmote: true`; private messages
 * (with a `to`) have `data.isPrivate: true`.
 */
export function normalizeChat(message: RawChat, accounts: Readonly<Record<string, RawAccount>>, now: number): Normalized {
  const data: Record<string, unknown> = { message: message.text };
  if (message.type === 'emote') data.isEmote = true;
  if (message.to) data.isPrivate = true;
  const name = String(message.from?.name ?? '');
  return build({
    type: 'chat',
    network: message.network,
    user: { id: String(message.from?.id ?? ''), username: name, nickname: name },
    data,
    channel: typeof accounts[String(message.account_id)]?.name === 'string' ? accounts[String(message.account_id)]!.name : undefined,
    raw: message,
    now,
  });
}

/** `viewcountresult` → `viewer_count` of the account's network. */
export function normalizeViewCount(message: RawViewCountResult, accounts: Readonly<Record<string, RawAccount>>, now: number): Normalized {
  const account = accounts[String(message.account_id)];
  return build({
    type: 'viewer_count',
    network: isRawAccount(account) ? account.network.name : '',
    user: systemUser(),
    data: { viewerCount: message.viewer_count },
    channel: isRawAccount(account) ? account.name : undefined,
    raw: message,
    now,
  });
}

/**
 * Whether a status entry has the shape of spec 004's account: a string `name` and a `network` with a
 * string `name`. Entries that do not are skipped (and reported by the client), never dereferenced.
 */
export function isRawAccount(value: unknown): value is RawAccount {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as { name?: unknown; network?: unknown };
  const network = account.network as { name?: unknown } | null | undefined;
  return typeof account.name === 'string' && typeof network === 'object' && network !== null && typeof network.name === 'string';
}

/**
 * A `status` compared with the accounts known to be live: `stream_online` for each account that
 * went live, `stream_offline` for each that stopped (or vanished from the status). Returns the
 * events and the new set of live account ids.
 */
export function diffStatus(
  previouslyLive: ReadonlyMap<string, RawAccount>,
  message: RawStatus,
  now: number,
): { results: Normalized[]; live: Map<string, RawAccount> } {
  const live = new Map<string, RawAccount>();
  const results: Normalized[] = [];
  for (const [id, account] of Object.entries(message.accounts ?? {})) {
    if (!isRawAccount(account) || account.live !== true) continue;
    live.set(id, account);
    if (!previouslyLive.has(id)) {
      results.push(
        build({
          type: 'stream_online',
          network: account.network.name,
          user: systemUser(),
          data: { startedAt: now },
          channel: account.name,
          raw: message,
          now,
        }),
      );
    }
  }
  for (const [id, account] of previouslyLive) {
    if (!live.has(id)) {
      results.push(
        build({
          type: 'stream_offline',
          network: account.network.name,
          user: systemUser(),
          data: {},
          channel: account.name,
          raw: message,
          now,
        }),
      );
    }
  }
  return { results, live };
}
