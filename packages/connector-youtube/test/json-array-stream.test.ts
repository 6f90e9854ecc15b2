import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonArrayStream } from '../src/api/json-array-stream.js';

/** Splits bytes at the given cut points and decodes them the way the connector does. */
function feed(bytes: Uint8Array, cuts: number[]): unknown[] {
  const parser = new JsonArrayStream();
  const decoder = new TextDecoder();
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: unknown[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    out.push(...parser.push(decoder.decode(bytes.subarray(start, point), { stream: true })));
    start = point;
  }
  expect(parser.done).toBe(true);
  return out;
}

describe('JsonArrayStream', () => {
  it('yields every element of a streamed array, however the bytes are split', () => {
    const element = fc.record({
      nextPageToken: fc.string(),
      items: fc.array(
        fc.record({
          id: fc.string(),
          text: fc.string({ unit: 'grapheme' }),
          n: fc.integer(),
          nested: fc.array(fc.dictionary(fc.string(), fc.string())),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), (elements, cuts, pretty) => {
        const text = pretty ? JSON.stringify(elements, null, 2) : JSON.stringify(elements);
        expect(feed(new TextEncoder().encode(text), cuts)).toEqual(elements);
      }),
      { numRuns: 300 },
    );
  });

  it('handles strings full of brackets, quotes, escapes and multi-byte characters split byte by byte', () => {
    const elements = [{ a: '}]{["\\"\\\\', b: '✨ 日本語 🎉' }, { error: { code: 403, errors: [{ reason: 'quotaExceeded' }] } }];
    const bytes = new TextEncoder().encode(JSON.stringify(elements));
    expect(
      feed(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toEqual(elements);
  });

  it('reports a broken-off stream as not done, mid-element', () => {
    const parser = new JsonArrayStream();
    expect(parser.push('[{"a":1},{"b":')).toEqual([{ a: 1 }]);
    expect(parser.done).toBe(false);
    expect(parser.midElement).toBe(true);
  });

  it('rejects what is not a JSON array of objects with a ProtocolError', () => {
    expect(() => new JsonArrayStream().push('{"a":1}')).toThrow(/not a JSON array/);
    expect(() => new JsonArrayStream().push('[{"a":1} {"b":2}]')).toThrow(/"," or "]"/);
    expect(() => new JsonArrayStream().push('[{"a":tru}]')).toThrow(/not valid JSON/);
    expect(() => new JsonArrayStream().push('[{"a":1}] x')).toThrow(/nothing after/);
  });
});
