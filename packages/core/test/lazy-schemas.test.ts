/**
 * Cold start: importing core builds only the shells of the schemas it exports (their fields are
 * built on first use, see src/util/lazy-shape.ts), and a schema made with `lazyShape` is the same
 * schema as the one written out.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazyShape, once } from '../src/util/lazy-shape.js';

/** Zod calls this hook once per schema it constructs (zod's own post-processor slot). */
interface ZodGlobalConfig {
  postProcessor?: (schema: unknown) => void;
}

describe('importing core', () => {
  it('builds a few dozen zod schemas (the exported ones), not hundreds', async () => {
    const config = ((globalThis as { __zod_globalConfig?: ZodGlobalConfig }).__zod_globalConfig ??= {});
    let built = 0;
    config.postProcessor = () => {
      built++;
    };
    try {
      const core = await import('@vmsc/core');
      // The import really ran here (this file's module graph is its own): the exported shells were built...
      expect(built).toBeGreaterThan(10);
      // ...and little else (515 before the schemas were made lazy).
      expect(built).toBeLessThan(80);
      const before = built;
      // The first parse builds the rule schema's fields, and they work.
      expect(core.ruleSchema.safeParse({ id: 'x', name: '', actions: [] }).success).toBe(false);
      expect(built).toBeGreaterThan(before);
    } finally {
      delete config.postProcessor;
    }
  });
});

describe('lazyShape', () => {
  const fields = () => ({ name: z.string().min(1), count: z.number().int().optional() });

  it('builds nothing when the schema is made, once on first use, and equals the schema written out', () => {
    let builds = 0;
    const lazy = z.strictObject(
      lazyShape(() => {
        builds++;
        return fields();
      }),
    );
    const refined = lazy
      .superRefine(() => {})
      .optional()
      .describe('a thing');
    const plain = z
      .strictObject(fields())
      .superRefine(() => {})
      .optional()
      .describe('a thing');
    expect(builds).toBe(0);
    expect(refined.safeParse({ name: 'a', count: 2 })).toEqual(plain.safeParse({ name: 'a', count: 2 }));
    expect(refined.safeParse({ name: '', extra: 1 })).toEqual(plain.safeParse({ name: '', extra: 1 }));
    expect(z.toJSONSchema(refined)).toEqual(z.toJSONSchema(plain));
    expect(Object.keys(lazy.shape)).toEqual(['name', 'count']);
    expect(lazy.shape.name).toBeInstanceOf(z.ZodString);
    expect(builds).toBe(1);
  });

  it('answers eager fields without building: a discriminated union of lazy options', () => {
    let builds = 0;
    const tag = { kind: z.literal('b') };
    const union = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('a') }),
      z.strictObject(
        lazyShape(() => {
          builds++;
          return { kind: tag.kind, size: z.number() };
        }, tag),
      ),
    ]);
    expect(builds).toBe(0);
    expect(union.safeParse({ kind: 'b', size: 3 }).success).toBe(true);
    expect(union.safeParse({ kind: 'b', size: 'x' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('is read-only: a write fails instead of going astray', () => {
    const shape = lazyShape(fields) as Record<string, unknown>;
    // Modules are strict code: a failed [[Set]] throws.
    expect(() => {
      shape.other = z.string();
    }).toThrow(TypeError);
    expect(Object.keys(shape)).toEqual(['name', 'count']);
  });
});

describe('once', () => {
  it('runs its builder on the first call only', () => {
    let calls = 0;
    const schema = once(() => {
      calls++;
      return z.string();
    });
    expect(calls).toBe(0);
    expect(schema()).toBe(schema());
    expect(calls).toBe(1);
  });
});
