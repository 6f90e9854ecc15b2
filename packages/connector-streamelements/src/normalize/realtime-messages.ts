import type { RawActivityData, RawTestEvent, RawTestEventItem } from '../raw/realtime.js';
import { normalizeActivity, unknownStreamElementsEvent, type NormalizedActivity } from './activity.js';

/**
 * Normalization of the Realtime API's other server events: `event:test` (the dashboard's
 * emulator), `event:update` / `event:reset` (session values) and anything else.
 *
 * @packageDocumentation
 */

/**
 * Turns an `event:test` payload (`{listener: 'tip-latest', event: {type, name, amount, ...}}`, or
 * several events) into test-flagged events, through the same mapping as live activities. Test
 * events carry no provider, user id or currency: `meta.platform` is `streamelements`, the user id
 * is the lower-cased name, a tip's currency is `""` unless the payload gives one, and the
 * timestamp is `receivedAt` (test events carry no `createdAt`).
 *
 * @example
 * ```ts
 * normalizeTestEvent({ listener: 'follower-latest', event: { type: 'follower', name: 'Test_User', isTest: true } });
 * // [{ event: { type: 'follow', meta: { test: true, ... } }, test: true, ... }]
 * ```
 */
export function normalizeTestEvent(payload: unknown, receivedAt: number = Date.now()): NormalizedActivity[] {
  if (typeof payload !== 'object' || payload === null) {
    const problem = 'StreamElements event:test payload is not an object';
    return [
      {
        event: unknownStreamElementsEvent('event:test', payload, problem, { test: true }, receivedAt),
        dedupeKey: undefined,
        test: true,
        problem,
      },
    ];
  }
  const wire = payload as RawTestEvent;
  const listener = typeof wire.listener === 'string' ? wire.listener : '';
  const items = Array.isArray(wire.event) ? wire.event : wire.event ? [wire.event] : [];
  if (!listener.endsWith('-latest') || items.length === 0) {
    return [
      {
        event: unknownStreamElementsEvent(
          `event:test:${listener || 'unknown'}`,
          payload,
          `StreamElements test listener "${listener}" is not an event`,
          { test: true },
          receivedAt,
        ),
        dedupeKey: undefined,
        test: true,
      },
    ];
  }
  const fallbackType = listener.slice(0, -'-latest'.length);
  return items.map((item: RawTestEventItem) => {
    if (typeof item !== 'object' || item === null) {
      const problem = `StreamElements event:test item of "${listener}" is not an object`;
      return {
        event: unknownStreamElementsEvent(`event:test:${listener}`, payload, problem, { test: true }, receivedAt),
        dedupeKey: undefined,
        test: true,
        problem,
      };
    }
    const data: RawActivityData = {
      username: item.name,
      amount: item.amount,
      message: item.message,
      tier: item.tier,
      items: item.items,
      currency: typeof item.currency === 'string' ? item.currency : '',
    };
    if (typeof item.redemption === 'string') data.redemption = item.redemption;
    if (typeof item.sender === 'string') data.sender = item.sender;
    if (item.gifted === true) data.gifted = true;
    return normalizeActivity({ type: typeof item.type === 'string' ? item.type : fallbackType, data }, { test: true, receivedAt });
  });
}

/**
 * Surfaces a Realtime server event that has no StreamEvent type of its own (`event:update`,
 * `event:reset`, `event:skip`, `kvstore:update`...) as an `unknown` event whose `kind` is the
 * Socket.IO event name, so nothing StreamElements sends is lost. Its timestamp is `receivedAt`.
 */
export function normalizeOtherMessage(eventName: string, args: readonly unknown[], receivedAt: number = Date.now()): NormalizedActivity {
  const payload = args.length === 1 ? args[0] : args;
  const reason =
    eventName === 'event:update'
      ? `session value "${typeof (payload as { name?: unknown } | null)?.name === 'string' ? (payload as { name: string }).name : '?'}" updated (spec 002 has no session event type)`
      : eventName === 'event:reset' || eventName === 'session:reset'
        ? 'session reset (spec 002 has no session event type)'
        : `no mapping for StreamElements realtime event "${eventName}"`;
  return { event: unknownStreamElementsEvent(eventName, payload, reason, {}, receivedAt), dedupeKey: undefined, test: false };
}
