import { z } from 'zod';
import { once } from '../util/lazy-shape.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { compileAccept, type FastAccept } from './fast-accept.js';
import { customDataSchemas, isPlatform, platformDataSchema } from './registry.js';
import type { StreamEvent } from './stream-event.js';
import { eventMetaSchema } from './meta.js';
import { streamUserSchema, type StreamUser } from './user.js';

const envelopeSchema = once(() =>
  z.looseObject({
    id: z.uuid(),
    type: z.string().min(1),
    source: z.string().min(1),
    timestamp: z.number().int().nonnegative(),
    user: streamUserSchema.loose(),
    data: z.record(z.string(), z.unknown()),
    raw: z.unknown().optional(),
    meta: eventMetaSchema.loose().optional(),
  }),
);

/** The result of {@link parseEvent}: the typed event, or an error naming every problem. */
export type ParseEventResult = { ok: true; event: StreamEvent } | { ok: false; error: ValidationError };

function toIssues(error: z.ZodError, prefix: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** A data schema with its compiled fast accept (see fast-accept.ts). */
interface Checker {
  schema: z.ZodType<Record<string, unknown>>;
  accept: FastAccept | undefined;
}

const checkers = new WeakMap<z.ZodType, Checker>();

function checkerOf(schema: z.ZodType<Record<string, unknown>>): Checker {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = { schema, accept: compileAccept(schema) };
    checkers.set(schema, checker);
  }
  return checker;
}

/** Per platform, per type: the checker, looked up once. */
const platformCheckers = new Map<string, Map<string, Checker>>();

function platformChecker(platform: string, type: string): Checker | undefined {
  let byType = platformCheckers.get(platform);
  if (!byType) {
    byType = new Map();
    platformCheckers.set(platform, byType);
  }
  let checker = byType.get(type);
  if (!checker) {
    const schema = platformDataSchema(platform, type);
    if (!schema) return undefined;
    checker = checkerOf(schema);
    byType.set(type, checker);
  }
  return checker;
}

/**
 * Validates `data` for `source`/`type`; returns the parsed data or the issues (paths under `data.`).
 * Data that already has the exact catalogue shape (the usual case: connectors on the hot path) is
 * accepted by a precompiled check and returned as is; anything else goes through the zod schema.
 */
export function validateData(
  source: string,
  type: string,
  data: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] } {
  if (isPlatform(source)) {
    const checker = platformChecker(source, type);
    if (!checker) {
      return { ok: false, issues: [{ path: 'type', message: `unknown event type "${type}" for source "${source}"` }] };
    }
    if (checker.accept?.(data)) return { ok: true, data: data as Record<string, unknown> };
    const result = checker.schema.safeParse(data);
    return result.success ? { ok: true, data: result.data } : { ok: false, issues: toIssues(result.error, 'data') };
  }
  const candidates = customDataSchemas(type);
  if (candidates.length === 0) {
    return { ok: false, issues: [{ path: 'type', message: `unknown event type "${type}"` }] };
  }
  let best: ValidationIssue[] | undefined;
  for (const schema of candidates) {
    // In candidate order, as before: the fast accept only answers where zod would succeed unchanged.
    if (checkerOf(schema).accept?.(data)) return { ok: true, data: data as Record<string, unknown> };
    const result = schema.safeParse(data);
    if (result.success) return { ok: true, data: result.data };
    const issues = toIssues(result.error, 'data');
    if (!best || issues.length < best.length) best = issues;
  }
  return { ok: false, issues: best ?? [] };
}

/** The user checker, compiled on first use (compiling reads the schema's shape, which builds it). */
let userChecker: Checker | undefined;

/**
 * Validates a value as a {@link StreamUser}: the user itself when it already has the exact shape (a
 * precompiled check, cheap on the hot path), else the zod result, or the issues (paths under `user.`).
 *
 * @example
 * ```ts
 * const checked = validateUser({ id: '1', username: 'a', nickname: 'A' });
 * if (!checked.ok) console.error(checked.issues); // [{ path: 'user.id', message: '...' }]
 * ```
 */
export function validateUser(user: unknown): { ok: true; user: StreamUser } | { ok: false; issues: ValidationIssue[] } {
  userChecker ??= checkerOf(streamUserSchema as unknown as z.ZodType<Record<string, unknown>>);
  if (userChecker.accept?.(user)) return { ok: true, user: user as StreamUser };
  const result = streamUserSchema.safeParse(user);
  return result.success ? { ok: true, user: result.data } : { ok: false, issues: toIssues(result.error, 'user') };
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
  const envelope = envelopeSchema().safeParse(input);
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
