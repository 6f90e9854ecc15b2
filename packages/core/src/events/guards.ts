import type { Platform, PlatformEvent, PlatformEventType, StreamEvent } from './stream-event.js';

/**
 * Narrows an event to one platform's payload.
 *
 * @example
 * ```ts
 * bus.onAny((e) => {
 *   if (isEvent(e, 'twitch', 'cheer')) console.log(e.data.bits);
 * });
 * ```
 */
export function isEvent<P extends Platform, T extends PlatformEventType<P>>(
  event: StreamEvent,
  source: P,
  type: T,
): event is Extract<StreamEvent, PlatformEvent<P, T>>;
/** Narrows an event to any event of one platform. */
export function isEvent<P extends Platform>(event: StreamEvent, source: P): event is Extract<StreamEvent, PlatformEvent<P>>;
export function isEvent(event: StreamEvent, source: string, type?: string): boolean {
  return event.source === source && (type === undefined || event.type === type);
}
