/**
 * `@vmsc/obs`: drive OBS Studio from VMSC through obs-websocket 5.
 *
 * @packageDocumentation
 */
export { ObsController, OBS_DEFAULT_URL } from './controller.js';
export type { ObsControllerOptions, ObsRecordingStopped } from './controller.js';
export { ObsAuthError, ObsNotFoundError, ObsRequestError, ObsNotConnectedError } from './errors.js';
export type { ObsRequestFailure } from './errors.js';
export { runObsOperation, obsOperations } from './operation.js';
export type { ObsOperation, ObsOperationResult } from './operation.js';
export { obsAction, obsActionSchema } from './action.js';
export type { ObsAction, ObsActionOutput } from './action.js';
import './action-types.js';
