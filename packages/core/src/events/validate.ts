import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { customDataSchemas, isPlatform, platformDataSchema } from './registry.js';
import type { StreamEvent } from './stream-event.js';
import { eventMetaSchema } from './meta.js';
import { streamUserSchema } from './user.js';

const envelopeSchema = z.looseObject({
  id: z.uuid(),
  type: z.string().min(1),
  source: z.string().min(1),
  timestamp: z.number().int().nonnegative(),
  user: streamUserSchema.loose(),
  data: z.record(z.string(), z.unknown()),
  raw: z.unknown().optional(),
  meta: eventMetaSchema.loose().optional(),
});

/** The result of {@link parseEvent}: the typed event, or an error naming every problem. */
export type ParseEventResult = { ok: true; event: StreamEvent } | { ok: false; error: ValidationError };

function toIssues(error: z.ZodError, prefix: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** Validates `data` for `source`/`type`; returns the parsed data or the issues (paths under `data.`). */
export function validateData(
  source: string,
  type: string,
  data: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] } {
  if (isPlatform(source)) {
    const schema = platformDataSchema(source, type);
    if (!schema) {
      return { ok: false, issues: [{ path: 'type', message: `unknown event type "${type}" for source "${source}"` }] };
    }
    const result = schema.safeParse(data);
    return result.success ? { ok: true, data: result.data } : { ok: false, issues: toIssues(result.error, 'data') };
  }
  const candidates = customDataSchemas(type);
  if (candidates.length === 0) {
    return { ok: false, issues: [{ path: 'type', message: `unknown event type "${type}"` }] };
  }
  let best: ValidationIssue[] | undefined;
  for (const schema of candidates) {
    const result = schema.safeParse(data);
    if (result.success) return { ok: true, data: result.data };
    const issues = toIssues(result.error, 'data');
    if (!best || issues.length < best.length) best = issues;
  }
  return { ok: false, issues: best ?? [] };
}

/**
 * Validates any value as a {@link StreamEvent}: the envelope of spec 002 and the `data` payload of its
 * type (for a built-in platform, that platform's payload; for a custom source, any platform's payload
 * of that type). Unknown extra fields are kept.
 *
 * @example
 * ```ts
 * const result = parseEvent(JSON.parse(text));
 * if (result.ok) bus.publish(result.event);
 * else console.error(result.error.issues); // [{ path: 'data.diamondCount', message: '...' }]
 * ```
 */
export function parseEvent(input: unknown): ParseEventResult {
  const envelope = envelopeSchema.safeParse(input);
  const issues: ValidationIssue[] = envelope.success ? [] : toIssues(envelope.error, '');
  const candidate = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const { source, type, data } = candidate;
  if (typeof source === 'string' && typeof type === 'string' && source && type) {
    const checked = validateData(source, type, data);
    if (!checked.ok) {
      for (const issue of checked.issues) {
        if (!issues.some((known) => known.path === issue.path)) issues.push(issue);
      }
    } else if (envelope.success) {
      return { ok: true, event: { ...envelope.data, data: checked.data } as unknown as StreamEvent };
    }
  }
  if (issues.length === 0) issues.push({ path: '', message: 'not a StreamEvent' });
  return { ok: false, error: new ValidationError('invalid StreamEvent', issues) };
}

/** Like {@link parseEvent} but returns the event or throws the {@link ValidationError}. */
export function assertEvent(input: unknown): StreamEvent {
  const result = parseEvent(input);
  if (!result.ok) throw result.error;
  return result.event;
}
