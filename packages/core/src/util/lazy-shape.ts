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
  const real = (): S => (shape ??= build());
  const known = (key: string | symbol): boolean => eager !== undefined && Object.hasOwn(eager, key);
  return new Proxy({} as S, {
    get: (_target, key) => (shape === undefined && known(key) ? Reflect.get(eager as Partial<S>, key) : Reflect.get(real(), key)),
    has: (_target, key) => (shape === undefined && known(key)) || Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) =>
      Reflect.getOwnPropertyDescriptor(shape === undefined && known(key) ? (eager as Partial<S>) : real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
  });
}

/**
 * `build` run on the first call only; every call returns that first result (a schema several
 * schemas share, built when the first of them is).
 *
 * @internal
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
