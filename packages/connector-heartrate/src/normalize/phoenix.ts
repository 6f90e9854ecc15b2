import { ProtocolError } from '@vmsc/core';
import type { PhoenixMessage } from '../raw/phoenix.js';

/** A decoded Phoenix frame, or why it could not be decoded. */
export type PhoenixDecodeResult = { ok: true; message: PhoenixMessage } | { ok: false; error: ProtocolError };

/**
 * Decodes one Phoenix Channels text frame: the V1 object form `{topic, event, payload, ref}` that
 * HypeRate sends, or the V2 array form `[join_ref, ref, topic, event, payload]`.
 */
export function decodePhoenixFrame(text: string): PhoenixDecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { ok: false, error: malformed('not JSON', text, cause) };
  }
  if (Array.isArray(value)) {
    const [joinRef, ref, topic, event, payload] = value as unknown[];
    if (value.length === 5 && typeof topic === 'string' && typeof event === 'string') {
      return { ok: true, message: { join_ref: asRef(joinRef), ref: asRef(ref), topic, event, payload } };
    }
    return { ok: false, error: malformed('not a Phoenix V2 [join_ref, ref, topic, event, payload] array', text) };
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.topic === 'string' && typeof record.event === 'string') {
      return { ok: true, message: { topic: record.topic, event: record.event, payload: record.payload, ref: asRef(record.ref) } };
    }
  }
  return { ok: false, error: malformed('not a Phoenix message (needs string topic and event)', text) };
}

/** Encodes a Phoenix V1 message (the form HypeRate documents). */
export function encodePhoenixMessage(message: PhoenixMessage): string {
  return JSON.stringify({ topic: message.topic, event: message.event, payload: message.payload, ref: message.ref });
}

function asRef(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function malformed(what: string, text: string, cause?: unknown): ProtocolError {
  const excerpt = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new ProtocolError(`HypeRate sent a frame that is ${what}: ${JSON.stringify(excerpt)}`, {
    code: 'PHOENIX_MALFORMED_FRAME',
    ...(cause === undefined ? {} : { cause }),
  });
}
