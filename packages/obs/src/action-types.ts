import type { ObsAction } from './action.js';

/**
 * Gives the `obs` action its static type in core's `Action`, `Rule` and `RuleInput` once this
 * package is imported.
 */
declare module '@vmsc/core' {
  interface ActionTypeMap {
    /** Registered with `obsAction(controller)` (`@vmsc/obs`). */
    obs: ObsAction;
  }
}
