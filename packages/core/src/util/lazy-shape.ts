/**
 * Deferred schema building, so that importing core does not build every schema it exports (most
 * programs use a few). See docs/benchmarks.md, "Cold start".
 *
 * @packageDocumentation
 */

/**
 * A zod object shape whose fields are built on first read: `z.object(lazyShape(() => ({ ... })))`
 * is the same schema as `z.object({ ... })` (same type, same parsing, same JSON Schema, same
 * `.shape`), but the field schemas are made only when zod first reads the shape (the first parse,
 * `.shape`, `z.toJSONSchema`...). Zod copies a shape into a plain object on that first read (it
 * does so for getters too), so the proxy is read once per schema and never reaches users or the
 * parse path.
 *
 * `eager` holds fields that are answered without building the rest (`build` must return them, the
 * same schemas): the discriminator of a `z.discriminatedUnion` option, which zod checks when the
 * union is made.
 *
 * @internal
 */
export function lazyShape<S extends object>(build: () => S, eager?: Partial<S>): S {
  let shape: S | undefined;
  // Where `key` is answered from: `eager` while the rest is not built, else the built shape.
  const from = (key: string | symbol): object => (!shape && eager && Object.hasOwn(eager, key) ? eager : (shape ??= build()));
  // Read-only: zod only reads (spreads) a shape it is given; a write fails rather than going astray.
  return new Proxy({} as S, {
    get: (_target, key) => Reflect.get(from(key), key),
    has: (_target, key) => key in from(key),
    ownKeys: () => Reflect.ownKeys((shape ??= build())),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(from(key), key),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * `build` run on the first call only; every call returns that first result (a schema several
 * schemas share, built when the first of them is).
 *
 * @internal
 */
export function once<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
