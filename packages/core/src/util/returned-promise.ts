/**
 * Handlers (bus subscribers, notice and run handlers) may return anything: a value is ignored, a
 * promise (any thenable) is watched so that its rejection is reported like a throw.
 *
 * @packageDocumentation
 */

/**
 * Calls `report` with the rejection reason if `result` is a thenable that rejects; ignores any other
 * value (a number, an array length, an object without `then`). Reading `then` may throw (a hostile
 * getter): the caller's own try/catch reports that like a throw of the handler.
 */
export function reportRejection(result: unknown, report: (error: unknown) => void): void {
  if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return;
  const then = (result as { then?: unknown }).then;
  if (typeof then === 'function') (then as PromiseLike<unknown>['then']).call(result, undefined, report);
}
