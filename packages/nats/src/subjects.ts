import type { StreamEvent } from '@vmsc/core';

/** The default subject prefix: events go to `vmsc.<source>.<type>`. */
export const DEFAULT_SUBJECT_PREFIX = 'vmsc';

/**
 * A subject token for a source or type: NATS tokens may not hold `.`, `*`, `>` or whitespace, so
 * every character outside `A-Z a-z 0-9 _ -` becomes `_` (`my.source` → `my_source`). The event itself
 * travels in the payload: the subject only routes and filters.
 */
export function subjectToken(text: string): string {
  const token = text.replace(/[^A-Za-z0-9_-]/g, '_');
  return token.length > 0 ? token : '_';
}

/** The subject of an event: `<prefix>.<source>.<type>`. */
export function subjectOf(prefix: string, event: StreamEvent): string {
  return `${prefix}.${subjectToken(event.source)}.${subjectToken(event.type)}`;
}

/**
 * The message id an event is stored under (`Nats-Msg-Id`) and delivered once by: the platform's own
 * message id when the connector knows it (`<platform>:<platformMessageId>`), so that two workers
 * watching the same channel during a hand-off store its messages once; else the event id.
 */
export function messageIdOf(event: StreamEvent): string {
  const platformId = event.meta?.platformMessageId;
  return platformId ? `${event.meta?.platform ?? event.source}:${platformId}` : event.id;
}
