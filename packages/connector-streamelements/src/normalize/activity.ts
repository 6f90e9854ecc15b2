import { createEvent, parseTimestamp, systemUser, validateData, type EventMeta, type PlatformEvent, type StreamUser } from '@vmsc/core';
import type { RawActivity, RawActivityData } from '../raw/realtime.js';
import { streamelementsEvent } from './make-event.js';

/**
 * Pure normalization of StreamElements activities (the `event` payload of the Realtime API, the same
 * object Astro's `channel.activities` topic carries) into {@link StreamEvent}s.
 *
 * @packageDocumentation
 */

/** A StreamEvent of source `streamelements`. */
export type StreamElementsEvent = PlatformEvent<'streamelements'>;

/** One normalized activity. */
export interface NormalizedActivity {
  event: StreamElementsEvent;
  /** The activity's `_id`, to deliver it once. */
  dedupeKey: string | undefined;
  /** A test/emulated activity (also in `event.meta.test`). */
  test: boolean;
  /** Set when a known activity type had missing or invalid fields: report it. */
  problem?: string;
}

/** Options of {@link normalizeActivity}. */
export interface NormalizeActivityOptions {
  /** Flag the event as a test (`event:test`). */
  test?: boolean;
  /** When the activity arrived (epoch ms): the event's timestamp when `createdAt` is missing or invalid. Default now. */
  receivedAt?: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function userOf(data: RawActivityData): StreamUser | undefined {
  const username = str(data.username);
  if (!username) return undefined;
  const user: StreamUser = { id: str(data.providerId) ?? username.toLowerCase(), username, nickname: str(data.displayName) ?? username };
  const avatar = str(data.avatar);
  if (avatar) user.profilePictureUrl = avatar;
  return user;
}

/** Activity types this normalizer maps (others become `unknown` events). */
export const MAPPED_ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'follower',
  'follow',
  'subscriber',
  'sponsor',
  'tip',
  'cheer',
  'raid',
  'host',
  'merch',
  'redemption',
  'superchat',
  'communityGiftPurchase',
]);

type Mapped = { ok: true; event: StreamElementsEvent } | { ok: false; problem: string };

function mapActivity(type: string, data: RawActivityData, meta: EventMeta, raw: unknown, timestamp: number): Mapped {
  const user = userOf(data);
  if (!user) return { ok: false, problem: `${type} activity without data.username` };
  const amount = num(data.amount);
  const message = str(data.message);
  switch (type) {
    case 'follower':
    case 'follow':
      return { ok: true, event: streamelementsEvent('follow', user, {}, meta, raw, timestamp) };
    case 'subscriber':
    case 'sponsor': {
      const out: { tier?: string; months?: number; message?: string; streak?: number; isGift?: boolean; gifterName?: string } = {};
      const tier = str(data.tier);
      if (tier !== undefined) out.tier = tier;
      if (amount !== undefined) out.months = amount;
      if (message !== undefined) out.message = message;
      const streak = num(data.streak);
      if (streak !== undefined) out.streak = streak;
      if (data.gifted === true) out.isGift = true;
      const sender = str(data.sender);
      if (sender !== undefined) {
        out.isGift = true;
        out.gifterName = sender;
      }
      return { ok: true, event: streamelementsEvent('subscriber', user, out, meta, raw, timestamp) };
    }
    case 'tip':
    case 'superchat': {
      const currency = typeof data.currency === 'string' ? data.currency : undefined;
      if (amount === undefined || currency === undefined)
        return { ok: false, problem: `${type} activity without a numeric amount or a currency` };
      const out: { amount: number; currency: string; message?: string } = { amount, currency };
      if (message !== undefined) out.message = message;
      return { ok: true, event: streamelementsEvent(type, user, out, meta, raw, timestamp) };
    }
    case 'cheer': {
      if (amount === undefined) return { ok: false, problem: 'cheer activity without a numeric amount' };
      const out: { amount: number; message?: string } = { amount };
      if (message !== undefined) out.message = message;
      return { ok: true, event: streamelementsEvent('cheer', user, out, meta, raw, timestamp) };
    }
    case 'raid':
    case 'host':
      if (amount === undefined) return { ok: false, problem: `${type} activity without a numeric amount (viewers)` };
      return { ok: true, event: streamelementsEvent(type, user, { viewerCount: amount }, meta, raw, timestamp) };
    case 'merch': {
      const items = (data.items ?? []).map((item) => (typeof item === 'string' ? { name: item } : item));
      const named = items.filter((item): item is { name: string; price?: number; quantity?: number } => typeof item?.name === 'string');
      const product = named[0]?.name ?? str(data.product);
      if (!product) return { ok: false, problem: 'merch activity without an item name' };
      const out: { product: string; message?: string; items?: Array<{ name: string; price?: number; quantity?: number }> } = { product };
      if (message !== undefined) out.message = message;
      if (named.length > 0) {
        out.items = named.map((item) => {
          const entry: { name: string; price?: number; quantity?: number } = { name: item.name };
          if (typeof item.price === 'number') entry.price = item.price;
          if (typeof item.quantity === 'number') entry.quantity = item.quantity;
          return entry;
        });
      }
      return { ok: true, event: streamelementsEvent('merch', user, out, meta, raw, timestamp) };
    }
    case 'redemption': {
      const itemName = str(data.redemption) ?? str(data.itemName) ?? str(data.item);
      if (!itemName || amount === undefined) return { ok: false, problem: 'redemption activity without an item name or a cost' };
      return { ok: true, event: streamelementsEvent('redemption', user, { itemName, itemCost: amount }, meta, raw, timestamp) };
    }
    case 'communityGiftPurchase': {
      if (amount === undefined) return { ok: false, problem: 'communityGiftPurchase activity without a numeric amount (gift count)' };
      const out: { giftCount: number; tier?: string } = { giftCount: amount };
      const tier = str(data.tier);
      if (tier !== undefined) out.tier = tier;
      return { ok: true, event: streamelementsEvent('community_gift', user, out, meta, raw, timestamp) };
    }
    default:
      return { ok: false, problem: '' };
  }
}

/** An `unknown` StreamElements event for something no mapping covers. */
export function unknownStreamElementsEvent(
  kind: string,
  payload: unknown,
  reason: string,
  meta: EventMeta = {},
  timestamp: number = Date.now(),
): StreamElementsEvent {
  return createEvent({
    source: 'streamelements',
    type: 'unknown',
    timestamp,
    user: systemUser(),
    data: { kind, payload, reason },
    meta,
    raw: payload,
  });
}

/**
 * {@link mapActivity}, never throwing and never yielding an invalid event: the mappers trust the
 * documented field types, so a field of another type (a string where a list belongs) can make one
 * throw or build data the catalogue refuses; both become a problem (published as `unknown`).
 */
function checkedActivity(type: string, data: RawActivityData, meta: EventMeta, activity: unknown, timestamp: number): Mapped {
  let mapped: Mapped;
  try {
    mapped = mapActivity(type, data, meta, activity, timestamp);
  } catch (error) {
    return {
      ok: false,
      problem: `${type} activity does not have the documented shape: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!mapped.ok) return mapped;
  // The envelope is built from checked values; the data and the user come from the wire.
  const checked = validateData('streamelements', mapped.event.type, mapped.event.data);
  const user = mapped.event.user;
  if (checked.ok && typeof user.id === 'string' && typeof user.username === 'string' && typeof user.nickname === 'string') return mapped;
  const issues = checked.ok
    ? 'user: not the documented fields'
    : checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return { ok: false, problem: `${type} activity does not have the documented shape: ${issues}` };
}

/**
 * Turns one StreamElements activity into a StreamEvent: the ten activity types of spec 002
 * (`follower` → `follow`, `communityGiftPurchase` → `community_gift`, YouTube `sponsor` →
 * `subscriber`), `meta.platform` from `provider`, `meta.channel` the StreamElements channel id, the
 * user id from `providerId` (so a Twitch follow relayed by StreamElements matches the same follow
 * received from Twitch), the timestamp from `createdAt` (ms exact; `options.receivedAt` when it is
 * missing or not a date). Unknown types and malformed activities become `unknown` events.
 *
 * @example
 * ```ts
 * const { event } = normalizeActivity({ type: 'cheer', provider: 'twitch', _id: 'a1', data: { username: 'x', providerId: '9', amount: 100 } });
 * // event.type === 'cheer', event.data.amount === 100, event.meta.platform === 'twitch'
 * ```
 */
export function normalizeActivity(activity: unknown, options: NormalizeActivityOptions = {}): NormalizedActivity {
  const receivedAt = options.receivedAt ?? Date.now();
  if (typeof activity !== 'object' || activity === null || Array.isArray(activity)) {
    const problem = 'StreamElements activity is not an object';
    return {
      event: unknownStreamElementsEvent('event', activity, problem, {}, receivedAt),
      dedupeKey: undefined,
      test: options.test === true,
      problem,
    };
  }
  const wire = activity as RawActivity;
  const timestamp = parseTimestamp(wire.createdAt) ?? receivedAt;
  const type = typeof wire.type === 'string' ? wire.type : '';
  const test = options.test === true || wire.isMock === true;
  const meta: EventMeta = { platform: str(wire.provider) ?? 'streamelements' };
  const id = str(wire._id) ?? str(wire.activityId);
  if (id !== undefined) meta.platformMessageId = id;
  const channel = str(wire.channel);
  if (channel !== undefined) meta.channel = channel;
  if (test) meta.test = true;
  if (!MAPPED_ACTIVITY_TYPES.has(type)) {
    const reason = type === '' ? 'StreamElements activity without a type' : `no mapping for StreamElements activity type "${type}"`;
    const result: NormalizedActivity = {
      event: unknownStreamElementsEvent(type || 'event', activity, reason, meta, timestamp),
      dedupeKey: id,
      test,
    };
    if (type === '') result.problem = reason;
    return result;
  }
  const data = typeof wire.data === 'object' && wire.data !== null ? wire.data : {};
  const mapped = checkedActivity(type, data, meta, activity, timestamp);
  if (mapped.ok) return { event: mapped.event, dedupeKey: id, test };
  return {
    event: unknownStreamElementsEvent(type, activity, mapped.problem, meta, timestamp),
    dedupeKey: id,
    test,
    problem: `StreamElements ${mapped.problem}`,
  };
}
