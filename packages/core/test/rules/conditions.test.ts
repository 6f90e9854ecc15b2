import { describe, expect, it } from 'vitest';
import { createEvent, type Condition, type StreamEvent } from '@vmsc/core';
import { compileCondition, traceCondition } from '../../src/rules/conditions.js';
import { compilePath, parsePath, type Scope } from '../../src/rules/path.js';
import { compileTemplate, compileValue, templateProblems } from '../../src/rules/templates.js';
import { chat, gift } from './helpers.js';

function scopeOf(event: StreamEvent | undefined, vars: Record<string, never> | Record<string, unknown> = {}): Scope {
  return { event, vars: vars as Scope['vars'], rule: { id: 'r1', name: 'Rule one' } };
}

const streak = gift({ repeatCount: 7, repeatEnd: true, diamondCount: 5 });
const holds = (condition: Condition, event: StreamEvent = streak, vars: Record<string, unknown> = {}) =>
  compileCondition(condition)(scopeOf(event, vars));

describe('paths', () => {
  it('parses dotted paths and [n] indexes, and rejects malformed ones', () => {
    expect(parsePath('data.emotes[0]')).toEqual(['data', 'emotes', '0']);
    expect(parsePath('data.emotes.1.id')).toEqual(['data', 'emotes', '1', 'id']);
    for (const bad of ['', 'a..b', '.a', 'a.', 'a[x]', '[0]', 'a b']) expect(parsePath(bad), bad).toBeUndefined();
  });

  it('reads event fields, vars, rule, lengths; missing is undefined; never the prototype', () => {
    const event = createEvent({
      source: 'tiktok',
      type: 'chat',
      user: { id: 'u1', username: 'a', nickname: 'A' },
      data: { message: 'hello', emotes: ['e1', 'e2'] },
    });
    const scope = scopeOf(event, { total: 3 });
    expect(compilePath('data.message')(scope)).toBe('hello');
    expect(compilePath('data.emotes[1]')(scope)).toBe('e2');
    expect(compilePath('data.emotes.length')(scope)).toBe(2);
    expect(compilePath('data.message.length')(scope)).toBe(5);
    expect(compilePath('user.id')(scope)).toBe('u1');
    expect(compilePath('source')(scope)).toBe('tiktok');
    expect(compilePath('vars.total')(scope)).toBe(3);
    expect(compilePath('rule.name')(scope)).toBe('Rule one');
    expect(compilePath('data.nothing.deeper.still')(scope)).toBeUndefined();
    expect(compilePath('data.constructor')(scope)).toBeUndefined();
    expect(compilePath('data.message.toString')(scope)).toBeUndefined();
    expect(compilePath('user.id')(scopeOf(undefined))).toBeUndefined();
  });
});

describe('operators', () => {
  it('== and != compare without coercion, structurally', () => {
    expect(holds({ path: 'data.repeatEnd', op: '==', value: true })).toBe(true);
    expect(holds({ path: 'data.repeatEnd', op: '==', value: false })).toBe(false);
    expect(holds({ path: 'data.repeatCount', op: '==', value: '7' })).toBe(false);
    expect(holds({ path: 'data.giftName', op: '==', value: 'rose', ignoreCase: true })).toBe(true);
    expect(holds({ path: 'data.giftName', op: '!=', value: 'Rose' })).toBe(false);
    expect(holds({ path: 'data.giftName', op: '!=', value: 'Lion' })).toBe(true);
    expect(
      holds({ path: 'user', op: '==', value: { id: streak.user.id, username: streak.user.username, nickname: streak.user.nickname } }),
    ).toBe(true);
  });

  it('> >= < <= order numbers or strings, never mixed', () => {
    expect(holds({ path: 'data.repeatCount', op: '>', value: 6 })).toBe(true);
    expect(holds({ path: 'data.repeatCount', op: '>', value: 7 })).toBe(false);
    expect(holds({ path: 'data.repeatCount', op: '>=', value: 7 })).toBe(true);
    expect(holds({ path: 'data.repeatCount', op: '<', value: 7 })).toBe(false);
    expect(holds({ path: 'data.repeatCount', op: '<=', value: 7 })).toBe(true);
    expect(holds({ path: 'data.giftName', op: '<', value: 'S' })).toBe(true);
    expect(holds({ path: 'data.repeatCount', op: '>', value: '1' })).toBe(false);
    expect(holds({ path: 'data.missing', op: '<', value: 100 })).toBe(false);
  });

  it('contains / startsWith / endsWith / matches on strings (and contains on arrays)', () => {
    const message = chat('!Song Request please');
    expect(holds({ path: 'data.message', op: 'contains', value: 'request' }, message)).toBe(false);
    expect(holds({ path: 'data.message', op: 'contains', value: 'request', ignoreCase: true }, message)).toBe(true);
    expect(holds({ path: 'data.message', op: 'startsWith', value: '!song', ignoreCase: true }, message)).toBe(true);
    expect(holds({ path: 'data.message', op: 'startsWith', value: 'Song' }, message)).toBe(false);
    expect(holds({ path: 'data.message', op: 'endsWith', value: 'please' }, message)).toBe(true);
    expect(holds({ path: 'data.message', op: 'matches', value: '^!song\\s+\\w+' }, message)).toBe(false);
    expect(holds({ path: 'data.message', op: 'matches', value: '^!song\\s+\\w+', ignoreCase: true }, message)).toBe(true);
    expect(holds({ path: 'data.repeatCount', op: 'matches', value: '7' })).toBe(false);
    const emotes = createEvent({ source: 'tiktok', type: 'chat', data: { message: 'x', emotes: ['a', 'b'] } });
    expect(holds({ path: 'data.emotes', op: 'contains', value: 'b' }, emotes)).toBe(true);
    expect(holds({ path: 'data.emotes', op: 'contains', value: 'c' }, emotes)).toBe(false);
  });

  it('in and exists', () => {
    expect(holds({ path: 'data.giftName', op: 'in', value: ['Lion', 'Rose'] })).toBe(true);
    expect(holds({ path: 'data.giftName', op: 'in', value: ['Lion'] })).toBe(false);
    expect(holds({ path: 'data.giftName', op: 'in', value: ['ROSE'], ignoreCase: true })).toBe(true);
    expect(holds({ path: 'data.giftName', op: 'exists' })).toBe(true);
    expect(holds({ path: 'data.nope', op: 'exists' })).toBe(false);
    expect(holds({ path: 'data.nope', op: 'exists', value: false })).toBe(true);
    expect(holds({ path: 'user.profilePictureUrl', op: 'exists' })).toBe(false);
  });

  it('valueFrom compares against another path (variables included)', () => {
    expect(holds({ path: 'user.id', op: '==', valueFrom: 'vars.lastGifter' }, streak, { lastGifter: streak.user.id })).toBe(true);
    expect(holds({ path: 'user.id', op: '!=', valueFrom: 'vars.lastGifter' }, streak, { lastGifter: streak.user.id })).toBe(false);
    expect(holds({ path: 'data.repeatCount', op: '>', valueFrom: 'vars.record' }, streak, { record: 3 })).toBe(true);
  });

  it('all / any / not compose, nested', () => {
    const isRoseStreakEnd: Condition = {
      all: [
        { path: 'data.giftName', op: '==', value: 'Rose' },
        { any: [{ path: 'data.repeatCount', op: '>=', value: 100 }, { not: { path: 'data.repeatEnd', op: '==', value: false } }] },
      ],
    };
    expect(holds(isRoseStreakEnd)).toBe(true);
    expect(holds(isRoseStreakEnd, gift({ repeatEnd: false }))).toBe(false);
    expect(holds(isRoseStreakEnd, gift({ repeatEnd: false, repeatCount: 150 }))).toBe(true);
    expect(holds(isRoseStreakEnd, gift({ giftName: 'Lion' }))).toBe(false);
  });

  it('traces every field value and result, without short-circuit', () => {
    const trace = traceCondition(
      { any: [{ path: 'data.repeatEnd', op: '==', value: false }, { not: { path: 'data.repeatCount', op: '<', value: 2 } }] },
      scopeOf(streak),
    );
    expect(trace).toEqual({
      kind: 'any',
      result: true,
      children: [
        { kind: 'field', path: 'data.repeatEnd', op: '==', expected: false, actual: true, result: false },
        { kind: 'not', result: true, child: { kind: 'field', path: 'data.repeatCount', op: '<', expected: 2, actual: 7, result: false } },
      ],
    });
  });
});

describe('templates', () => {
  it('renders placeholders, missing as empty, objects as JSON', () => {
    const render = compileTemplate('{{user.nickname}} sent {{ data.repeatCount }}x {{data.giftName}}{{data.nothing}} {{data}}');
    expect(render(scopeOf(gift({ repeatCount: 3 })))).toBe(
      'Rose Fan sent 3x Rose {"giftName":"Rose","giftId":5655,"diamondCount":1,"repeatCount":3,"repeatEnd":true}',
    );
    expect(compileTemplate('no placeholders')(scopeOf(streak))).toBe('no placeholders');
  });

  it('a whole-string placeholder keeps the value type in structured values', () => {
    const value = compileValue({
      amount: '{{data.diamondCount}}',
      text: 'x{{data.diamondCount}}',
      list: ['{{data.repeatEnd}}', 1],
      gone: '{{data.nope}}',
    });
    expect(value(scopeOf(streak))).toEqual({ amount: 5, text: 'x5', list: [true, 1] });
  });

  it('reports malformed templates', () => {
    expect(templateProblems('{{user.nickname}} ok')).toEqual([]);
    expect(templateProblems('{{user..x}}')).toHaveLength(1);
    expect(templateProblems('hi {{user.nickname')).toEqual(['unbalanced "{{" / "}}" in template']);
  });
});
