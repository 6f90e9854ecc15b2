import { parseEvent, ValidationError, VmscError, type StreamEvent } from '@vmsc/core';

/**
 * Asserts that `value` is a valid {@link StreamEvent} (`parseEvent` ok); throws an error naming every
 * issue otherwise. Use it on whatever a normalizer returns for arbitrary input.
 *
 * @example
 * ```ts
 * const event = expectValidEvent(normalize(frame));
 * ```
 */
export function expectValidEvent(value: unknown): StreamEvent {
  const result = parseEvent(value);
  if (!result.ok) {
    const issues = result.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new Error(`not a valid event (${issues}): ${safeJson(value)}`);
  }
  if (result.event.type === 'unknown') {
    const data = result.event.data as { kind?: unknown };
    if (typeof data.kind !== 'string') throw new Error(`unknown event without a kind: ${safeJson(value)}`);
  }
  return result.event;
}

/**
 * Asserts that `error` is a reported, typed error: a `VmscError` with a code and a message, and, for a
 * `ValidationError`, at least one issue. Returns it narrowed.
 *
 * @example
 * ```ts
 * expect(() => parse(text)).toThrow(); // not enough: which error?
 * try { parse(text); } catch (error) { expectTypedError(error); }
 * ```
 */
export function expectTypedError(error: unknown): VmscError {
  if (!(error instanceof VmscError)) {
    throw new Error(`expected a VmscError, got ${error instanceof Error ? `${error.name}: ${error.message}` : safeJson(error)}`);
  }
  if (typeof error.code !== 'string' || error.code === '' || error.message === '') {
    throw new Error(`typed error without a code or message: ${error.name}`);
  }
  if (error instanceof ValidationError && error.issues.length === 0) {
    throw new Error(`ValidationError without issues: ${error.message}`);
  }
  return error;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}
