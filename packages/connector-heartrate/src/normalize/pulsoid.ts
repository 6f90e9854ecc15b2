import { ProtocolError, type VmscError } from '@vmsc/core';
import { classifyPulsoidError, isPulsoidErrorBody } from '../errors.js';
import { bpmUpdate, readingValue, unknownEvent, type HeartRateEvent } from './events.js';

/** What one Pulsoid frame turned into. */
export type PulsoidFrameResult =
  /** A reading (`bpm_update`) or a well-formed message with no reading (`unknown`). */
  | { kind: 'event'; event: HeartRateEvent }
  /** Pulsoid's `{error_code, error_message}` body arrived on the open socket. */
  | { kind: 'error'; error: VmscError; fatal: boolean }
  /** Neither JSON nor a bare number. */
  | { kind: 'malformed'; error: ProtocolError };

const PLAIN_NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * Normalizes one text frame of Pulsoid's real-time WebSocket (pure: no I/O, no clock).
 *
 * - `{"measured_at": 1625310655000, "data": {"heart_rate": 40}}` → `bpm_update` `{bpm: 40,
 *   measuredAt: 1625310655000}`; a missing or invalid `measured_at` falls back to `receivedAt`.
 * - `123` (`response_mode=text_plain_only_heart_rate`) → `bpm_update` measured at `receivedAt`.
 * - `heart_rate: 0` → `bpm_update` with `bpm: 0, inactive: true`.
 * - JSON without a usable `data.heart_rate` → `unknown` (reason says why).
 * - `{error_code, error_message}` → a typed error (see {@link classifyPulsoidError}).
 * - anything else → `malformed` with a {@link ProtocolError}.
 *
 * @example
 * ```ts
 * normalizePulsoidFrame('{"measured_at":1625310655000,"data":{"heart_rate":40}}', Date.now());
 * // { kind: 'event', event: { type: 'bpm_update', data: { bpm: 40, measuredAt: 1625310655000, provider: 'pulsoid' }, ... } }
 * ```
 */
export function normalizePulsoidFrame(text: string, receivedAt: number): PulsoidFrameResult {
  const first = text.charCodeAt(0);
  // Only the plain-text mode starts with a digit or blank; skip the regex for JSON objects.
  if (first !== 0x7b && PLAIN_NUMBER.test(text)) {
    return { kind: 'event', event: bpmUpdate(Number(text), receivedAt, 'pulsoid', text, receivedAt) };
  }
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (cause) {
    return { kind: 'malformed', error: malformed(text, cause) };
  }
  return normalizePulsoidMessage(message, receivedAt);
}

/** Normalizes an already-parsed Pulsoid message (see {@link normalizePulsoidFrame}). */
export function normalizePulsoidMessage(message: unknown, receivedAt: number): PulsoidFrameResult {
  if (typeof message === 'number') {
    const bpm = readingValue(message);
    if (bpm !== undefined) return { kind: 'event', event: bpmUpdate(bpm, receivedAt, 'pulsoid', message, receivedAt) };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { kind: 'event', event: unknownEvent('pulsoid:unexpected', message, 'not a Pulsoid reading object', receivedAt) };
  }
  const record = message as { measured_at?: unknown; data?: { heart_rate?: unknown } | null };
  const bpm = readingValue(record.data?.heart_rate);
  if (bpm !== undefined) {
    const measuredAt = readingValue(record.measured_at) ?? receivedAt;
    return { kind: 'event', event: bpmUpdate(bpm, measuredAt, 'pulsoid', message, receivedAt) };
  }
  if (isPulsoidErrorBody(message)) {
    const { error, fatal } = classifyPulsoidError(undefined, message);
    return { kind: 'error', error, fatal };
  }
  return { kind: 'event', event: unknownEvent('pulsoid:message', message, 'no usable data.heart_rate (absent reading)', receivedAt) };
}

function malformed(text: string, cause: unknown): ProtocolError {
  const excerpt = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new ProtocolError(`Pulsoid sent a frame that is neither JSON nor a number: ${JSON.stringify(excerpt)}`, {
    cause,
    code: 'PULSOID_MALFORMED_FRAME',
  });
}
