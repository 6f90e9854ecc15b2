import { errorNamesOf } from './error-brand.js';
import type * as coreErrors from './errors.js';
import type { VmscError } from './errors.js';
import type * as ruleErrors from './rules/errors.js';

/** The instance type of each class a module exports, by export name. */
type InstancesOf<M> = { [K in keyof M]: M[K] extends abstract new (...args: never[]) => infer I ? I : never };

/**
 * Core's error classes by name (`AuthError`, `RuleNotFoundError`...), for {@link isVmscError}'s
 * typed overload. A package may add its own by declaration merging
 * (`declare module '@vmsc/core' { interface VmscErrorsByName { ... } }`).
 */
export interface VmscErrorsByName extends InstancesOf<typeof coreErrors>, InstancesOf<typeof ruleErrors> {}

/**
 * Whether `value` is a VMSC error, optionally of the class named `name` (or a subclass of it),
 * whichever copy of `@vmsc/core` raised it. Works for connector errors too, by class name:
 * `isVmscError(error, 'TwitchMissingScopesError')`.
 *
 * @example
 * ```ts
 * connector.on('status', ({ status, error }) => {
 *   if (status === 'error' && isVmscError(error, 'AuthError')) console.log('check the token:', error.code);
 * });
 * ```
 */
export function isVmscError(value: unknown): value is VmscError;
export function isVmscError<N extends keyof VmscErrorsByName>(value: unknown, name: N): value is VmscErrorsByName[N];
export function isVmscError(value: unknown, name: string): value is VmscError;
export function isVmscError(value: unknown, name = 'VmscError'): boolean {
  return errorNamesOf(value)?.includes(name) ?? false;
}
