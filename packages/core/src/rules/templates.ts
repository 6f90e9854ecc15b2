import { compilePath, parsePath, type PathGetter, type Scope } from './path.js';

/**
 * The template language of rule strings: `{{path}}` is replaced by the value at that path
 * (`"{{user.nickname}} sent {{data.repeatCount}}x {{data.giftName}}"`). Missing values render as `""`,
 * objects and arrays as JSON. A string that is exactly one `{{path}}` keeps the value's type when it
 * is used as a parameter or event field, so `"{{data.diamondCount}}"` stays a number.
 *
 * @packageDocumentation
 */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/;

/** The problems of a template string (malformed path, unclosed `{{`), empty when it is fine. */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const path = match[1] ?? '';
    if (!parsePath(path)) problems.push(`malformed path "${path}" in template placeholder "${match[0]}"`);
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('unbalanced "{{" / "}}" in template');
  return problems;
}

/** Renders any value as template text. */
export function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Compiles a template string into a function producing the rendered text. */
export function compileTemplate(text: string): (scope: Scope) => string {
  if (!text.includes('{{')) return () => text;
  const literals: string[] = [];
  const getters: PathGetter[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    literals.push(text.slice(last, match.index));
    getters.push(compilePath(match[1] ?? ''));
    last = (match.index ?? 0) + match[0].length;
  }
  literals.push(text.slice(last));
  return (scope) => {
    let out = literals[0]!;
    for (let i = 0; i < getters.length; i++) out += stringify(getters[i]!(scope)) + literals[i + 1]!;
    return out;
  };
}

/**
 * Compiles a JSON value whose strings may be templates (action parameters, emitted event data):
 * strings are rendered, a whole-string `{{path}}` yields the raw value, objects and arrays recurse.
 */
export function compileValue(value: unknown): (scope: Scope) => unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return compilePath(whole[1] ?? '');
    return compileTemplate(value);
  }
  if (Array.isArray(value)) {
    const items = value.map(compileValue);
    return (scope) => items.map((item) => item(scope));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, compileValue(item)] as const);
    return (scope) => {
      const out: Record<string, unknown> = {};
      for (const [key, item] of entries) {
        const rendered = item(scope);
        if (rendered !== undefined) out[key] = rendered;
      }
      return out;
    };
  }
  return () => value;
}

/** Every template string inside a JSON value, with its path relative to the value (for validation). */
export function templateStrings(value: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; text: string }> {
  if (typeof value === 'string') return value.includes('{{') || value.includes('}}') ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => templateStrings(item, [...path, index]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => templateStrings(item, [...path, key]));
  return [];
}
