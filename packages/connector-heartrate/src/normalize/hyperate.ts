import type { ProtocolError } from '@vmsc/core';
import { PHX, type PhoenixMessage, type PhoenixReplyPayload } from '../raw/phoenix.js';
import { bpmUpdate, readingValue, unknownEvent, type HeartRateEvent } from './events.js';
import { decodePhoenixFrame } from './phoenix.js';

/** What one HypeRate frame turned into. */
export type HypeRateFrameResult =
  /** `hr_update` → `bpm_update`; any other broadcast (e.g. `clip:created`) → `unknown`. */
  | { kind: 'event'; event: HeartRateEvent }
  /** A `phx_reply` to one of our pushes (join, heartbeat, leave). */
  | { kind: 'reply'; topic: string; ref: string | null; status: string; reason: string | undefined; payload: unknown }
  /** `phx_error` (the channel crashed on the server) or `phx_close` (the server closed it). */
  | { kind: 'channel_lost'; topic: string; event: 'phx_error' | 'phx_close' }
  /** Not a Phoenix message. */
  | { kind: 'malformed'; error: ProtocolError };

/**
 * Normalizes one text frame of HypeRate's Phoenix socket (pure: no I/O, no clock).
 *
 * - `{"event":"hr_update","payload":{"hr":79},"topic":"hr:<id>","ref":null}` → `bpm_update`
 *   `{bpm: 79, measuredAt: receivedAt}` (HypeRate sends no timestamp) with `meta.channel` `<id>`;
 *   `hr: 0` → `bpm: 0, inactive: true`; no usable `hr` → `unknown`.
 * - `phx_reply`, `phx_error`, `phx_close` → control results for the connector.
 * - any other event → `unknown` with the Phoenix event name as `kind`.
 *
 * @example
 * ```ts
 * normalizeHypeRateFrame('{"event":"hr_update","payload":{"hr":59},"ref":null,"topic":"hr:Rhl"}', Date.now());
 * ```
 */
export function normalizeHypeRateFrame(text: string, receivedAt: number): HypeRateFrameResult {
  const decoded = decodePhoenixFrame(text);
  if (!decoded.ok) return { kind: 'malformed', error: decoded.error };
  return normalizeHypeRateMessage(decoded.message, receivedAt);
}

/** Normalizes a decoded Phoenix message (see {@link normalizeHypeRateFrame}). */
export function normalizeHypeRateMessage(message: PhoenixMessage, receivedAt: number): HypeRateFrameResult {
  const { topic, event, payload } = message;
  switch (event) {
    case 'hr_update': {
      const channel = topicId(topic);
      const bpm = readingValue((payload as { hr?: unknown } | null)?.hr);
      if (bpm === undefined) {
        return {
          kind: 'event',
          event: unknownEvent('hr_update', message, 'no usable payload.hr (absent reading)', receivedAt, { channel }),
        };
      }
      return { kind: 'event', event: bpmUpdate(bpm, receivedAt, 'hyperate', message, receivedAt, { channel }) };
    }
    case PHX.reply: {
      const reply = (payload ?? {}) as Partial<PhoenixReplyPayload>;
      const reason = typeof reply.response?.reason === 'string' ? reply.response.reason : undefined;
      return {
        kind: 'reply',
        topic,
        ref: message.ref === null ? null : String(message.ref),
        status: typeof reply.status === 'string' ? reply.status : 'unknown',
        reason,
        payload,
      };
    }
    case PHX.error:
    case PHX.close:
      return { kind: 'channel_lost', topic, event };
    default:
      return {
        kind: 'event',
        event: unknownEvent(event, message, `no VMSC event for HypeRate "${event}" on "${topic}"`, receivedAt, {
          channel: topicId(topic),
        }),
      };
  }
}

/** `hr:abc` → `abc`, `clips:abc` → `abc`. */
function topicId(topic: string): string {
  const colon = topic.indexOf(':');
  return colon === -1 ? topic : topic.slice(colon + 1);
}
