import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@vmsc/core';
import { compileMapping, compilePath } from '../src/index.js';

declare global {
  var __vmscPwned: boolean | undefined;
}

describe('JSONPath safety', () => {
  it.each([
    '$..[?(globalThis.__vmscPwned = true)]',
    '$[?(@.constructor.constructor("globalThis.__vmscPwned = true")())]',
    '$[(globalThis.__vmscPwned = true)]',
    '$.a[?(@.b)]',
  ])('rejects the script expression %s when the mapping is built, and never runs it', (path) => {
    globalThis.__vmscPwned = undefined;
    expect(() => compileMapping({ type: path })).toThrow(ValidationError);
    expect(() => compileMapping({ type: { const: 'chat' }, 'data.message': path })).toThrow(/script expressions are not allowed/);
    expect(() => compileMapping({ type: { const: 'chat' }, filter: path })).toThrow(ValidationError);
    expect(globalThis.__vmscPwned).toBeUndefined();
  });

  it('evaluates with eval: false, so jsonpath-plus itself refuses scripts too (defence in depth)', () => {
    globalThis.__vmscPwned = undefined;
    expect(() => JSONPath({ path: '$..[?(globalThis.__vmscPwned = true)]', json: { a: { b: 1 } }, eval: false })).toThrow(/prevented/);
    expect(globalThis.__vmscPwned).toBeUndefined();
  });

  it('refuses paths that do not start with $ and names the field', () => {
    try {
      compileMapping({ type: 'kind', 'data.message': '$.text', 'bogus.key': '$.x' } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['mapping.type', 'mapping.bogus.key']);
    }
  });
});

describe('compilePath', () => {
  it('walks plain paths and delegates wildcards and recursive descent to jsonpath-plus (first match)', () => {
    const message = { a: { b: [10, 20] }, list: [{ name: 'x' }, { name: 'y' }], 'odd key': 1 };
    expect(compilePath('$.a.b[1]', 'p').evaluate(message)).toBe(20);
    expect(compilePath("$['odd key']", 'p').evaluate(message)).toBe(1);
    expect(compilePath('$..name', 'p').evaluate(message)).toBe('x');
    expect(compilePath('$.list[*].name', 'p').evaluate(message)).toBe('x');
    expect(compilePath('$.nope.deeper', 'p').evaluate(message)).toBeUndefined();
    expect(compilePath('$.a.constructor', 'p').evaluate(message)).toBeUndefined();
  });
});

describe('compileMapping', () => {
  const mapping = compileMapping({
    filter: { path: '$.kind', equals: 'msg' },
    type: '$.kind',
    types: { msg: 'chat' },
    'user.id': '$.from.id',
    'user.username': '$.from.name',
    'data.message': '$.text',
    'data.extra.level': { path: '$.level', default: 1 },
    'data.channel': { const: 'main' },
  });

  it('maps type (renamed), user (numeric ids become strings), data with defaults, nesting and constants', () => {
    expect(mapping.apply({ kind: 'msg', text: 'hello', from: { id: 7, name: 'ann' } })).toEqual({
      kind: 'mapped',
      type: 'chat',
      user: { id: '7', username: 'ann' },
      data: { message: 'hello', extra: { level: 1 }, channel: 'main' },
    });
  });

  it('skips what the filter rejects and explains what it cannot map', () => {
    expect(mapping.apply({ kind: 'ping' })).toEqual({ kind: 'filtered' });
    const typeless = compileMapping({ type: '$.kind' });
    expect(typeless.apply({ text: 'x' })).toEqual({ kind: 'unmapped', reason: 'the type mapping found no value ($.kind)' });
  });

  it('a filter given as a path keeps messages where it finds a truthy value', () => {
    const byPresence = compileMapping({ type: { const: 'follow' }, filter: '$.follower' });
    expect(byPresence.accepts({ follower: { id: 1 } })).toBe(true);
    expect(byPresence.accepts({ follower: null })).toBe(false);
    expect(byPresence.accepts('not an object')).toBe(false);
  });
});

describe('regressions found by the property tests', () => {
  it('rejects a script that jsonpath-plus splits into a null segment ($[?(...)]0), without running it', () => {
    globalThis.__vmscPwned = undefined;
    expect(() => compileMapping({ type: '$[?(globalThis.__vmscPwned = true)]0' })).toThrow(/script expressions are not allowed/);
    expect(globalThis.__vmscPwned).toBeUndefined();
  });

  it('answers a ValidationError (not a TypeError) for a null or malformed filter and for non-string type renames', () => {
    expect(() => compileMapping({ type: { const: 'chat' }, filter: null } as never)).toThrow(ValidationError);
    expect(() => compileMapping({ type: { const: 'chat' }, filter: { equals: 1 } } as never)).toThrow(ValidationError);
    expect(() => compileMapping({ type: '$.kind', types: { tip: 5 } } as never)).toThrow(/types/);
  });

  it('does not read inherited properties when renaming a type ("constructor" stays "constructor")', () => {
    const mapping = compileMapping({ type: '$.kind', types: { tip: 'donation' } });
    expect(mapping.apply({ kind: 'constructor' })).toMatchObject({ kind: 'mapped', type: 'constructor' });
    expect(mapping.apply({ kind: 'tip' })).toMatchObject({ kind: 'mapped', type: 'donation' });
  });
});
