export { CustomWsServer } from './server.js';
export type { CustomWsServerOptions, RuleEngineLike, RuleSummary, ScopedToken } from './options.js';
export { AlertQueueFullError } from './alert-queue.js';
export type { QueuedAlert } from './alert-queue.js';
export { overlayAction, overlayActionSchema } from './overlay-action.js';
export type { OverlayAction, OverlayActionOutput, AlertTarget } from './overlay-action.js';
import './action-types.js';
