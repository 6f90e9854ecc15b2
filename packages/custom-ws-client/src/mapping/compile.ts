import { JSONPath } from 'jsonpath-plus';
import { ValidationError, type ValidationIssue } from '@vmsc/core';
import type { FieldMapping, JsonValue, MessageFilter, MessageMapping } from './types.js';

/** A JSONPath expression parsed and checked once, ready to evaluate against many messages. */
export interface CompiledPath {
  readonly expression: string;
  evaluate(json: unknown): unknown;
}

/** User fields that are strings in a StreamEvent: numeric ids are turned into strings. */
const NAME_FIELDS = new Set(['id', 'username', 'nickname']);

const UNSAFE_SEGMENT = /[*?()@^~:,`$]/;

/**
 * Parses and checks a JSONPath expression once. Script expressions (`?(...)`, `(...)`) are refused
 * here, before any message is seen; evaluation also runs with jsonpath-plus `eval: false`
 * (CVE-2024-21534, CVE-2025-1302). Plain paths (`$.a.b[0]`) are then walked directly from the
 * parsed segments; other paths (`..`, `*`, slices, unions) are evaluated by jsonpath-plus.
 *
 * @throws `ValidationError` (from @vmsc/core) for an invalid or scripted expression.
 */
export function compilePath(expression: string, where: string): CompiledPath {
  if (typeof expression !== 'string' || !expression.startsWith('$')) {
    throw new ValidationError('invalid mapping', [
      { path: where, message: `a JSONPath must start with "$" (got ${JSON.stringify(expression)})` },
    ]);
  }
  let segments: string[];
  try {
    segments = [...JSONPath.toPathArray(expression)];
  } catch (error) {
    throw new ValidationError('invalid mapping', [
      { path: where, message: `cannot parse JSONPath: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
  // Parentheses only ever appear in script expressions (`?(...)`, `(...)`): refuse them anywhere in the
  // text, before looking at how jsonpath-plus split it (it can yield null segments around a script).
  if (segments.some((segment) => typeof segment !== 'string') && !expression.includes('(')) {
    throw new ValidationError('invalid mapping', [{ path: where, message: `cannot parse JSONPath: ${JSON.stringify(expression)}` }]);
  }
  if (expression.includes('(') || segments.some((segment) => typeof segment !== 'string' || segment.startsWith('?'))) {
    throw new ValidationError('invalid mapping', [
      { path: where, message: `script expressions are not allowed in mappings: ${JSON.stringify(expression)}` },
    ]);
  }
  const steps = segments.slice(1);
  const plain = segments[0] === '$' && steps.every((segment) => segment !== '..' && !UNSAFE_SEGMENT.test(segment));
  if (plain) {
    return {
      expression,
      evaluate(json) {
        let value: unknown = json;
        for (const step of steps) {
          if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
          value = (value as Record<string, unknown>)[step];
        }
        return value;
      },
    };
  }
  return {
    expression,
    evaluate(json) {
      if (json === null || typeof json !== 'object') return undefined;
      const found = JSONPath({ path: expression, json, eval: false, wrap: true }) as unknown[] | undefined;
      return found?.[0];
    },
  };
}

type CompiledField = (message: unknown) => unknown;

function compileField(spec: FieldMapping, where: string): CompiledField {
  if (typeof spec === 'string') {
    const path = compilePath(spec, where);
    return (message) => path.evaluate(message);
  }
  if (spec !== null && typeof spec === 'object' && 'const' in spec) {
    const value = spec.const;
    return () => value;
  }
  if (spec !== null && typeof spec === 'object' && 'path' in spec) {
    const path = compilePath(spec.path, `${where}.path`);
    const fallback = spec.default;
    return (message) => {
      const value = path.evaluate(message);
      return value === undefined || value === null ? fallback : value;
    };
  }
  throw new ValidationError('invalid mapping', [{ path: where, message: 'expected a JSONPath string, { path, default? } or { const }' }]);
}

function compileFilter(filter: MessageFilter, where: string): (message: unknown) => boolean {
  if (
    typeof filter !== 'string' &&
    (filter === null || typeof filter !== 'object' || !('equals' in filter) || typeof filter.path !== 'string')
  ) {
    throw new ValidationError('invalid mapping', [{ path: where, message: 'expected a JSONPath string or { path, equals }' }]);
  }
  if (typeof filter === 'string') {
    const path = compilePath(filter, where);
    return (message) => {
      const value = path.evaluate(message);
      return value !== undefined && value !== null && value !== false;
    };
  }
  const path = compilePath(filter.path, `${where}.path`);
  const expected = JSON.stringify(filter.equals);
  return (message) => JSON.stringify(path.evaluate(message)) === expected;
}

/** What a compiled mapping makes of a message. */
export type MappingOutcome =
  | { kind: 'mapped'; type: string; user: Record<string, unknown> | undefined; data: Record<string, unknown> }
  | { kind: 'filtered' }
  | { kind: 'unmapped'; reason: string };

/** A mapping compiled once: every path parsed and checked. */
export interface CompiledMapping {
  /** Whether this mapping's filter accepts the message. */
  accepts(message: unknown): boolean;
  apply(message: unknown): MappingOutcome;
}

function setNested(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** Compiles one {@link MessageMapping}; throws a {@link ValidationError} naming every bad field. */
export function compileMapping(mapping: MessageMapping, where = 'mapping'): CompiledMapping {
  const issues: ValidationIssue[] = [];
  const attempt = <T>(build: () => T): T | undefined => {
    try {
      return build();
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      else throw error;
      return undefined;
    }
  };
  if (mapping === null || typeof mapping !== 'object') {
    throw new ValidationError('invalid mapping', [{ path: where, message: 'expected an object' }]);
  }
  const type = mapping.type === undefined ? undefined : attempt(() => compileField(mapping.type, `${where}.type`));
  if (mapping.type === undefined) issues.push({ path: `${where}.type`, message: 'required' });
  const filter = mapping.filter === undefined ? undefined : attempt(() => compileFilter(mapping.filter!, `${where}.filter`));
  const users: Array<[string, CompiledField]> = [];
  const data: Array<[string, CompiledField]> = [];
  for (const [key, spec] of Object.entries(mapping)) {
    if (key === 'type' || key === 'types' || key === 'filter') continue;
    const field = attempt(() => compileField(spec as FieldMapping, `${where}.${key}`));
    if (key.startsWith('user.') && key.length > 5) {
      if (field) users.push([key.slice(5), field]);
    } else if (key.startsWith('data.') && key.length > 5) {
      if (field) data.push([key.slice(5), field]);
    } else {
      issues.push({ path: `${where}.${key}`, message: 'unknown mapping key: use type, types, filter, user.<field> or data.<field>' });
    }
  }
  const renames = mapping.types;
  if (
    renames !== undefined &&
    (renames === null ||
      typeof renames !== 'object' ||
      Array.isArray(renames) ||
      Object.values(renames).some((name) => typeof name !== 'string'))
  ) {
    issues.push({ path: `${where}.types`, message: 'expected an object mapping found values to event type names (strings)' });
  }
  if (issues.length > 0) throw new ValidationError('invalid mapping', issues);
  return {
    accepts: (message) => !filter || filter(message),
    apply(message) {
      if (filter && !filter(message)) return { kind: 'filtered' };
      const rawType = type!(message);
      if (typeof rawType !== 'string' && typeof rawType !== 'number') {
        return { kind: 'unmapped', reason: `the type mapping found no value (${describe(mapping.type)})` };
      }
      const found = String(rawType);
      const eventType = renames && Object.hasOwn(renames, found) ? renames[found]! : found;
      let user: Record<string, unknown> | undefined;
      for (const [key, field] of users) {
        const value = field(message);
        if (value === undefined) continue;
        user ??= {};
        user[key] = NAME_FIELDS.has(key) && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value;
      }
      const out: Record<string, unknown> = {};
      for (const [key, field] of data) {
        const value = field(message);
        if (value !== undefined) setNested(out, key, value);
      }
      return { kind: 'mapped', type: eventType, user, data: out };
    },
  };
}

function describe(spec: FieldMapping): string {
  if (typeof spec === 'string') return spec;
  return 'path' in spec ? spec.path : `const ${JSON.stringify((spec as { const: JsonValue }).const)}`;
}
