import type { StreamEvent } from '../events/stream-event.js';
import type { CommandScope } from './command.js';
import type { JsonValue } from './json.js';

/**
 * Dotted paths into what a rule can see: the event's fields (`data.repeatEnd`, `user.id`, `source`,
 * `meta.platform`), the engine's variables (`vars.totalDiamonds`), the viewer's variables
 * (`user.vars.points`) and the rule itself (`rule.name`).
 * Array items by index (`data.emotes.0` or `data.emotes[0]`); `length` of arrays and strings.
 *
 * @packageDocumentation
 */

/** What paths and templates are resolved against. */
export interface Scope {
  /** The event the rule runs for; absent when a rule is triggered by hand without one. */
  event: StreamEvent | undefined;
  /** The engine's variables and counters, read live. */
  vars: Readonly<Record<string, JsonValue>>;
  /** The rule being evaluated. */
  rule: { id: string; name: string };
  /** For a command rule: the command as typed and its arguments (paths `command.*` and `args.*`). */
  command?: CommandScope;
  /** The variables of the event's viewer (paths `user.vars.*`), when the engine knows the viewer. */
  userVars?: Readonly<Record<string, JsonValue>>;
}

/** Reads one path from a scope. */
export type PathGetter = (scope: Scope) => unknown;

const SEGMENT = /^[^.[\]\s]+$/;

/** Splits a path into segments, or returns `undefined` when it is malformed. */
export function parsePath(path: string): string[] | undefined {
  if (path.length === 0) return undefined;
  const segments: string[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    const [, head = '', indexes = ''] = match;
    if (head.length > 0) {
      if (!SEGMENT.test(head)) return undefined;
      segments.push(head);
    } else if (indexes.length === 0 || segments.length === 0) {
      return undefined;
    }
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) segments.push(index[1]!);
  }
  return segments;
}

function step(current: unknown, segment: string): unknown {
  if (current === null || current === undefined) return undefined;
  if (typeof current === 'string') return segment === 'length' ? current.length : undefined;
  if (typeof current !== 'object') return undefined;
  if (Array.isArray(current)) {
    if (segment === 'length') return current.length;
    return /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
  }
  return Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
}

/**
 * Compiles a path into a fast getter. The first segment `vars` reads the variables, `user.vars` the
 * viewer's variables, `rule` the rule, `args` and `command` a command rule's arguments and command;
 * anything else reads the event. Missing fields give `undefined`, never a throw.
 *
 * @throws `Error` when the path is malformed (validated rules never have one).
 */
export function compilePath(path: string): PathGetter {
  const segments = parsePath(path);
  if (!segments) throw new Error(`malformed path "${path}"`);
  const viewer = segments[0] === 'user' && segments[1] === 'vars';
  const [first, ...rest] = (viewer ? segments.slice(1) : segments) as [string, ...string[]];
  const root: (scope: Scope) => unknown = viewer
    ? (scope) => scope.userVars
    : first === 'vars'
      ? (scope) => scope.vars
      : first === 'rule'
        ? (scope) => scope.rule
        : first === 'args'
          ? (scope) => scope.command?.args
          : first === 'command'
            ? (scope) => scope.command
            : (scope) => step(scope.event, first);
  if (rest.length === 0) return root;
  if (rest.length === 1) {
    const [a] = rest as [string];
    return (scope) => step(root(scope), a);
  }
  if (rest.length === 2) {
    const [a, b] = rest as [string, string];
    return (scope) => step(step(root(scope), a), b);
  }
  return (scope) => {
    let current = root(scope);
    for (const segment of rest) current = step(current, segment);
    return current;
  };
}
