import type { z } from 'zod';

/**
 * The event types of one platform with their schemas built on first use: `builders` maps each
 * type to a function making its `data` schema; the result has one property per type (listed by
 * `Object.keys` without building anything) whose first read builds the schema and keeps it, so
 * every read returns the same schema. Importing core then costs only the schemas something uses.
 *
 * @internal
 */
export function lazySchemas<T extends Record<string, () => z.ZodType>>(builders: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const schemas: Record<string, z.ZodType> = {};
  for (const [type, build] of Object.entries(builders)) {
    Object.defineProperty(schemas, type, {
      enumerable: true,
      configurable: true,
      get() {
        const schema = build();
        Object.defineProperty(schemas, type, { value: schema, enumerable: true, configurable: true, writable: true });
        return schema;
      },
    });
  }
  return schemas as { readonly [K in keyof T]: ReturnType<T[K]> };
}
