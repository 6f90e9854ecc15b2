import type { z } from 'zod';

/**
 * A fast accept for the catalogue's zod schemas, compiled once per schema from the schema's own
 * definition: a tree of small closures that answers `true` only when zod would accept the value AND
 * return a deep-equal copy of it (no key stripped, no default or transform applied). Anything else
 * answers `false`, which means "ask zod", never "invalid": the caller then runs `safeParse`, so
 * validation and its issues stay exactly zod's. A schema using a construct this file does not know
 * compiles to `undefined` (always zod).
 *
 * @packageDocumentation
 */

/** `true`: zod would accept `value` unchanged. `false`: unsure, run zod. */
export type FastAccept = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  coerce?: boolean;
}

interface CheckDef {
  check: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  pattern?: RegExp;
  when?: unknown;
}

const ACCEPT_ANY: FastAccept = () => true;

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** One number/string refinement as a predicate; `undefined` if unknown. */
function compileCheck(check: CheckDef): ((value: never) => boolean) | undefined {
  if (check.when !== undefined) return undefined;
  switch (check.check) {
    case 'number_format':
      return check.format === 'safeint' ? (value: number) => Number.isSafeInteger(value) : undefined;
    case 'greater_than': {
      const min = check.value;
      if (typeof min !== 'number') return undefined;
      return check.inclusive ? (value: number) => value >= min : (value: number) => value > min;
    }
    case 'less_than': {
      const max = check.value;
      if (typeof max !== 'number') return undefined;
      return check.inclusive ? (value: number) => value <= max : (value: number) => value < max;
    }
    case 'string_format': {
      const pattern = check.pattern;
      if (check.format !== 'regex' || !(pattern instanceof RegExp)) return undefined;
      return (value: string) => {
        pattern.lastIndex = 0;
        return pattern.test(value);
      };
    }
    default:
      return undefined;
  }
}

function withChecks(def: Def, base: FastAccept): FastAccept | undefined {
  const checks = def.checks ?? [];
  if (checks.length === 0) return base;
  const compiled: Array<(value: never) => boolean> = [];
  for (const check of checks) {
    const predicate = compileCheck(check._zod.def);
    if (!predicate) return undefined;
    compiled.push(predicate);
  }
  return (value) => {
    if (!base(value)) return false;
    for (const predicate of compiled) if (!(predicate as (value: unknown) => boolean)(value)) return false;
    return true;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function compileObject(def: Def): FastAccept | undefined {
  const shape = def.shape ?? {};
  const loose = def.catchall !== undefined && defOf(def.catchall).type === 'unknown';
  if (def.catchall !== undefined && !loose) return undefined;
  const keys = Object.keys(shape);
  const fields: FastAccept[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const fieldDef = defOf(shape[key]!);
    const accept = compileAccept(shape[key]!);
    if (!accept) return undefined;
    fields.push(accept);
    optional.push(fieldDef.type === 'optional');
  }
  const count = keys.length;
  return (value) => {
    if (!isPlainObject(value)) return false;
    let present = 0;
    for (let i = 0; i < count; i++) {
      const field = value[keys[i]!];
      if (field === undefined) {
        // Absent optional keys are fine; a key present with `undefined` is left to zod.
        if (!optional[i] || Object.hasOwn(value, keys[i]!)) return false;
        continue;
      }
      if (!fields[i]!(field)) return false;
      present++;
    }
    // zod leaves an own `__proto__` key (JSON.parse makes one) out of its output: ask zod.
    if (loose) return !Object.hasOwn(value, '__proto__');
    // A stripping object: any own key outside the shape would be removed by zod, so ask zod.
    let own = 0;
    for (const key in value) if (Object.hasOwn(value, key)) own++;
    return own === present;
  };
}

/**
 * Compiles the fast accept of a zod schema, or `undefined` when the schema uses something it does not
 * know (then callers always use zod).
 */
export function compileAccept(schema: z.ZodType): FastAccept | undefined {
  const def = defOf(schema);
  if (def.coerce) return undefined;
  switch (def.type) {
    case 'string':
      return withChecks(def, (value) => typeof value === 'string');
    case 'number':
      return withChecks(def, (value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return def.checks?.length ? undefined : (value) => typeof value === 'boolean';
    case 'unknown':
      return def.checks?.length ? undefined : ACCEPT_ANY;
    case 'enum': {
      if (def.checks?.length || !def.entries) return undefined;
      const values = new Set(Object.values(def.entries));
      return (value) => values.has(value);
    }
    case 'optional': {
      const inner = def.innerType && compileAccept(def.innerType);
      return inner && !def.checks?.length ? (value) => value === undefined || inner(value) : undefined;
    }
    case 'nullable': {
      const inner = def.innerType && compileAccept(def.innerType);
      return inner && !def.checks?.length ? (value) => value === null || inner(value) : undefined;
    }
    case 'array': {
      const element = def.element && compileAccept(def.element);
      if (!element || def.checks?.length) return undefined;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'object':
      return def.checks?.length ? undefined : compileObject(def);
    default:
      return undefined;
  }
}
