/**
 * How a {@link VmscError} is recognised across copies of `@vmsc/core` (the dual-package hazard):
 * every instance carries, under a registered symbol, the names of its class chain, from its own
 * class up to `VmscError`. `instanceof` (through `VmscError[Symbol.hasInstance]`) and
 * `isVmscError()` compare names, so an `AuthError` raised by one copy is an `AuthError` to all.
 *
 * @packageDocumentation
 */
import { brandOf, markBrand } from './util/brand.js';

/** Where an error instance keeps the names of its class chain (shared by every copy of core). */
const ERROR_NAMES = Symbol.for('vmsc.error.names');
/** Where a class keeps its stable name, set for core's own classes so that minifiers cannot rename them. */
const CLASS_NAME = Symbol.for('vmsc.error.className');

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Gives each class its stable name, the key it is listed under. Object keys survive minification
 * where class names may not: `registerErrorNames({ AuthError })` keeps `'AuthError'`.
 */
export function registerErrorNames(classes: Readonly<Record<string, ErrorClass>>): void {
  for (const [name, errorClass] of Object.entries(classes)) markBrand(errorClass, CLASS_NAME, name);
}

/** A class's name: the registered one, else its own `name` (subclasses in connector packages). */
export function errorClassName(errorClass: ErrorClass): string {
  const registered = Object.hasOwn(errorClass, CLASS_NAME) ? brandOf(errorClass, CLASS_NAME) : undefined;
  return typeof registered === 'string' ? registered : errorClass.name;
}

const chains = new WeakMap<ErrorClass, readonly string[]>();

/** The names of `target`'s class chain, from `target` up to and including `root` (cached per class). */
function nameChain(target: ErrorClass, root: ErrorClass): readonly string[] {
  let chain = chains.get(target);
  if (chain) return chain;
  const names: string[] = [];
  for (let current: unknown = target; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    names.push(errorClassName(current as ErrorClass));
    if (current === root) break;
  }
  chain = Object.freeze(names);
  chains.set(target, chain);
  return chain;
}

/** Brands a new error with its class chain (called by the `VmscError` constructor). Returns its own class's name. */
export function brandError(error: Error, target: ErrorClass, root: ErrorClass): string {
  const chain = nameChain(target, root);
  markBrand(error, ERROR_NAMES, chain);
  return chain[0] ?? root.name;
}

/** The class-chain names a branded error carries, or `undefined` for anything that is not a VMSC error. */
export function errorNamesOf(value: unknown): readonly string[] | undefined {
  const names = brandOf(value, ERROR_NAMES);
  return Array.isArray(names) ? (names as readonly string[]) : undefined;
}
