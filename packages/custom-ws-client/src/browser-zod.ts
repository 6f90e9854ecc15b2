/**
 * What `zod` resolves to in the browser build: the same `z` the sources of `@vmsc/core` are written
 * against, made of `zod/mini` (tree-shakable, no locale but English, no JSON Schema) instead of zod
 * classic. The browser build replaces `import { z } from 'zod'` with this module (see
 * tsup.config.ts), so the catalogue and protocol schemas are still defined once, in core, and typed
 * by zod classic; only their runtime in the bundle changes. zod/mini and classic share zod's core:
 * the same definitions parse the same way with the same issues and messages.
 *
 * zod/mini has no chained methods (`z.string().min(1).optional()`): the few that core's sources use
 * are added to zod/mini's classes here, each built exactly as zod classic builds it (see
 * zod/v4/classic/schemas.js), so every schema's definition is the one classic makes. A test builds
 * the whole catalogue and protocol both ways and compares the definitions
 * (test/browser-build.test.ts). A source using a function or method missing here fails that test.
 *
 * @internal
 */
import * as mini from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod classic sets English messages on first use; zod/mini sets none ("Invalid input" everywhere).
mini.config(en());

type Shape = NonNullable<Parameters<typeof mini.object>[0]>;
type Any = mini.ZodMiniType;

/** The context of a transform as zod classic passes it (zod/mini's payload plus `addIssue`). */
interface TransformContext {
  value: unknown;
  issues: Array<Record<string, unknown>>;
  addIssue: (issue: string | Record<string, unknown>) => void;
}

/** zod classic's `ctx.addIssue` (zod/v4/classic/schemas.js, ZodTransform). */
function addIssue(ctx: TransformContext, issue: string | Record<string, unknown>): void {
  if (typeof issue === 'string') {
    ctx.issues.push({ message: issue, code: 'custom', input: ctx.value });
    return;
  }
  const copy = { ...issue };
  if (copy.fatal) copy.continue = false;
  copy.code ??= 'custom';
  if (!('input' in copy)) copy.input = ctx.value;
  ctx.issues.push(copy);
}

/** Adds `methods` to the prototype of one zod/mini class (zod copies prototype members onto instances). */
function addMethods(target: { prototype: object }, methods: Record<string, (this: never, ...args: never[]) => unknown>): void {
  for (const [name, method] of Object.entries(methods)) {
    // Enumerable: zod copies the enumerable members of a base class prototype (ZodMiniType) onto each instance.
    Object.defineProperty(target.prototype, name, { value: method, writable: true, configurable: true, enumerable: true });
  }
}

addMethods(mini.ZodMiniType, {
  optional(this: Any) {
    return mini.optional(this);
  },
  nullable(this: Any) {
    return mini.nullable(this);
  },
  array(this: Any) {
    return mini.array(this);
  },
  refine(this: Any, check: (value: unknown) => unknown, params?: Parameters<typeof mini.refine>[1]) {
    return this.check(mini.refine(check, params));
  },
  transform(this: Any, fn: (value: unknown, ctx: TransformContext) => unknown) {
    return mini.pipe(
      this,
      mini.transform((value, payload) => {
        // zod classic's transform context has `addIssue`; zod/mini's has only `issues`.
        const ctx = payload as unknown as TransformContext;
        ctx.addIssue = (issue) => addIssue(ctx, issue);
        return fn(value, ctx);
      }),
    );
  },
});

addMethods(mini.ZodMiniString, {
  min(this: Any, length: number, params?: Parameters<typeof mini.minLength>[1]) {
    return this.check(mini.minLength(length, params));
  },
  max(this: Any, length: number, params?: Parameters<typeof mini.maxLength>[1]) {
    return this.check(mini.maxLength(length, params));
  },
  regex(this: Any, pattern: RegExp, params?: Parameters<typeof mini.regex>[1]) {
    return this.check(mini.regex(pattern, params));
  },
});

addMethods(mini.ZodMiniNumber, {
  min(this: Any, value: number, params?: Parameters<typeof mini.gte>[1]) {
    return this.check(mini.gte(value, params));
  },
  max(this: Any, value: number, params?: Parameters<typeof mini.lte>[1]) {
    return this.check(mini.lte(value, params));
  },
  int(this: Any, params?: Parameters<typeof mini.int>[0]) {
    return this.check(mini.int(params));
  },
  positive(this: Any, params?: Parameters<typeof mini.gt>[1]) {
    return this.check(mini.gt(0, params));
  },
  nonnegative(this: Any, params?: Parameters<typeof mini.gte>[1]) {
    return this.check(mini.gte(0, params));
  },
});

addMethods(mini.ZodMiniArray, {
  min(this: Any, length: number, params?: Parameters<typeof mini.minLength>[1]) {
    return this.check(mini.minLength(length, params));
  },
  max(this: Any, length: number, params?: Parameters<typeof mini.maxLength>[1]) {
    return this.check(mini.maxLength(length, params));
  },
});

addMethods(mini.ZodMiniObject, {
  loose(this: mini.ZodMiniObject) {
    return this.clone({ ...this._zod.def, catchall: mini.unknown() });
  },
  extend(this: mini.ZodMiniObject, shape: Shape) {
    return mini.extend(this, shape);
  },
});

/**
 * The functions of `z` that core's schemas use, from zod/mini. An object of exactly these (not
 * `export * as z`), so that the bundler keeps only them.
 */
export const z = {
  array: mini.array,
  boolean: mini.boolean,
  enum: mini.enum,
  literal: mini.literal,
  looseObject: mini.looseObject,
  number: mini.number,
  object: mini.object,
  record: mini.record,
  strictObject: mini.strictObject,
  string: mini.string,
  union: mini.union,
  unknown: mini.unknown,
  uuid: mini.uuid,
  NEVER: mini.NEVER,
};
