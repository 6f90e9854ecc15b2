import type { OverlayAction } from './overlay-action.js';

/**
 * Gives the `overlay` action its static type in core's `Action`, `Rule` and `RuleInput` once this
 * package is imported.
 */
declare module '@vmsc/core' {
  interface ActionTypeMap {
    /** Registered with `overlayAction(server)` (`@vmsc/custom-ws-server`). */
    overlay: OverlayAction;
  }
}
