/**
 * Brands that survive the dual-package hazard: a process that `import`s one VMSC package and
 * `require`s another loads two copies of `@vmsc/core`, whose classes are distinct. A value marked
 * under a registered symbol (`Symbol.for`, shared by every copy) is recognised by all of them.
 *
 * @packageDocumentation
 */

/** Marks `target` (an instance or a prototype) as carrying `brand`, non-enumerable and read-only. */
export function markBrand(target: object, brand: symbol, value: unknown = true): void {
  Object.defineProperty(target, brand, { value, enumerable: false, writable: false, configurable: false });
}

/** The value stored under `brand` on `value` (or its prototype chain), `undefined` if none or not an object. */
export function brandOf(value: unknown, brand: symbol): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  return (value as Record<symbol, unknown>)[brand];
}
