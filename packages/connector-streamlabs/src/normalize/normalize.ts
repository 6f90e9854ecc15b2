import { createEvent, microsToDecimal, systemUser, type EventMeta, type PlatformEvent, type StreamUser } from '@vmsc/core';
import { streamlabsEvent } from './make-event.js';
import type { RawStreamlabsAlertItem, RawStreamlabsSocketEvent } from '../raw/socket-event.js';
import { parseDecimal } from './decimal.js';
import { platformOf } from './platform.js';

/**
 * Pure normalization of Streamlabs Socket API payloads into {@link StreamEvent}s: no I/O, no state.
 *
 * @packageDocumentation
 */

/** A StreamEvent of source `streamlabs`. */
export type StreamlabsEvent = PlatformEvent<'streamlabs'>;

/** One normalized alert item. */
export interface NormalizedStreamlabsAlert {
  /** The event to publish (an `unknown` event when the alert could not be mapped). */
  event: StreamlabsEvent;
  /** Streamlabs' id of the alert (`_id`, else `event_id` + item index): deliver each once. */
  dedupeKey: string | undefined;
  /** Whether Streamlabs marked it as a test alert (also in `event.meta.test`). */
  test: boolean;
  /** Set when the payload was malformed (a known type with missing/invalid fields): report it. */
  problem?: string;
}

/**
 * Streamlabs types that are not alerts (widget and queue control, label updates): ignored without a
 * notice, as every Streamlabs client does.
 */
export const NON_ALERT_TYPES: ReadonlySet<string> = new Set([
  'alertPlaying',
  'alertEnded',
  'streamlabels',
  'streamlabels.underlying',
  'subscriptionPlaying',
  'pauseQueue',
  'unpauseQueue',
  'skipAlert',
  'muteVolume',
  'unmuteVolume',
  'clearQueue',
  'rollEndCredits',
  'widgetSettingsUpdate',
]);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function count(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** A non-empty id (string or number) as a string. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return str(value);
}

/**
 * The viewer of an alert: the platform's user id where Streamlabs gives one (`from_user_id`,
 * `channelId`, or `userIdField`), else the lower-cased login stands in.
 *
 * @param userIdField - a field that holds the viewer's platform id for this alert type (a follow's
 *   `id`, on Twitch as on YouTube); other types use `id` for the alert itself (a donation's number).
 */
function userOf(item: RawStreamlabsAlertItem, nameField: unknown = item.name, userIdField?: unknown): StreamUser | undefined {
  const name = str(nameField) ?? str(item.from);
  if (!name) return undefined;
  const platformId = idOf(item.from_user_id) ?? str(item.channelId) ?? idOf(userIdField);
  return { id: platformId ?? name.toLowerCase(), username: name, nickname: str(item.display_name) ?? name };
}

type Mapped = { ok: true; event: StreamlabsEvent } | { ok: false; problem: string };

function mapItem(type: string, item: RawStreamlabsAlertItem, meta: EventMeta, raw: unknown): Mapped {
  switch (type) {
    case 'donation': {
      const user = userOf(item);
      const amount = parseDecimal(item.amount);
      const currency = typeof item.currency === 'string' ? item.currency : undefined;
      if (!user || !amount || currency === undefined) return { ok: false, problem: 'donation without name, decimal amount or currency' };
      const data: { amount: number; currency: string; amountString: string; message?: string; formattedAmount?: string } = {
        amount: amount.value,
        currency,
        amountString: amount.text,
      };
      const message = str(item.message);
      if (message !== undefined) data.message = message;
      const formatted = str(item.formattedAmount) ?? str(item.formatted_amount);
      if (formatted !== undefined) data.formattedAmount = formatted;
      return { ok: true, event: streamlabsEvent('donation', user, data, meta, raw) };
    }
    case 'superchat': {
      const user = userOf(item);
      const amount = parseDecimal(microsToDecimal(item.amount)); // negative micros are refused
      const currency = str(item.currency);
      if (!user || !amount || !currency) return { ok: false, problem: 'superchat without name, amount in micros or currency' };
      const data: { amount: number; currency: string; amountString: string; message?: string; formattedAmount?: string } = {
        amount: amount.value,
        currency,
        amountString: amount.text,
      };
      const message = str(item.comment) ?? str(item.message);
      if (message !== undefined) data.message = message;
      const formatted = str(item.displayString);
      if (formatted !== undefined) data.formattedAmount = formatted;
      return { ok: true, event: streamlabsEvent('donation', user, data, meta, raw) };
    }
    case 'follow': {
      const user = userOf(item, item.name, item.id);
      if (!user) return { ok: false, problem: 'follow without name' };
      return { ok: true, event: streamlabsEvent('follow', user, {}, meta, raw) };
    }
    case 'subscription':
    case 'resub':
    case 'resubscription': {
      const user = userOf(item);
      if (!user) return { ok: false, problem: `${type} without name` };
      const data: {
        tier?: string;
        months?: number;
        message?: string;
        subType?: string;
        isGift?: boolean;
        gifterName?: string;
      } = {};
      const tier = str(item.sub_plan);
      if (tier !== undefined) data.tier = tier;
      const months = count(item.months);
      if (months !== undefined) data.months = months;
      const message = str(item.message);
      if (message !== undefined) data.message = message;
      const subType = str(item.sub_type) ?? (type === 'subscription' ? undefined : 'resub');
      if (subType !== undefined) data.subType = subType;
      const gifter = str(item.gifter_display_name) ?? str(item.gifter);
      if (gifter !== undefined || subType === 'subgift') data.isGift = true;
      if (gifter !== undefined) data.gifterName = gifter;
      return { ok: true, event: streamlabsEvent('subscription', user, data, meta, raw) };
    }
    case 'submysterygift': {
      const user = userOf(item, item.gifter ?? item.name);
      const gifts = count(item.count) ?? count(item.amount);
      if (!user || gifts === undefined) return { ok: false, problem: 'submysterygift without gifter or count' };
      const data: { isGift: boolean; giftCount: number; subType: string; tier?: string } = {
        isGift: true,
        giftCount: gifts,
        subType: 'submysterygift',
      };
      const tier = str(item.sub_plan);
      if (tier !== undefined) data.tier = tier;
      return { ok: true, event: streamlabsEvent('subscription', user, data, meta, raw) };
    }
    case 'host': {
      const user = userOf(item);
      const viewers = count(item.viewers);
      if (!user || viewers === undefined) return { ok: false, problem: 'host without name or viewers' };
      return { ok: true, event: streamlabsEvent('host', user, { viewerCount: viewers }, meta, raw) };
    }
    case 'raid': {
      const user = userOf(item);
      const raiders = count(item.raiders);
      if (!user || raiders === undefined) return { ok: false, problem: 'raid without name or raiders' };
      return { ok: true, event: streamlabsEvent('raid', user, { viewerCount: raiders }, meta, raw) };
    }
    case 'bits': {
      const user = userOf(item);
      const amount = parseDecimal(item.amount);
      if (!user || !amount) return { ok: false, problem: 'bits without name or amount' };
      const data: { amount: number; message?: string } = { amount: amount.value };
      const message = str(item.message);
      if (message !== undefined) data.message = message;
      return { ok: true, event: streamlabsEvent('bits', user, data, meta, raw) };
    }
    case 'merch': {
      const user = userOf(item);
      const product = str(item.product);
      if (!user || !product) return { ok: false, problem: 'merch without name or product' };
      const data: { product: string; message?: string; imageUrl?: string } = { product };
      const message = str(item.message);
      if (message !== undefined) data.message = message;
      const image = str(item.imageHref);
      if (image !== undefined) data.imageUrl = image;
      return { ok: true, event: streamlabsEvent('merch', user, data, meta, raw) };
    }
    default:
      return { ok: false, problem: '' };
  }
}

/** Alert types this normalizer maps (others become `unknown` events). */
export const MAPPED_ALERT_TYPES: ReadonlySet<string> = new Set([
  'donation',
  'superchat',
  'follow',
  'subscription',
  'resub',
  'resubscription',
  'submysterygift',
  'host',
  'raid',
  'bits',
  'merch',
]);

function unknownEvent(kind: string, payload: unknown, reason: string, meta: EventMeta): StreamlabsEvent {
  return createEvent({ source: 'streamlabs', type: 'unknown', user: systemUser(), data: { kind, payload, reason }, meta, raw: payload });
}

/**
 * Turns one Streamlabs Socket.IO `event` payload into events, one per alert item:
 * - the seven alert types of spec 002 (plus `resub`, `submysterygift` → `subscription` and YouTube
 *   `superchat` → `donation`), from every `for` platform, with `meta.platform` set to it;
 * - amounts kept exact (`amountString`) next to the number;
 * - test alerts flagged `meta.test` (dropping them is the connector's choice, not this function's);
 * - non-alert types (`alertPlaying`, `streamlabels`...) → `[]`;
 * - unknown alert types and malformed items → `unknown` events (with `problem` set for malformed ones).
 *
 * @example
 * ```ts
 * const [alert] = normalizeStreamlabsEvent({ type: 'bits', for: 'twitch_account', message: [{ name: 'a', amount: '100', _id: 'x' }] });
 * alert.event; // { source: 'streamlabs', type: 'bits', data: { amount: 100 }, meta: { platform: 'twitch', ... } }
 * ```
 */
export function normalizeStreamlabsEvent(payload: unknown): NormalizedStreamlabsAlert[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return [
      {
        event: unknownEvent('event', payload, 'Streamlabs event payload is not an object', {}),
        dedupeKey: undefined,
        test: false,
        problem: 'Streamlabs event payload is not an object',
      },
    ];
  }
  const wire = payload as RawStreamlabsSocketEvent;
  const type = typeof wire.type === 'string' ? wire.type : '';
  if (NON_ALERT_TYPES.has(type)) return [];
  const platform = platformOf(wire.for);
  const eventId = str(wire.event_id);
  const items = Array.isArray(wire.message) ? wire.message : wire.message !== undefined && wire.message !== null ? [wire.message] : [];
  const wireTest = wire.isTest === true;

  if (!MAPPED_ALERT_TYPES.has(type) || items.length === 0) {
    const first = items[0];
    const firstId = first && typeof first === 'object' ? str(first._id) : undefined;
    const test = wireTest || (typeof first === 'object' && first !== null && first.isTest === true);
    const meta: EventMeta = { platform };
    if (firstId) meta.platformMessageId = firstId;
    if (test) meta.test = true;
    const malformed = MAPPED_ALERT_TYPES.has(type) || type === '';
    const reason =
      type === ''
        ? 'Streamlabs event without a type'
        : malformed
          ? `Streamlabs "${type}" event without alert items`
          : `no mapping for Streamlabs alert type "${type}"`;
    const result: NormalizedStreamlabsAlert = {
      event: unknownEvent(type || 'event', payload, reason, meta),
      dedupeKey: firstId ?? eventId,
      test,
    };
    if (malformed) result.problem = reason;
    return [result];
  }

  const out: NormalizedStreamlabsAlert[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const dedupeKey = (item && typeof item === 'object' ? str(item._id) : undefined) ?? (eventId ? `${eventId}#${index}` : undefined);
    if (typeof item !== 'object' || item === null) {
      const problem = `Streamlabs "${type}" alert item is not an object`;
      out.push({ event: unknownEvent(type, payload, problem, { platform }), dedupeKey, test: wireTest, problem });
      continue;
    }
    const test = wireTest || item.isTest === true;
    const meta: EventMeta = { platform };
    if (item._id !== undefined) meta.platformMessageId = String(item._id);
    if (test) meta.test = true;
    const mapped = mapItem(type, item, meta, payload);
    if (mapped.ok) out.push({ event: mapped.event, dedupeKey, test });
    else out.push({ event: unknownEvent(type, item, mapped.problem, meta), dedupeKey, test, problem: `Streamlabs ${mapped.problem}` });
  }
  return out;
}
