import fc from 'fast-check';

/** A JSON value as produced by `JSON.parse`. */
export type JsonLike = null | boolean | number | string | JsonLike[] | { [key: string]: JsonLike };

/**
 * Bytes derived from a real frame: single-byte flips, truncation at any point, a run of random bytes
 * spliced in, or a prefix of the frame followed by noise. Protocol decoders must turn each into a
 * decoded frame or a typed error.
 *
 * @example
 * ```ts
 * checkProperty('mutated frames', mutatedBytes(realFrame), (bytes) => { decodeOrError(bytes); });
 * ```
 */
export function mutatedBytes(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const length = base.length;
  const at = fc.nat({ max: Math.max(0, length) });
  return fc.oneof(
    fc.tuple(fc.nat({ max: Math.max(0, length - 1) }), fc.integer({ min: 1, max: 255 })).map(([index, xor]) => {
      const copy = Uint8Array.from(base);
      if (copy.length > 0) copy[index] = (copy[index] ?? 0) ^ xor;
      return copy;
    }),
    at.map((cut) => base.slice(0, cut)),
    fc.tuple(at, fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([index, noise]) => {
      const copy = new Uint8Array(length + noise.length);
      copy.set(base.subarray(0, index), 0);
      copy.set(noise, index);
      copy.set(base.subarray(index), index + noise.length);
      return copy;
    }),
    fc.tuple(at, fc.uint8Array({ maxLength: 64 })).map(([cut, noise]) => {
      const copy = new Uint8Array(cut + noise.length);
      copy.set(base.subarray(0, cut), 0);
      copy.set(noise, cut);
      return copy;
    }),
  );
}

function pathsOf(value: JsonLike, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}

function replaceAt(value: JsonLike, path: (string | number)[], replacement: JsonLike | undefined): JsonLike {
  if (path.length === 0) return replacement === undefined ? null : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    const index = head as number;
    if (rest.length === 0 && replacement === undefined) copy.splice(index, 1);
    else copy[index] = replaceAt(copy[index] ?? null, rest, replacement);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: { [key: string]: JsonLike } = { ...value };
    const key = String(head);
    if (rest.length === 0 && replacement === undefined) delete copy[key];
    else copy[key] = replaceAt(copy[key] ?? null, rest, replacement);
    return copy;
  }
  return value;
}

/** Type-confusing values: what a field holds when a platform changes its mind. */
const confusing: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom<JsonLike>(null, true, false, 0, -1, 1e21, '', '0', 'null', [], {}, '__proto__', 'constructor'),
  fc.double({ noNaN: true, noDefaultInfinity: true }) as fc.Arbitrary<JsonLike>,
  fc.string({ maxLength: 12 }) as fc.Arbitrary<JsonLike>,
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonLike>,
);

/**
 * JSON derived from a real payload by 1–4 edits, each at a random node: the node replaced by a value of
 * another type (or arbitrary JSON), or the key / array item removed. Normalizers must turn each into a
 * valid event, an `unknown` event with a reason, or a typed error, never a crash.
 *
 * @example
 * ```ts
 * checkProperty('mutated notifications', mutatedJson(fixture), (payload) => { normalize(payload); });
 * ```
 */
export function mutatedJson(base: JsonLike): fc.Arbitrary<JsonLike> {
  const paths = pathsOf(base);
  const edit = fc.tuple(fc.nat({ max: 1_000_000 }), fc.option(confusing, { freq: 4, nil: undefined }));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let value = base;
    for (const [pick, replacement] of edits) {
      const current = pathsOf(value);
      const path = current[pick % current.length] ?? paths[0] ?? [];
      value = replaceAt(value, path, replacement);
    }
    return value;
  });
}

/** Any of a set of real payloads, mutated (see {@link mutatedJson}); or one of them unchanged. */
export function mutatedJsonOf(bases: readonly JsonLike[]): fc.Arbitrary<JsonLike> {
  if (bases.length === 0) throw new RangeError('mutatedJsonOf needs at least one payload');
  return fc.oneof(
    { arbitrary: fc.constantFrom(...bases), weight: 1 },
    { arbitrary: fc.oneof(...bases.map((base) => mutatedJson(base))), weight: 6 },
  );
}

/** Text a socket may deliver: arbitrary strings, arbitrary JSON text, and JSON text cut short. */
export function arbitraryFrameText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 64 }),
    fc.string({ unit: 'binary', maxLength: 64 }),
    fc.json({ maxDepth: 4 }),
    fc.tuple(fc.json({ maxDepth: 4 }), fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  );
}
