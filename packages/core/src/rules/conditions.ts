import type { JsonValue } from './json.js';
import { compileOperator, type Operator } from './operators.js';
import { compilePath, type Scope } from './path.js';

/**
 * A test of one event field (or variable) read by dotted path.
 *
 * @example
 * ```json
 * { "path": "data.repeatEnd", "op": "==", "value": true }
 * ```
 */
export interface FieldCondition {
  /** Dotted path: `data.giftName`, `user.id`, `source`, `meta.platform`, `vars.total`, `data.emotes[0]`. */
  path: string;
  op: Operator;
  /** The expected value (for `exists`: `true`, the default, or `false`). */
  value?: JsonValue;
  /** Compare against another path instead of a fixed `value` (e.g. `vars.lastGifter`). */
  valueFrom?: string;
  /** Compare strings case-insensitively (all operators but `>`, `>=`, `<`, `<=`). */
  ignoreCase?: boolean;
}

/** Every sub-condition holds. */
export interface AllCondition {
  all: Condition[];
}

/** At least one sub-condition holds. */
export interface AnyCondition {
  any: Condition[];
}

/** The sub-condition does not hold. */
export interface NotCondition {
  not: Condition;
}

/** A rule's condition: a field test, or `all` / `any` / `not` of conditions, nested freely. */
export type Condition = FieldCondition | AllCondition | AnyCondition | NotCondition;

/** A compiled condition: a predicate over a scope. */
export type Predicate = (scope: Scope) => boolean;

/** How one condition evaluated, for `explain`. */
export type ConditionTrace =
  | {
      kind: 'field';
      path: string;
      op: Operator;
      /** The expected value (or the value read from `valueFrom`). */
      expected: unknown;
      /** The value found at `path` (`undefined` when absent). */
      actual: unknown;
      result: boolean;
    }
  | { kind: 'all' | 'any'; result: boolean; children: ConditionTrace[] }
  | { kind: 'not'; result: boolean; child: ConditionTrace };

function expectedGetter(condition: FieldCondition): (scope: Scope) => unknown {
  if (condition.valueFrom !== undefined) return compilePath(condition.valueFrom);
  const value = condition.op === 'exists' ? (condition.value ?? true) : condition.value;
  return () => value;
}

/** Compiles a (validated) condition into a predicate; regexes and paths are compiled once here. */
export function compileCondition(condition: Condition): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (scope) => parts.every((part) => part(scope));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (scope) => parts.some((part) => part(scope));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (scope) => !inner(scope);
  }
  const read = compilePath(condition.path);
  const compare = compileOperator(condition.op, {
    ignoreCase: condition.ignoreCase,
    ...(condition.op === 'matches' && typeof condition.value === 'string' && condition.valueFrom === undefined
      ? { pattern: condition.value }
      : {}),
  });
  const expected = expectedGetter(condition);
  if (condition.valueFrom === undefined) {
    const fixed = expected(undefined as unknown as Scope);
    return (scope) => compare(read(scope), fixed);
  }
  return (scope) => compare(read(scope), expected(scope));
}

/** Evaluates a condition fully (no short-circuit), recording every field's value and result. */
export function traceCondition(condition: Condition, scope: Scope): ConditionTrace {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = ('all' in condition ? condition.all : condition.any).map((child) => traceCondition(child, scope));
    const result = kind === 'all' ? children.every((child) => child.result) : children.some((child) => child.result);
    return { kind, result, children };
  }
  if ('not' in condition) {
    const child = traceCondition(condition.not, scope);
    return { kind: 'not', result: !child.result, child };
  }
  const actual = compilePath(condition.path)(scope);
  const expected = expectedGetter(condition)(scope);
  const result = compileCondition(condition)(scope);
  return { kind: 'field', path: condition.path, op: condition.op, expected, actual, result };
}
